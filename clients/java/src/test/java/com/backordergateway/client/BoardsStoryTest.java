package com.backordergateway.client;

import static com.backordergateway.client.StoryGateway.at;
import static com.backordergateway.client.StoryGateway.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.connector.testkit.FakePlatform;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit and board story end to end, with the distribution's Google Sheets, Airtable,
 * monday.com and Trello plugin jars in a real gateway, each live against a fake that keeps what
 * it was sent: a sale takes a SKU to zero with two orders waiting, the supplier's shipment slips,
 * then stock arrives. The sheet ends with one timestamped row per delivery; the base, the monday
 * board and the Trello board each with one record, item or card per affected order, created
 * once and updated in place by the new date and the restock (and the staff's own per case).
 */
class BoardsStoryTest {

  private static final String SKU = StoryGateway.SKU;
  private static final List<String> PLUGINS = List.of("google-sheets", "airtable", "monday", "trello");
  private static final String TRELLO_TOKEN = "ATTAstory0123456789abcdef0123456789abcdef";
  private static final String RESOLVED_LIST = "65f1c0ffee0ddba11a5e0002";

  @TempDir Path dir;
  private final FakeBoards.AppsScript sheet = new FakeBoards.AppsScript();
  private final FakePlatform sheetApi = FakePlatform.start().answering(sheet);
  private final FakeBoards.Airtable airtable = new FakeBoards.Airtable("patStoryToken.0123456789abcdef");
  private final FakePlatform airtableApi = FakePlatform.start().answering(airtable);
  private final FakeBoards.Monday monday = new FakeBoards.Monday("monday-story-token");
  private final FakePlatform mondayApi = FakePlatform.start().answering(monday);
  private final FakeBoards.Trello trello = new FakeBoards.Trello(TRELLO_TOKEN);
  private final FakePlatform trelloApi = FakePlatform.start().answering(trello);
  private StoryGateway story;
  private BackorderClient client;

  @BeforeEach
  void start() throws Exception {
    story = StoryGateway.start(dir, PLUGINS, """
        connectors:
          - id: sheet
            type: google-sheets
            rate-per-second: 50
            settings: {web-app-url: "%s", sheet: Backorders, time-zone: America/New_York}
          - id: airtable
            type: airtable
            rate-per-second: 50
            settings: {base-url: "%s", access-token: patStoryToken.0123456789abcdef, base-id: appStoryBase00001,
                       table: Backorders}
          - id: monday
            type: monday
            rate-per-second: 50
            settings: {base-url: "%s", api-token: monday-story-token, board-id: "1234567890", status-column-id: status,
                       owner-user-ids: "12345678", eta-column-id: date4}
          - id: trello
            type: trello
            rate-per-second: 50
            settings: {base-url: "%s", api-key: "0123456789abcdef0123456789abcdef", token: %s,
                       backorder-list-id: 65f1c0ffee0ddba11a5e0001, resolved-list-id: %s}
        routes:
          - {name: audit, send: [sheet, airtable, monday, trello]}
        """.formatted(sheetApi.url("/macros/s/story-deployment/exec"), airtableApi.url(), mondayApi.url(),
        trelloApi.url(), TRELLO_TOKEN, RESOLVED_LIST));
    client = story.client();
  }

  @AfterEach
  void stop() {
    story.close();
    sheetApi.close();
    airtableApi.close();
    mondayApi.close();
    trelloApi.close();
  }

  @Test
  void aSaleToZeroAnEtaSlipAndARestockLeaveOneRowPerDeliveryAndOneRecordPerOrderUpdatedInPlace() {
    Instant expected = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    client.backorder().registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder()
        .setSupplier("Golden Artist Colors").setPoNumber("PO-2041").setExpectedAt(at(expected))
        .addLines(ShipmentLine.newBuilder().setSku(SKU).setQuantity(24)).build());

    client.backorder().reportInventoryLevel(sale("1001", "Maya Okafor", "maya@example.com"));
    client.backorder().reportInventoryLevel(sale("1002", "Sam Lee", "sam@example.com"));
    List<Delivery> opened = story.awaitSettled(3 * PLUGINS.size()); // a staff alert and two customer notices

    client.backorder().reportShipmentUpdate(ReportShipmentUpdateRequest.newBuilder().setPoNumber("PO-2041")
        .setNewExpectedAt(at(expected.plus(Duration.ofDays(7)))).build());
    List<Delivery> slipped = story.awaitSettled(opened.size() + 3 * PLUGINS.size());

    client.backorder().reportInventoryLevel(ReportInventoryLevelRequest.newBuilder().setSku(SKU).setOnHand(48)
        .setCause(InventoryCause.INVENTORY_CAUSE_RECEIPT).build());
    List<Delivery> all = story.awaitSettled(slipped.size() + 3 * PLUGINS.size());

    List<Delivery> toSheet = all.stream().filter(d -> d.getConnector().equals("sheet")).toList();
    List<JsonNode> rows = sheet.rows();
    assertThat(rows).as("one row per delivery").hasSize(toSheet.size()).hasSize(9);
    assertThat(rows).extracting(row -> row.path("delivery_id").asText())
        .containsExactlyInAnyOrderElementsOf(toSheet.stream().map(Delivery::getId).toList());
    List<String> columns = List.of("timestamp", "trigger", "purpose", "sku", "product", "order", "customer", "eta",
        "status", "case_id", "delivery_id", "message");
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.path("sheet").asText()).isEqualTo("Backorders");
      assertThat(row.path("columns")).extracting(JsonNode::asText).containsExactlyElementsOf(columns);
      assertThat(row.path("row").get(0).asText()).as("a timestamp").isNotBlank();
      assertThat(row.path("row").get(3).asText()).as("text kept as text ('), never a formula").isEqualTo("'" + SKU);
    });
    assertThat(rows.stream().map(row -> row.path("row").get(8).asText()).collect(Collectors.toSet()))
        .as("the status column follows the case").containsOnly("'backordered", "'delayed", "'restocked");

    for (String order : List.of("1001", "1002")) {
      // Airtable: the order's record, upserted three times on its case key.
      List<FakeBoards.Thing> records = airtable.records().entrySet().stream()
          .filter(e -> e.getKey().endsWith(" / order " + order)).map(Map.Entry::getValue).toList();
      assertThat(records).as("Airtable records of order %s", order).hasSize(1);
      assertThat(records.get(0).writes()).extracting(fields -> fields.path("Status").asText())
          .containsExactly("backordered", "delayed", "restocked");

      // monday.com: the order's item, created once; three updates on it, the status ending Restocked.
      List<FakeBoards.Thing> items = monday.items().values().stream()
          .filter(i -> i.writes().get(0).path("itemName").asText().contains("#" + order)).toList();
      assertThat(items).as("monday items of order %s", order).hasSize(1);
      assertThat(items.get(0).writes()).filteredOn(w -> w.has("body")).hasSize(3);
      assertThat(items.get(0).writes()).filteredOn(w -> w.has("status")).last()
          .satisfies(w -> assertThat(w.path("status").asText()).contains("Restocked"));

      // Trello: the order's card, created once, commented twice and moved to Resolved.
      List<FakeBoards.Thing> cards = trello.cards().values().stream()
          .filter(c -> c.writes().get(0).path("name").asText().contains("#" + order)).toList();
      assertThat(cards).as("Trello cards of order %s", order).hasSize(1);
      assertThat(cards.get(0).writes()).filteredOn(w -> w.has("text")).hasSize(2);
      assertThat(cards.get(0).writes().get(cards.get(0).writes().size() - 1).path("idList").asText())
          .isEqualTo(RESOLVED_LIST);
    }
    assertThat(airtable.records().keySet()).as("the two orders, the staff's record of the case, the supplier's alert")
        .hasSize(4).anyMatch(key -> key.endsWith(" / staff") && key.startsWith("case_"))
        .anyMatch(key -> key.equals("sku " + SKU + " / staff"));
  }
}
