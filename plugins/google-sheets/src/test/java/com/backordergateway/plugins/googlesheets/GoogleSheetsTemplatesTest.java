package com.backordergateway.plugins.googlesheets;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-line texts of the {@code message} column, for every trigger and purpose, in English,
 * French and Spanish: the testkit's contract, each on one line without a subject (a cell holds
 * it), and the main ones word for word.
 */
class GoogleSheetsTemplatesTest extends TemplatesContract {

  private static final String NBSP = "\u00a0";

  @Override
  protected void checkRendered(TemplateFacts facts, RenderedMessage rendered) {
    assertThat(rendered.subject()).as("a cell has no subject").isEmpty();
    assertThat(rendered.body().strip()).as("one line in a cell").doesNotContain("\n");
  }

  @Test
  void everyTriggerAndPurposeHasALineForBothAudiences() {
    long names = Stream.concat(TemplateNames.CUSTOMER_NAMES.stream(), TemplateNames.STAFF_NAMES.stream()).count();
    assertThat(shipped()).hasSize((int) (TemplateNames.TRIGGERS.size() * names));
  }

  @Test
  void customerNoticeWordForWord() {
    assertThat(render("stock-depleted", "customer-notice", "en").body().strip())
        .isEqualTo("Titanium White Acrylic 120 ml (order ORD-5001) is on backorder, expected by April 14, 2026.");
    assertThat(render("stock-depleted", "customer-notice", "fr").body().strip()).isEqualTo(
        "Titanium White Acrylic 120 ml (commande ORD-5001) est en rupture de stock, retour prévu d'ici le 14 avril 2026.");
    assertThat(render("stock-depleted", "customer-notice", "es").body().strip())
        .isEqualTo("Titanium White Acrylic 120 ml (pedido ORD-5001) está agotado, se espera para el 14 de abril de 2026.");
    assertThat(render(TemplateFacts.sample("stock-depleted", "customer-notice").sparse()).body().strip())
        .isEqualTo("Titanium White Acrylic 120 ml is on backorder, no date yet.");
  }

  @Test
  void staffLinesCarryTheStaffOnlyFacts() {
    assertThat(render("supplier-delayed", "staff-alert", "en").body().strip()).isEqualTo(
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) is backordered: sold out after a sale. Expected April 14, 2026.");
    assertThat(render("supplier-delayed", "staff-resolution", "fr").body().strip()).isEqualTo(
        "Réapprovisionné" + NBSP + ": Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE), 48 on hand after a receipt.");
    assertThat(render("supplier-delayed", "staff-eta-correction", "es").body().strip()).isEqualTo(
        "Nueva fecha para Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE): 14 de abril de 2026. "
            + "Proveedor Golden Artist Colors, orden de compra PO-2041.");
  }

  @Test
  void resolutionSaysHowTheCaseEnded() {
    TemplateFacts sample = TemplateFacts.sample("stock-depleted", "resolution").withLocale(Locale.US);
    assertThat(render(sample).body().strip())
        .isEqualTo("Titanium White Acrylic 120 ml is back in stock (order ORD-5001). Back on the shelf today.");
    assertThat(render(sample.withResolution("cancelled").sparse().withResolution("cancelled")).body().strip())
        .isEqualTo("Titanium White Acrylic 120 ml will not be restocked.");
  }
}
