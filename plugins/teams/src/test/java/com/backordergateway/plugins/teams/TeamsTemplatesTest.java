package com.backordergateway.plugins.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The templates the plugin ships: they compile, and each file renders the wording we mean. */
class TeamsTemplatesTest {

  private static final TemplateSource SHIPPED = TemplateSource.folder(Path.of("src/main/resources/templates"));
  private static final Templates TEMPLATES = Templates.of(List.of(SHIPPED));

  @Test
  void shipsAStaffAlertPerTriggerAndPurposeWideFollowUps() {
    assertThat(SHIPPED.paths()).containsExactlyInAnyOrder(
        "stock-depleted/staff-alert.mustache", "marked-unavailable/staff-alert.mustache",
        "supplier-delayed/staff-alert.mustache", "platform-backorder/staff-alert.mustache",
        "eta-correction.mustache", "resolution.mustache");
  }

  @Test
  void stockDepletedStaffAlert() {
    assertRendered("stock-depleted", "staff-alert", "Sold out: Titanium White Acrylic 120 ml",
        "**Titanium White Acrylic 120 ml** (ACR-TITANIUM-WHITE) sold out on order ORD-5001 and is now on backorder. "
            + "Expected back April 14, 2026.");
  }

  @Test
  void markedUnavailableStaffAlert() {
    assertRendered("marked-unavailable", "staff-alert", "Marked unavailable: Titanium White Acrylic 120 ml",
        "**Titanium White Acrylic 120 ml** (ACR-TITANIUM-WHITE) was marked unavailable: sold out after a sale. "
            + "Expected back April 14, 2026. Please check open orders that include it.");
    assertThat(render(withoutEta(TemplateFacts.sample("marked-unavailable", "staff-alert"))).body())
        .contains("sold out after a sale. No return date yet. Please check");
  }

  @Test
  void supplierDelayedStaffAlert() {
    assertRendered("supplier-delayed", "staff-alert", "Supplier delay: Titanium White Acrylic 120 ml",
        "Golden Artist Colors has pushed back PO PO-2041: **Titanium White Acrylic 120 ml** (ACR-TITANIUM-WHITE) "
            + "is now expected April 14, 2026. Orders waiting on it will ship late.");
  }

  @Test
  void platformBackorderStaffAlert() {
    assertRendered("platform-backorder", "staff-alert", "Web order on backorder: ORD-5001",
        "Order ORD-5001 came in from the online store with **Titanium White Acrylic 120 ml** (ACR-TITANIUM-WHITE) "
            + "on backorder. Expected back April 14, 2026.");
  }

  @Test
  void etaCorrection() {
    assertRendered("supplier-delayed", "eta-correction", "New date: Titanium White Acrylic 120 ml",
        "**Titanium White Acrylic 120 ml** (ACR-TITANIUM-WHITE) is now expected April 14, 2026, according to "
            + "Golden Artist Colors (PO PO-2041). Orders waiting on it will ship late.");
    assertThat(render(withoutEta(TemplateFacts.sample("stock-depleted", "eta-correction"))).body())
        .isEqualTo("**Titanium White Acrylic 120 ml** (ACR-TITANIUM-WHITE) no longer has a confirmed date. "
            + "Orders waiting on it will ship late.");
  }

  @Test
  void resolutionPutsTheNoteOnItsOwnLine() {
    assertRendered("platform-backorder", "resolution", "Back in stock: Titanium White Acrylic 120 ml",
        "**Titanium White Acrylic 120 ml** (ACR-TITANIUM-WHITE) is back in stock. Orders waiting on it can ship now.\n"
            + "Note: Back on the shelf today.");
    TemplateFacts s = TemplateFacts.sample("stock-depleted", "resolution");
    RenderedMessage cancelled = render(new TemplateFacts(s.storeName(), s.trigger(), s.purpose(), s.sku(), s.product(),
        s.orderId(), s.customerName(), s.customerEmail(), s.customerPhone(), s.eta(), s.zone(), s.locale(), s.caseId(),
        s.reason(), s.supplier(), s.poNumber(), "cancelled", ""));
    assertThat(cancelled.subject()).isEqualTo("Not coming back: Titanium White Acrylic 120 ml");
    assertThat(cancelled.body()).isEqualTo("**Titanium White Acrylic 120 ml** (ACR-TITANIUM-WHITE) will not be "
        + "restocked. It comes off the orders that were waiting for it, and those customers are not charged for it.");
  }

  private static void assertRendered(String trigger, String purpose, String subject, String body) {
    RenderedMessage message = render(TemplateFacts.sample(trigger, purpose));
    assertThat(message.subject()).isEqualTo(subject);
    assertThat(message.body()).isEqualTo(body);
  }

  private static RenderedMessage render(TemplateFacts facts) {
    return TEMPLATES.render(facts).orElseThrow();
  }

  private static TemplateFacts withoutEta(TemplateFacts s) {
    return new TemplateFacts(s.storeName(), s.trigger(), s.purpose(), s.sku(), s.product(), s.orderId(),
        s.customerName(), s.customerEmail(), s.customerPhone(), null, s.zone(), s.locale(), s.caseId(), s.reason(),
        s.supplier(), s.poNumber(), s.resolution(), s.message());
  }
}
