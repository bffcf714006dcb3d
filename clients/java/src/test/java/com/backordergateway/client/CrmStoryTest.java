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
import com.backordergateway.connector.testkit.FakePlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRM story end to end, with the distribution's HubSpot, Salesforce and Pipedrive plugin jars
 * in a real gateway, each live against a fake CRM that keeps its records: a sale takes a SKU to
 * zero with two orders waiting, the supplier's shipment slips, then stock arrives. Each CRM ends
 * with one record chain per affected order — a HubSpot contact, a Salesforce Order's posts and
 * Task, a Pipedrive deal's label, notes and activity — written once and updated twice.
 */
class CrmStoryTest {

  private static final String SKU = StoryGateway.SKU;
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final List<String> PLUGINS = List.of("hubspot", "salesforce", "pipedrive");
  private static final String ORDER_FIELD = "5f1e0c4a9b7d3e2f8a6c1b0d9e8f7a6b5c4d3e2f";

  @TempDir Path dir;
  private final FakeCrm.Hubspot hubspot = new FakeCrm.Hubspot("pat-na1-story-token");
  private final FakeCrm.Salesforce salesforce = new FakeCrm.Salesforce("sf-story-secret")
      .withOrder("1001", "801STORY00000001AA").withOrder("1002", "801STORY00000002AA");
  private final FakePlatform hubspotApi = FakePlatform.start().answering(hubspot);
  private final FakePlatform salesforceApi = FakePlatform.start().answering(salesforce);
  private final FakeCrm.Pipedrive pipedrive = new FakeCrm.Pipedrive("pd-story-token-0123456789", ORDER_FIELD)
      .withDeal(4821, "1001").withDeal(4822, "1002");
  private final FakePlatform pipedriveApi = FakePlatform.start().answering(pipedrive);
  private StoryGateway story;
  private BackorderClient client;

  @BeforeEach
  void start() throws Exception {
    story = StoryGateway.start(dir, PLUGINS, """
        connectors:
          - id: hubspot
            type: hubspot
            rate-per-second: 50
            settings: {base-url: "%s", access-token: pat-na1-story-token, event-name: pe21345678_backorder_update}
          - id: salesforce
            type: salesforce
            rate-per-second: 50
            settings: {base-url: "%s", my-domain: example-crafts, client-id: 3MVG9story, client-secret: sf-story-secret}
          - id: pipedrive
            type: pipedrive
            rate-per-second: 50
            settings: {base-url: "%s", company-domain: example-crafts, api-token: pd-story-token-0123456789,
                       order-field-key: %s, backorder-label-id: "12", restocked-label-id: "13"}
        routes:
          - {name: crm, when: {audience: customer}, send: [hubspot, salesforce, pipedrive]}
        """.formatted(hubspotApi.url(), salesforceApi.url(), pipedriveApi.url(), ORDER_FIELD));
    client = story.client();
  }

  @AfterEach
  void stop() {
    story.close();
    hubspotApi.close();
    salesforceApi.close();
    pipedriveApi.close();
  }

  @Test
  void aSaleToZeroAnEtaSlipAndARestockAreOneRecordChainPerOrderUpdatedTwice() {
    Instant expected = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    Instant slipped = expected.plus(Duration.ofDays(7));
    client.backorder().registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder()
        .setSupplier("Golden Artist Colors").setPoNumber("PO-2041").setExpectedAt(at(expected))
        .addLines(ShipmentLine.newBuilder().setSku(SKU).setQuantity(24)).build());

    client.backorder().reportInventoryLevel(sale("1001", "Maya Okafor", "maya@example.com"));
    client.backorder().reportInventoryLevel(sale("1002", "Sam Lee", "sam@example.com"));
    story.awaitDelivered(Purpose.PURPOSE_CUSTOMER_NOTICE, 2 * PLUGINS.size());

    client.backorder().reportShipmentUpdate(ReportShipmentUpdateRequest.newBuilder().setPoNumber("PO-2041")
        .setNewExpectedAt(at(slipped)).build());
    story.awaitDelivered(Purpose.PURPOSE_ETA_CORRECTION, 2 * PLUGINS.size());

    client.backorder().reportInventoryLevel(ReportInventoryLevelRequest.newBuilder().setSku(SKU).setOnHand(48)
        .setCause(InventoryCause.INVENTORY_CAUSE_RECEIPT).build());
    story.awaitDelivered(Purpose.PURPOSE_RESOLUTION, 2 * PLUGINS.size());

    // HubSpot: one contact per order's customer, upserted once then patched twice.
    assertThat(hubspot.contacts()).containsOnlyKeys("maya@example.com", "sam@example.com");
    assertThat(hubspot.contacts().values()).allSatisfy(writes -> assertThat(writes)
        .extracting(properties -> properties.path("backorder_status").asText())
        .containsExactly("backordered", "delayed", "restocked"));
    assertThat(hubspot.contacts().get("maya@example.com").get(1).path("backorder_eta").asText())
        .isEqualTo(day(slipped));
    assertThat(hubspot.events()).hasSize(6);

    // Salesforce: per Order one Task (created, moved, completed) and three posts; one token.
    assertThat(salesforce.tasks()).hasSize(2);
    assertThat(salesforce.tasks().values()).allSatisfy(writes -> {
      assertThat(writes).hasSize(3);
      assertThat(writes.get(0).path("ActivityDate").asText()).isEqualTo(day(expected));
      assertThat(writes.get(1).path("ActivityDate").asText()).isEqualTo(day(slipped));
      assertThat(writes.get(2).path("Status").asText()).isEqualTo("Completed");
    });
    assertThat(salesforce.tasks().values()).extracting(writes -> writes.get(0).path("WhatId").asText())
        .containsExactlyInAnyOrder("801STORY00000001AA", "801STORY00000002AA");
    for (String order : List.of("801STORY00000001AA", "801STORY00000002AA")) {
      assertThat(salesforce.postsOn(order)).hasSize(3);
    }
    assertThat(salesforce.tokensIssued()).isEqualTo(1);

    // Pipedrive: per deal one activity (created, moved, done), three notes, Restocked in place of Backorder.
    assertThat(pipedrive.activities()).hasSize(2);
    assertThat(pipedrive.activities().values()).allSatisfy(writes -> {
      assertThat(writes).hasSize(3);
      assertThat(writes.get(0).path("due_date").asText()).isEqualTo(day(expected));
      assertThat(writes.get(1).path("due_date").asText()).isEqualTo(day(slipped));
      assertThat(writes.get(2).path("done").asBoolean()).isTrue();
    });
    for (long deal : List.of(4821L, 4822L)) {
      assertThat(pipedrive.notesOn(deal)).hasSize(3);
      assertThat(pipedrive.labelsOf(deal)).containsExactly(13L);
    }
  }

  private static String day(Instant instant) {
    return LocalDate.ofInstant(instant, CHICAGO).toString();
  }

}
