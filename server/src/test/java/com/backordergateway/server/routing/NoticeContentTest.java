package com.backordergateway.server.routing;

import static com.backordergateway.server.testing.Requests.at;
import static com.backordergateway.server.testing.Requests.level;
import static com.backordergateway.server.testing.Requests.order;
import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.IngestPlatformEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.PlatformSignal;
import com.backordergateway.api.v1.Purpose;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people read, for the defects found by reading it: staff alerts that lost the order,
 * stock counts sent to customers, customer wording in staff resolutions, English text with a
 * French date, and "no restock date" while a supplier shipment had one. The connectors are of
 * types whose plugins are not loaded, so the gateway's own templates render (as for the generic
 * webhook, which ships none) and deliveries stay planned.
 */
class NoticeContentTest {

  static final String CONFIG = """
      store: {name: Maple & Thread Crafts}
      triggers: {supplier-delay-threshold: 48h}
      connectors:
        - {id: email, type: sendgrid, awaiting-plugin: true, mode: dry-run}
        - {id: erp, type: webhook, awaiting-plugin: true, mode: dry-run}
      routes:
        - {name: customers, when: {audience: customer}, send: [email]}
        - {name: staff, when: {audience: staff}, send: [erp]}
      sources:
        - {id: main, type: shopify, awaiting-plugin: true, settings: {secret: shopify-signing-secret-0001}}
      """;

  @TempDir Path dir;
  TestGateway gateway;
  final TestClock clock = new TestClock(Instant.parse("2026-05-01T15:00:00Z"));

  @BeforeEach
  void start() {
    gateway = TestGateway.start(dir, clock, new TestGateway.Options(CONFIG, false, false));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  static Delivery planned(IntakeResponse response, Audience audience, Purpose purpose) {
    return response.getPlannedDeliveriesList().stream()
        .filter(d -> d.getAudience() == audience && d.getPurpose() == purpose).findFirst().orElseThrow();
  }

  @Test
  void aPlatformBackordersStaffAlertNamesTheOrderTheShopShows() {
    CustomerOrder shopOrder = order("5678901234567").toBuilder().setOrderName("#1001").build();
    IntakeResponse response = gateway.backorder().ingestPlatformEvent(IngestPlatformEventRequest.newBuilder()
        .setSource("shopify").setInstance("main")
        .setSignal(PlatformSignal.newBuilder().setDeliveryId("wh-1").setOrder(shopOrder).addBackorderedSkus("ACR-WHITE"))
        .build());

    Delivery alert = planned(response, Audience.AUDIENCE_STAFF, Purpose.PURPOSE_STAFF_ALERT);
    assertThat(alert.getFactsMap()).containsEntry("order_id", "5678901234567").containsEntry("order_name", "#1001");
    assertThat(alert.getBody()).contains("Order #1001 is waiting for it.").doesNotContain("  ", "Order  ");
    Delivery notice = planned(response, Audience.AUDIENCE_CUSTOMER, Purpose.PURPOSE_CUSTOMER_NOTICE);
    assertThat(notice.getSubject()).isEqualTo("Your Maple & Thread Crafts order #1001: ACR-WHITE is on backorder");
    assertThat(notice.getFactsMap()).containsEntry("order_id", "5678901234567").containsEntry("order_name", "#1001");
  }

  @Test
  void aRestockTellsCustomersTheGoodNewsAndOnlyStaffTheStockCount() {
    IntakeResponse sold = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));
    gateway.markSent(sold.getPlannedDeliveriesList());

    IntakeResponse restocked = gateway.backorder().reportInventoryLevel(level("PAINT-RED", 48, InventoryCause.INVENTORY_CAUSE_RECEIPT));

