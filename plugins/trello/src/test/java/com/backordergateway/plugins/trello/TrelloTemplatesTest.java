package com.backordergateway.plugins.trello;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The card texts the plugin ships, read by the board's members: a card for a customer's order
 * (what is missing, whom to call, what to offer) and one for a staff alert, and the comments the
 * case's follow-ups add, for every trigger and purpose in English, French and Spanish. The
 * testkit's contract, within Trello's 16,384 characters, with a subject for every card name.
 */
class TrelloTemplatesTest extends TemplatesContract {

  @Override
  protected OptionalInt maxBodyLength() {
    return OptionalInt.of(TrelloSession.MAX_TEXT);
  }

  @Override
  protected void checkRendered(TemplateFacts facts, RenderedMessage rendered) {
    assertThat(rendered.subject()).as("the card name").isNotBlank().hasSizeLessThan(200);
  }

  @Test
  void everyTriggerAndPurposeHasACardText() {
    assertThat(shipped()).hasSize(TemplateNames.TRIGGERS.size()
        * (TemplateNames.CUSTOMER_NAMES.size() + TemplateNames.STAFF_NAMES.size()));
  }

  @Test
  void theCardSaysWhereTheCasesNewsWillBe() {
    RenderedMessage customer = render("stock-depleted", "customer-notice", "en");
    assertThat(customer.subject()).isEqualTo(
        "Follow up with the customer: Titanium White Acrylic 120 ml is on backorder (order ORD-5001)");
    assertThat(customer.body()).contains("Please check in with Maya Okafor (maya@example.com, +14155550123)")
        .endsWith("Backorder case case_01JSAMPLE. New dates and the outcome will be added to this card.");
    assertThat(render("stock-depleted", "staff-alert", "en").body())
        .endsWith("Updates on this case are added to this card as comments.");
    assertThat(render("stock-depleted", "staff-alert", "fr").body())
        .endsWith("Les suites de ce dossier sont ajoutées en commentaire sur cette carte.");
    assertThat(render("stock-depleted", "customer-notice", "es").body())
        .endsWith("Las nuevas fechas y el resultado se añadirán a esta tarjeta.");
  }
}
