package com.backordergateway.plugins.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The staff wording the plugin ships: the testkit's contract (every file in English, French and
 * Spanish reads right with any fact missing), and the English word for word.
 */
class TeamsTemplatesTest extends TemplatesContract {

  /**
   * Teams refuses a message over 28 KB; the card around the body takes under 2 KB, so a body of
   * 24,000 characters (at most 26 KB of UTF-8 for this wording) always fits.
   */
  @Override
  protected OptionalInt maxBodyLength() {
    return OptionalInt.of(24_000);
  }

  private static final String PRODUCT = "**Titanium White Acrylic 120 ml** (ACR-TITANIUM-WHITE)";

  @Test
  void shipsAStaffAlertPerTriggerAndTriggerWideFollowUpsButNothingForCustomers() {
    assertThat(shipped()).hasSize(TemplateNames.TRIGGERS.size() * TemplateNames.STAFF_NAMES.size())
        .noneMatch(s -> TemplateNames.isCustomerName(s.name()));
  }

  @Test
  void stockDepletedStaffAlert() {
    assertRendered("stock-depleted", "staff-alert", "Sold out: Titanium White Acrylic 120 ml",
        PRODUCT + " sold out on order ORD-5001 and is now on backorder. Expected back April 14, 2026.");
    assertThat(render(TemplateFacts.sample("stock-depleted", "staff-alert").withEta(null)).body())
        .endsWith("is now on backorder. No restock date yet: please get one from purchasing.");
  }

  @Test
  void markedUnavailableStaffAlertGivesTheReason() {
    assertRendered("marked-unavailable", "staff-alert", "Marked unavailable: Titanium White Acrylic 120 ml",
        PRODUCT + " was marked unavailable: sold out after a sale. Expected back April 14, 2026. Please check open "
            + "orders that include it.");
  }

  @Test
  void supplierDelayedStaffAlertNamesTheSupplierAndPo() {
    assertRendered("supplier-delayed", "staff-alert", "Supplier delay: Titanium White Acrylic 120 ml",
        "Golden Artist Colors has pushed back PO PO-2041: " + PRODUCT + " is now expected April 14, 2026. Orders "
            + "waiting on it will ship late.");
  }

  @Test
  void platformBackorderStaffAlertNamesTheOrderAsTheShopShowsIt() {
    RenderedMessage alert = render(TemplateFacts.sample("platform-backorder", "staff-alert").withOrderName("#1001"));
    assertThat(alert.subject()).isEqualTo("Web order on backorder: #1001");
    assertThat(alert.body()).isEqualTo("Order #1001 came in from the online store with " + PRODUCT + " on backorder. "
        + "Expected back April 14, 2026.");
  }

  @Test
  void etaCorrection() {
    assertRendered("supplier-delayed", "staff-eta-correction", "New date: Titanium White Acrylic 120 ml",
        PRODUCT + " is now expected April 14, 2026, according to Golden Artist Colors (PO PO-2041). Orders waiting "
            + "on it will ship late.");
  }

  @Test
  void resolutionRestockedWithTheStaffNoteAndCancelled() {
    assertRendered("stock-depleted", "staff-resolution", "Back in stock: Titanium White Acrylic 120 ml",
        PRODUCT + " is back in stock: 48 on hand after a receipt. Orders waiting on it can ship now. Message to "
            + "customers: Back on the shelf today.");
    RenderedMessage cancelled = render(TemplateFacts.sample("marked-unavailable", "staff-resolution").sparse()
        .withResolution("cancelled"));
    assertThat(cancelled.subject()).isEqualTo("Not coming back: Titanium White Acrylic 120 ml");
    assertThat(cancelled.body()).isEqualTo(PRODUCT + " will not be restocked. It comes off the orders that were "
        + "waiting for it, and those customers are not charged for it.");
  }

  @Test
  void aFrenchStoreReadsFrenchWithAFrenchDate() {
    assertThat(render("stock-depleted", "staff-alert", "fr-CA").body()).isEqualTo(PRODUCT + " est épuisé après la "
        + "commande ORD-5001 et passe en réapprovisionnement. Retour prévu le 14 avril 2026.");
  }

  private void assertRendered(String trigger, String name, String subject, String body) {
    assertThat(render(trigger, name, "en-US")).isEqualTo(new RenderedMessage(subject, body));
  }
}
