package com.backordergateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseChange;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ListCasesRequest;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.Resolution;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.Gateway;
import com.backordergateway.server.config.ConfigLoader;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Secrets;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The design's backorder story through the Java client over real TCP: register a shipment,
 * sell a SKU to zero, mark another unavailable, let the shipment slip, resolve.
 */
class GatewayScenarioTest {

  static final String TOKEN = "scenario-token-0123456789";

  @TempDir Path dir;

  @Test
  void theBackorderStory() throws Exception {
    // The distribution's SendGrid and Slack jars, their instances in dry-run.
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path distribution = Path.of("../../distribution/target/backorder-gateway/plugins");
    try (var jars = Files.newDirectoryStream(distribution, "{sendgrid,slack}-connector-*.jar")) {
      for (Path jar : jars) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    Path configFile = Files.writeString(dir.resolve("gateway.yaml"), """
        server: {http-port: 0}
        plugins: {dir: "%s", watch: false}
        storage: {url: "jdbc:sqlite:%s"}
        auth:
          tokens: [{name: scenario, token: %s, scopes: [intake, read, admin]}]
        connectors:
          - {id: email, type: sendgrid, mode: dry-run,
             settings: {api-key: SG.scenario-not-a-real-key, from-email: orders@example-crafts.com}}
          - {id: slack, type: slack, mode: dry-run,
             settings: {webhook-url: "https://hooks.slack.com/services/T0000/B0000/scenario0000000000000000"}}
        routes:
          - {name: customers, when: {audience: customer}, send: [email]}
          - {name: staff, when: {audience: staff}, send: [slack]}
        """.formatted(plugins, dir.resolve("story.db"), TOKEN));
    GatewayConfig config = new ConfigLoader(name -> null, Secrets.global()).load(configFile);
    TestClock clock = new TestClock(Instant.parse("2026-04-01T09:00:00Z"));

    try (Gateway gateway = Gateway.start(config, clock, NettyServerBuilder.forPort(0));
        BackorderClient client = BackorderClient.builder()
            .target("localhost:" + gateway.grpcPort()).token(TOKEN).build()) {
      var api = client.backorder();

      // 1. Purchasing registers a shipment of acrylic paint due in three days.
      IntakeResponse registered = api.registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder()
          .setSupplier("Golden Artist Colors").setPoNumber("PO-2041")
          .addLines(ShipmentLine.newBuilder().setSku("ACR-TITANIUM-WHITE").setQuantity(60))
          .setExpectedAt(at(clock.instant().plus(Duration.ofDays(3))))
          .build());
      assertThat(registered.getTriggered()).isFalse();

      // 2. The last tube sells.
      IntakeResponse soldOut = api.reportInventoryLevel(ReportInventoryLevelRequest.newBuilder()
          .setSku("ACR-TITANIUM-WHITE").setOnHand(0).setCause(InventoryCause.INVENTORY_CAUSE_SALE)
          .setOrder(order("ORD-5001", "maya@example.com"))
          .build());
      assertThat(soldOut.getTrigger()).isEqualTo(Trigger.TRIGGER_STOCK_DEPLETED);
      assertThat(soldOut.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_OPENED);
      assertThat(plan(soldOut)).containsExactlyInAnyOrder("slack STAFF_ALERT", "email CUSTOMER_NOTICE ORD-5001");

      // 3. Staff pull a batch of brushes with loose ferrules.
      IntakeResponse marked = api.markUnavailable(MarkUnavailableRequest.newBuilder()
          .setSku("BRUSH-FILBERT-8").setReason("loose ferrules in batch 22").setActor("jordan")
          .addAffectedOrders(order("ORD-5002", "li@example.com"))
          .build());
      assertThat(marked.getTrigger()).isEqualTo(Trigger.TRIGGER_MARKED_UNAVAILABLE);
      assertThat(plan(marked)).containsExactlyInAnyOrder("slack STAFF_ALERT", "email CUSTOMER_NOTICE ORD-5002");

      // The dry-run connectors record the first notices as sent.
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
          client.admin().listDeliveries(ListDeliveriesRequest.newBuilder().setConnectorId("email").build())
              .getDeliveriesList().stream().allMatch(d -> d.getStatus() == DeliveryStatus.DELIVERY_STATUS_DELIVERED));

      // 4. The supplier slips four days: Maya, already told, gets the new date.
      clock.advance(Duration.ofDays(1));
      IntakeResponse slipped = api.reportShipmentUpdate(ReportShipmentUpdateRequest.newBuilder()
          .setPoNumber("PO-2041").setNewExpectedAt(at(clock.instant().plus(Duration.ofDays(6)))).build());
      assertThat(slipped.getTrigger()).isEqualTo(Trigger.TRIGGER_SUPPLIER_DELAYED);
      assertThat(slipped.getCaseIdsList()).isEqualTo(soldOut.getCaseIdsList());
      assertThat(plan(slipped)).containsExactlyInAnyOrder("slack STAFF_ALERT", "email ETA_CORRECTION ORD-5001");

      // 5. The paint arrives; the brushes are written off.
      IntakeResponse restocked = api.reportInventoryLevel(ReportInventoryLevelRequest.newBuilder()
          .setSku("ACR-TITANIUM-WHITE").setOnHand(60).setCause(InventoryCause.INVENTORY_CAUSE_RECEIPT).build());
      assertThat(restocked.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_RESTOCKED);
      IntakeResponse cancelled = api.resolveBackorder(ResolveBackorderRequest.newBuilder()
          .setSku("BRUSH-FILBERT-8").setResolution(Resolution.RESOLUTION_CANCELLED)
          .setMessage("batch written off; offering a substitute").build());
      assertThat(cancelled.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_CANCELLED);

      // The record: six events, both cases closed, and nothing left queued for a closed case.
      List<Event> events = api.listEvents(ListEventsRequest.getDefaultInstance()).getEventsList();
      assertThat(events).hasSize(6);
      assertThat(events.stream().filter(Event::getTriggered).map(Event::getTrigger)).containsExactly(
          Trigger.TRIGGER_SUPPLIER_DELAYED, Trigger.TRIGGER_MARKED_UNAVAILABLE, Trigger.TRIGGER_STOCK_DEPLETED);
      List<BackorderCase> cases = api.listCases(ListCasesRequest.getDefaultInstance()).getCasesList();
      assertThat(cases).extracting(BackorderCase::getStatus)
          .containsExactlyInAnyOrder(CaseStatus.CASE_STATUS_RESTOCKED, CaseStatus.CASE_STATUS_CANCELLED);
      List<Delivery> resolutions = client.admin().listDeliveries(ListDeliveriesRequest.newBuilder()
          .setConnectorId("email").build()).getDeliveriesList().stream()
          .filter(d -> d.getPurpose() == com.backordergateway.api.v1.Purpose.PURPOSE_RESOLUTION).toList();
      assertThat(resolutions).as("both customers were told, so both hear how it ended")
          .extracting(d -> d.getRecipient().getOrderId()).containsExactlyInAnyOrder("ORD-5001", "ORD-5002");
    }
  }

  static List<String> plan(IntakeResponse response) {
    return response.getPlannedDeliveriesList().stream()
        .map(d -> (d.getConnector() + " " + d.getPurpose().name().substring("PURPOSE_".length()) + " "
            + (d.getAudience() == Audience.AUDIENCE_CUSTOMER ? d.getRecipient().getOrderId() : "")).trim())
        .toList();
  }

  static CustomerOrder order(String id, String email) {
    return CustomerOrder.newBuilder().setOrderId(id)
        .setCustomer(Customer.newBuilder().setEmail(email).setTimeZone("America/Chicago")).build();
  }

  static Timestamp at(Instant instant) {
    return Timestamps.fromMillis(instant.toEpochMilli());
  }
}
