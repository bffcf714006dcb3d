package com.backordergateway.server.delivery;

import static com.backordergateway.server.testing.Requests.at;
import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quiet hours, staff digests and supplier routing, end to end through the engine. */
class RouteTimingTest {

  @TempDir Path dir;
  @TempDir Path work;
  // 23:00 in New York, where the test customers live.
  final TestClock clock = new TestClock(Instant.parse("2026-06-02T03:00:00Z"));
  FakePlatform customers;
  FakePlatform staff;
  FakePlatform purchasing;
  TestGateway gateway;

  @BeforeEach
  void start() {
    customers = FakePlatform.start();
    staff = FakePlatform.start();
    purchasing = FakePlatform.start();
    TestPlugins.poster(work).writeTo(TestGateway.pluginsDir(dir).resolve("poster.jar"));
    gateway = TestGateway.start(dir, clock, new TestGateway.Options("""
        connectors:
          - {id: sms, type: poster, settings: {url: "%s"}}
          - {id: chat, type: poster, settings: {url: "%s"}}
          - {id: buyers, type: poster, settings: {url: "%s"}}
        routes:
          - name: customers
            when: {audience: customer}
            send: [sms]
            quiet-hours: {from: "21:00", to: "08:00"}
          - name: staff
            when: {audience: staff, triggers: [stock-depleted]}
            send: [chat]
            coalesce: 5m
          - name: paint-buyers
            when: {audience: staff, triggers: [stock-depleted, marked-unavailable], category: "paint*"}
            send: [buyers]
          - name: jacquard-delays
            when: {audience: staff, triggers: [supplier-delayed], supplier: "Jacquard*"}
            send: [buyers]
        """.formatted(customers.url("/sms"), staff.url("/chat"), purchasing.url("/buyers")), false, false));
  }

  @AfterEach
  void stop() {
    gateway.close();
    customers.close();
    staff.close();
    purchasing.close();
  }

  List<Delivery> deliveries(String connector) {
    return gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listDeliveries(
        ListDeliveriesRequest.newBuilder().setConnectorId(connector).build()).getDeliveriesList();
  }

  @Test
  void aNightTimeCustomerNoticeWaitsForMorningInTheRecipientsZone() throws Exception {
    customers.enqueue(FakeResponse.json(201, "{}"));
    Delivery notice = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1")).getPlannedDeliveriesList()
        .stream().filter(d -> d.getConnector().equals("sms")).findFirst().orElseThrow();

    assertThat(notice.getNextAttemptAt()).isEqualTo(at(Instant.parse("2026-06-02T12:00:00Z")));
    Thread.sleep(DeliveryDispatcher.POLL_MILLIS * 3);
    assertThat(customers.requestCount()).as("deferred, not sent at night").isZero();

    clock.set(Instant.parse("2026-06-02T12:00:00Z"));
    await().atMost(Duration.ofSeconds(20)).until(() ->
        deliveries("sms").get(0).getStatus() == DeliveryStatus.DELIVERY_STATUS_DELIVERED);
    assertThat(customers.requestCount()).isEqualTo(1);
  }

  @Test
  void staffAlertsInOneWindowGoOutAsOneDigest() throws Exception {
    staff.enqueue(FakeResponse.json(201, "{\"id\":\"digest-1\"}"));
    for (String sku : List.of("PAINT-RED", "PAINT-BLUE", "PAINT-GREEN")) {
      gateway.backorder().reportInventoryLevel(sale(sku, 0, "A-" + sku));
      clock.advance(Duration.ofMinutes(1));
    }
    Thread.sleep(DeliveryDispatcher.POLL_MILLIS * 3);
    assertThat(staff.requestCount()).as("the window is still open").isZero();

    clock.advance(Duration.ofMinutes(3)); // five minutes after the first alert
    await().atMost(Duration.ofSeconds(20)).until(() -> deliveries("chat").stream()
        .allMatch(d -> d.getStatus() == DeliveryStatus.DELIVERY_STATUS_DELIVERED));

    assertThat(staff.requestCount()).isEqualTo(1);
    String body = staff.onlyRequest().json().get("body").asText();
    assertThat(body).contains("PAINT-RED").contains("PAINT-BLUE").contains("PAINT-GREEN");
    assertThat(deliveries("chat")).hasSize(3).allMatch(d -> d.getExternalId().equals("digest-1"));
  }

  @Test
  void categoryRoutesMatchTheCategoryTheCaseOpenedWith() {
    gateway.backorder().reportInventoryLevel(sale("ACR-RED", 0, "A-1").toBuilder().setCategory("paint & ink").build());
    gateway.backorder().reportInventoryLevel(sale("YARN-BLUE", 0, "A-2").toBuilder().setCategory("yarn").build());
    assertThat(deliveries("buyers")).singleElement().satisfies(d -> {
      assertThat(d.getFactsMap()).containsEntry("sku", "ACR-RED").containsEntry("category", "paint & ink");
    });
  }

  @Test
  void supplierRoutesMatchTheSupplier() {
    purchasing.enqueue(FakeResponse.json(201, "{}"));
    for (String supplier : List.of("Jacquard Products", "Golden Artist Colors")) {
      String po = "PO-" + supplier.charAt(0);
      gateway.backorder().registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder()
          .setSupplier(supplier).setPoNumber(po)
          .addLines(ShipmentLine.newBuilder().setSku("DYE-" + supplier.charAt(0)).setQuantity(10))
          .setExpectedAt(at(clock.instant().plus(Duration.ofDays(3)))).build());
      IntakeResponse slipped = gateway.backorder().reportShipmentUpdate(ReportShipmentUpdateRequest.newBuilder()
          .setPoNumber(po).setNewExpectedAt(at(clock.instant().plus(Duration.ofDays(9)))).build());
      assertThat(slipped.getTriggered()).isTrue();
    }
    assertThat(deliveries("buyers")).singleElement()
        .satisfies(d -> assertThat(d.getFactsMap()).containsEntry("supplier", "Jacquard Products"));
  }
}