    Delivery customer = planned(restocked, Audience.AUDIENCE_CUSTOMER, Purpose.PURPOSE_RESOLUTION);
    assertThat(customer.getBody()).contains("Good news: PAINT-RED is back in stock and your order A-1 will ship soon.")
        .doesNotContain("48", "on hand", "receipt");
    assertThat(customer.getFactsMap()).containsEntry("note", "48 on hand after a receipt").containsEntry("message", "");
    Delivery staff = planned(restocked, Audience.AUDIENCE_STAFF, Purpose.PURPOSE_RESOLUTION);
    assertThat(staff.getSubject()).isEqualTo("Back in stock: PAINT-RED (PAINT-RED)");
    assertThat(staff.getBody()).startsWith("Restocked: 48 on hand after a receipt. Orders waiting on it can ship now.");
  }

  @Test
  void aStaffResolutionThroughAConnectorWithoutTemplatesReadsAsStaffWordingWithoutBlanks() {
    IntakeResponse marked = gateway.backorder().markUnavailable(MarkUnavailableRequest.newBuilder()
        .setSku("BRUSH-12").setReason("water damage").setActor("sam").build());
    gateway.markSent(marked.getPlannedDeliveriesList());

    IntakeResponse resolved = gateway.backorder().resolveBackorder(com.backordergateway.api.v1.ResolveBackorderRequest
        .newBuilder().setSku("BRUSH-12").setResolution(com.backordergateway.api.v1.Resolution.RESOLUTION_CANCELLED)
        .build());

    Delivery staff = planned(resolved, Audience.AUDIENCE_STAFF, Purpose.PURPOSE_RESOLUTION);
    assertThat(staff.getConnector()).isEqualTo("erp");
    assertThat(staff.getSubject()).isEqualTo("Not coming back: BRUSH-12 (BRUSH-12)");
    assertThat(staff.getBody()).startsWith("Cancelled: resolved as cancelled through ResolveBackorder.")
        .doesNotContain("Hi", "Hello", "your order", "  ", " .", "Good news");
  }

  @Test
  void aFrenchCanadianCustomerReadsFrenchWithAFrenchDate() {
    gateway.backorder().registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder()
        .setSupplier("Golden Artist Colors").setPoNumber("PO-2042").setExpectedAt(at(Instant.parse("2026-12-10T16:00:00Z")))
        .addLines(ShipmentLine.newBuilder().setSku("ACR-WHITE").setQuantity(24)).build());
    CustomerOrder order = order("A-12").toBuilder()
        .setCustomer(order("A-12").getCustomer().toBuilder().setName("Émilie Tremblay").setLocale("fr-CA"))
        .setOrderName("#1012").build();

    IntakeResponse sold = gateway.backorder().reportInventoryLevel(sale("ACR-WHITE", 0, "A-12").toBuilder()
        .setOrder(order).build());

    Delivery notice = planned(sold, Audience.AUDIENCE_CUSTOMER, Purpose.PURPOSE_CUSTOMER_NOTICE);
    assertThat(notice.getSubject()).startsWith("Votre commande #1012 chez Maple & Thread Crafts");
    assertThat(notice.getBody()).startsWith("Bonjour Émilie,").contains("d'ici le 10 décembre 2026")
        .doesNotContain("Hi ", "December", "your order", "  ");
  }

  @Test
  void aSoldOutNoticeUsesTheSuppliersExpectedDateAndThoseToldHearWhenItMoves() {
    Instant expected = Instant.parse("2026-05-20T16:00:00Z");
    gateway.backorder().registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder()
        .setSupplier("Golden Artist Colors").setPoNumber("PO-2041").setExpectedAt(at(expected))
        .addLines(ShipmentLine.newBuilder().setSku("ACR-WHITE").setQuantity(24)).build());

    IntakeResponse sold = gateway.backorder().reportInventoryLevel(sale("ACR-WHITE", 0, "A-9"));

    Delivery notice = planned(sold, Audience.AUDIENCE_CUSTOMER, Purpose.PURPOSE_CUSTOMER_NOTICE);
    assertThat(notice.getBody()).contains("our supplier expects it by May 20, 2026").doesNotContain("as soon as we have a date");
    assertThat(notice.getFactsMap()).containsEntry("eta", expected.toString()).containsEntry("eta_source", "supplier");
    Delivery alert = planned(sold, Audience.AUDIENCE_STAFF, Purpose.PURPOSE_STAFF_ALERT);
    assertThat(alert.getBody()).contains("The supplier expects it May 20, 2026").contains("Supplier Golden Artist Colors, PO PO-2041");
    gateway.markSent(sold.getPlannedDeliveriesList());

    Instant sooner = expected.minus(Duration.ofDays(2));
    IntakeResponse moved = gateway.backorder().reportShipmentUpdate(ReportShipmentUpdateRequest.newBuilder()
        .setPoNumber("PO-2041").setNewExpectedAt(at(sooner)).build());

    assertThat(moved.getTriggered()).as("earlier is no supplier delay").isFalse();
    Delivery correction = planned(moved, Audience.AUDIENCE_CUSTOMER, Purpose.PURPOSE_ETA_CORRECTION);
    assertThat(correction.getRecipient().getOrderId()).isEqualTo("A-9");
    assertThat(correction.getBody()).contains("Our supplier now expects it by May 18, 2026.");
    assertThat(moved.getPlannedDeliveriesList()).extracting(Delivery::getPurpose).containsExactly(Purpose.PURPOSE_ETA_CORRECTION);
    assertThat(moved.getReason()).contains("1 order(s) told the supplier's new expected date");
    List<Delivery> again = gateway.backorder().reportShipmentUpdate(ReportShipmentUpdateRequest.newBuilder()
        .setPoNumber("PO-2041").setNewExpectedAt(at(sooner)).build()).getPlannedDeliveriesList();
    assertThat(again).as("the same date again tells nobody").isEmpty();
  }
}
