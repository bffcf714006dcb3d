package com.backordergateway.plugins.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order-note templates the plugin ships: the testkit's contract (every file in English, French
 * and Spanish reads right with any fact missing), one line without a subject, and the wording word
 * for word.
 */
class ShopifyTemplatesTest extends TemplatesContract {

  private static final String NBSP = "\u00a0";
  private static final Map<String, String> HEADING = Map.of("en", "Backorder", "fr", "Rupture de stock", "es", "Falta de stock");
  private static final Map<String, String> CASE = Map.of("en", " Case ", "fr", " Dossier ", "es", " Caso ");

  /** An order note has no subject and is one line: the heading, the item and its SKU, the case last. */
  @Override
  protected void checkRendered(TemplateFacts facts, RenderedMessage note) {
    String what = facts.trigger() + "/" + facts.templateName() + " " + facts.locale();
    String language = facts.locale().getLanguage();
    assertThat(note.subject()).as("an order note has no subject: %s", what).isEmpty();
    assertThat(note.body()).as(what).doesNotContain("\n").startsWith(HEADING.get(language))
        .contains(facts.product() + " (" + facts.sku() + ")").endsWith(CASE.get(language) + facts.caseId() + ".");
    if (!language.equals("en")) {
      assertThat(note.body()).as("English left in %s", what).doesNotContain("Case ", "Expected", "order", "supplier", "\u2019");
    }
  }

  @Test
  void onlyCustomerNotesAreShipped() {
    assertThat(shipped()).hasSize(TemplateNames.TRIGGERS.size() * TemplateNames.CUSTOMER_NAMES.size())
        .allMatch(s -> TemplateNames.isCustomerName(s.name()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "stock-depleted|customer-notice|stock-depleted/customer-notice.mustache|Backorder: Titanium White Acrylic 120 ml "
          + "(ACR-TITANIUM-WHITE) sold out before this order shipped. Restock expected April 14, 2026. Case case_01JSAMPLE.",
      "marked-unavailable|customer-notice|marked-unavailable/customer-notice.mustache|Backorder: Titanium White Acrylic "
          + "120 ml (ACR-TITANIUM-WHITE) is marked unavailable. Expected back April 14, 2026. Case case_01JSAMPLE.",
      "supplier-delayed|customer-notice|supplier-delayed/customer-notice.mustache|Backorder: Titanium White Acrylic 120 ml "
          + "(ACR-TITANIUM-WHITE) is delayed at Golden Artist Colors (PO PO-2041). Expected April 14, 2026. "
          + "Case case_01JSAMPLE.",
      "platform-backorder|customer-notice|platform-backorder/customer-notice.mustache|Backorder: Titanium White Acrylic "
          + "120 ml (ACR-TITANIUM-WHITE) was on backorder when ordered. Expected April 14, 2026. Case case_01JSAMPLE.",
      "supplier-delayed|eta-correction|eta-correction.mustache|Backorder update: Titanium White Acrylic 120 ml "
          + "(ACR-TITANIUM-WHITE) is now expected April 14, 2026. Case case_01JSAMPLE.",
      "stock-depleted|resolution|resolution.mustache|Backorder resolved: Titanium White Acrylic 120 ml "
          + "(ACR-TITANIUM-WHITE) is back in stock and can ship. Back on the shelf today. Case case_01JSAMPLE."})
  void eachShippedTemplateRendersTheSample(String trigger, String purpose, String file, String expected) {
    assertThat(templates().sourceOf(trigger, purpose, Locale.US)).hasValue(templatesFolder() + "/" + file);
    assertThat(render(trigger, purpose, "en-US")).isEqualTo(new RenderedMessage("", expected));
  }

  @Test
  void withoutAnEtaOrWhenCancelledTheNoteSaysSo() {
    assertThat(render(TemplateFacts.sample("stock-depleted", "customer-notice").withEta(null)).body()).isEqualTo(
        "Backorder: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out before this order shipped. "
            + "No restock date yet. Case case_01JSAMPLE.");
    assertThat(render(TemplateFacts.sample("marked-unavailable", "eta-correction").withEta(null)).body()).isEqualTo(
        "Backorder update: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) has no new date yet. Case case_01JSAMPLE.");
    assertThat(render(TemplateFacts.sample("platform-backorder", "resolution").sparse().withResolution("cancelled"))
        .body()).isEqualTo("Backorder resolved: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) will not be "
            + "restocked and was taken off the order. Case case_01JSAMPLE.");
    assertThat(render(TemplateFacts.sample("stock-depleted", "resolution").sparse().withResolution("")).body())
        .isEqualTo("Backorder resolved: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) is no longer on backorder. "
            + "Case case_01JSAMPLE.");
  }

  /** The note is written on the order itself, so it does not name it. */
  @Test
  void theNoteDoesNotNameTheOrderItIsOn() {
    assertThat(render(TemplateFacts.sample("stock-depleted", "customer-notice").withOrderName("#1001")).body())
        .doesNotContain("#1001", "ORD-5001");
  }

  @Test
  void frenchRendersTheSampleWithTheDateInFrench() {
    assertThat(render("stock-depleted", "customer-notice", "fr-CA").body()).isEqualTo(
        "Rupture de stock" + NBSP + ": l'article Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) s'est épuisé avant "
            + "l'expédition de cette commande. Réassort prévu le 14 avril 2026. Dossier case_01JSAMPLE.");
    assertThat(render("supplier-delayed", "customer-notice", "fr-FR").body()).isEqualTo(
        "Rupture de stock" + NBSP + ": l'article Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) est retardé chez "
            + "Golden Artist Colors (bon de commande PO-2041). Arrivée prévue le 14 avril 2026. Dossier case_01JSAMPLE.");
  }

  @Test
  void spanishRendersTheSampleWithTheDateInSpanish() {
    assertThat(render("stock-depleted", "eta-correction", "es-MX").body()).isEqualTo(
        "Falta de stock, actualización: el artículo Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) se espera ahora "
            + "para el 14 de abril de 2026. Caso case_01JSAMPLE.");
    assertThat(render("stock-depleted", "resolution", "es").body()).isEqualTo(
        "Falta de stock resuelta: el artículo Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) vuelve a estar en stock "
            + "y puede enviarse. Back on the shelf today. Caso case_01JSAMPLE.");
  }
}
