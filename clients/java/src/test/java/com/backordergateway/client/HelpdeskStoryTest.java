package com.backordergateway.client;

import static com.backordergateway.client.StoryGateway.at;
import static com.backordergateway.client.StoryGateway.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.Purpose;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.client.FakeHelpdesk.Ticket;
import com.backordergateway.connector.testkit.FakePlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ticketing story end to end, with the Zendesk, Freshdesk and Gorgias plugin jars of the
 * distribution in a real gateway, each live against a fake helpdesk that keeps its tickets: a
 * sale takes a SKU to zero with two orders waiting, the supplier's shipment slips, then stock
 * arrives. Each helpdesk ends with exactly one ticket per affected order, holding the ETA
 * correction and the resolution as two follow-ups.
 */
class HelpdeskStoryTest {

  private static final String SKU = StoryGateway.SKU;

  private static final List<String> PLUGINS = List.of("zendesk", "freshdesk", "gorgias");

  @TempDir Path dir;
  private final FakeHelpdesk zendesk = FakeHelpdesk.zendesk("support@example-crafts.com", "zd-story-token");
  private final FakeHelpdesk freshdesk = FakeHelpdesk.freshdesk("fd-story-key");
  private final FakeHelpdesk gorgias = FakeHelpdesk.gorgias("ops@example-crafts.com", "gg-story-key");
  private final FakePlatform zendeskApi = FakePlatform.start().answering(zendesk);
  private final FakePlatform freshdeskApi = FakePlatform.start().answering(freshdesk);
  private final FakePlatform gorgiasApi = FakePlatform.start().answering(gorgias);
  private StoryGateway story;
  private BackorderClient client;

  @BeforeEach
  void start() throws Exception {
    story = StoryGateway.start(dir, PLUGINS, """
        connectors:
          - id: zendesk
            type: zendesk
            rate-per-second: 50
            settings: {subdomain: example-crafts, base-url: "%s", email: support@example-crafts.com, api-token: zd-story-token}
          - id: freshdesk
            type: freshdesk
            rate-per-second: 50
            settings: {domain: example-crafts, base-url: "%s", api-key: fd-story-key}
          - id: gorgias
            type: gorgias
            rate-per-second: 50
            settings: {domain: example-crafts, base-url: "%s", email: ops@example-crafts.com, api-key: gg-story-key,
                       support-email: support@example-crafts.com}
        routes:
          - {name: helpdesks, when: {audience: customer}, send: [zendesk, freshdesk, gorgias]}
        """.formatted(zendeskApi.url(), freshdeskApi.url(), gorgiasApi.url()));
    client = story.client();
  }

  @AfterEach
  void stop() {
    story.close();
    zendeskApi.close();
    freshdeskApi.close();
    gorgiasApi.close();
  }

  @Test
  void aSaleToZeroAnEtaSlipAndARestockAreOneTicketPerOrderWithTwoFollowUps() {
    Instant expected = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    client.backorder().registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder()
        .setSupplier("Golden Artist Colors").setPoNumber("PO-2041").setExpectedAt(at(expected))
        .addLines(ShipmentLine.newBuilder().setSku(SKU).setQuantity(24)).build());

    client.backorder().reportInventoryLevel(sale("1001", "Maya Okafor", "maya@example.com"));
    client.backorder().reportInventoryLevel(sale("1002", "Sam Lee", "sam@example.com"));
    story.awaitDelivered(Purpose.PURPOSE_CUSTOMER_NOTICE, 2 * PLUGINS.size());

    client.backorder().reportShipmentUpdate(ReportShipmentUpdateRequest.newBuilder().setPoNumber("PO-2041")
        .setNewExpectedAt(at(expected.plus(Duration.ofDays(7)))).build());
    story.awaitDelivered(Purpose.PURPOSE_ETA_CORRECTION, 2 * PLUGINS.size());

    client.backorder().reportInventoryLevel(ReportInventoryLevelRequest.newBuilder().setSku(SKU).setOnHand(48)
        .setCause(InventoryCause.INVENTORY_CAUSE_RECEIPT).build());
    story.awaitDelivered(Purpose.PURPOSE_RESOLUTION, 2 * PLUGINS.size());

    for (Map.Entry<String, FakeHelpdesk> desk : Map.of("zendesk", zendesk, "freshdesk", freshdesk, "gorgias", gorgias)
        .entrySet()) {
      List<Ticket> tickets = desk.getValue().tickets();
      assertThat(tickets).as("%s: one ticket per affected order", desk.getKey()).hasSize(2);
      for (Ticket ticket : tickets) {
        int followUps = desk.getKey().equals("gorgias")
            ? ticket.followUps().size() - 1 // Gorgias: the customer's first email is a message too
            : ticket.followUps().size();
        assertThat(followUps).as("%s ticket %d: the new date and the restock", desk.getKey(), ticket.id()).isEqualTo(2);
      }
    }
    assertThat(zendesk.tickets()).allSatisfy(t -> assertThat(t.statuses()).containsExactly("solved"));
    assertThat(freshdesk.tickets()).allSatisfy(t -> assertThat(t.statuses()).containsExactly("4"));
    assertThat(gorgias.tickets()).allSatisfy(t -> assertThat(t.statuses()).containsExactly("closed"));
    assertThat(zendesk.tickets()).extracting(t -> t.opening().path("requester").path("email").asText())
        .containsExactlyInAnyOrder("maya@example.com", "sam@example.com");
  }

}
