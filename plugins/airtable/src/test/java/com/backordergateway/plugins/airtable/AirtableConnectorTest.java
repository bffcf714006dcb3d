package com.backordergateway.plugins.airtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Airtable connector against a fake Airtable that checks each request as Airtable reads it:
 * a Bearer personal access token, {@code PATCH} on the table (its name URL-encoded) with
 * {@code performUpsert} merging on the case key and {@code typecast}, the configured field names,
 * follow-ups upserting the same key (and noting a record that had to be created again), a 429
 * waiting 30 s, Airtable's error texts, and the 5-requests-a-second window shared by every
 * instance on one base.
 */
class AirtableConnectorTest extends ConnectorContractTest {

  private static final String TOKEN = "patK3xTm9QbW2Yv7a.0123456789abcdef0123456789abcdef";
  private static final String RECORD = "recA1b2C3d4E5f6G7";
  private static final PlatformJson JSON = PlatformJson.get();

  /** Each test its own base, so the shared windows of different tests never meet. */
  private final String base = "app" + randomId();

  @Override
  protected Connector connector() {
    return new AirtableConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "access-token", TOKEN, "base-id", base, "table", "Back orders");
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("access-token", TOKEN);
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(upserted(RECORD, true));
  }

  @Override
  protected String expectedExternalId() {
    return RECORD;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.path()).as("the table name URL-encoded").isEqualTo("/v0/" + base + "/Back%20orders");
    assertThat(request.header("Authorization")).hasValue("Bearer " + TOKEN);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    JsonNode body = request.json();
    assertThat(body.fieldNames()).toIterable().containsExactly("performUpsert", "records", "typecast");
    assertThat(body.at("/performUpsert/fieldsToMergeOn")).isEqualTo(JSON.read("[\"Case key\"]").orElseThrow());
    assertThat(body.get("typecast").asBoolean()).isTrue();
    assertThat(body.get("records")).hasSize(1);
    assertThat(body.at("/records/0/fields")).isEqualTo(JSON.object()
        .put("Case key", "case_01JSAMPLE / order 5678901234567")
        .put("Status", "backordered")
        .put("Trigger", "stock-depleted")
        .put("SKU", "ACR-TITANIUM-WHITE")
        .put("Product", "Titanium White Acrylic 120 ml")
        .put("Order", "#1001")
        .put("Customer", "Maya Okafor <maya@example.com>")
        .put("ETA", "2026-04-14")
        .put("Last update", sampleNotification().message().body())
        .put("Updated at", TestConnectorContext.DEFAULT_NOW.toString()));
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(401, 403, 404, 422);
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 401 -> "{\"error\":{\"type\":\"AUTHENTICATION_REQUIRED\",\"message\":\"Authentication required\"}}";
      case 403 -> "{\"error\":{\"type\":\"INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND\",\"message\":\"Invalid permissions, "
          + "or the requested model was not found.\"}}";
      case 404 -> "{\"error\":\"NOT_FOUND\"}";
      default -> "{\"error\":{\"type\":\"UNKNOWN_FIELD_NAME\",\"message\":\"Unknown field name: \\\"ETA\\\"\"}}";
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 401 -> "AUTHENTICATION_REQUIRED: Authentication required";
      case 403 -> "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND";
      case 404 -> "NOT_FOUND";
      default -> "UNKNOWN_FIELD_NAME: Unknown field name: \"ETA\"";
    };
  }

  /** Airtable always waits 30 s, whatever a Retry-After says. */
  @Override
  protected Optional<Duration> expectedRetryAfter(Duration announced) {
    return Optional.of(Duration.ofSeconds(30));
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of("base-id", "backorders-base", "requests-per-second", "50", "time-zone", "Mars/Olympus");
  }

  @Test
  void configuredFieldNamesAreWrittenAndTwoSettingsMayNotShareOne() throws Exception {
    platform.enqueue(upserted(RECORD, true));
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("case-key-field", "Backorder key");
    settings.put("eta-field", "Expected");
    openSession(settings).deliver(sampleNotification());
    JsonNode body = platform.onlyRequest().json();
    assertThat(body.at("/performUpsert/fieldsToMergeOn/0").asText()).isEqualTo("Backorder key");
    assertThat(body.at("/records/0/fields").has("Backorder key")).isTrue();
    assertThat(body.at("/records/0/fields/Expected").asText()).isEqualTo("2026-04-14");

    settings.put("sku-field", "Expected");
    InvalidSettingsException refused = assertThrows(InvalidSettingsException.class,
        () -> connector().open(settings(settings), context));
    assertThat(refused.key()).isIn("sku-field", "eta-field");
  }

  @Test
  void aFollowUpUpsertsTheSameCaseKeyAndUpdatesTheRecord() throws Exception {
    platform.enqueue(upserted(RECORD, false));
    Notification correction = SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.SUPPLIER_DELAYED, Purpose.ETA_CORRECTION), RECORD);

    DeliveryReceipt receipt = openSession().deliver(correction);

    assertThat(receipt.reference()).isEqualTo(RECORD);
    assertThat(receipt.note()).isEmpty();
    JsonNode fields = platform.onlyRequest().json().at("/records/0/fields");
    assertThat(fields.get("Case key").asText()).isEqualTo("case_01JSAMPLE / order 5678901234567");
    assertThat(fields.get("Status").asText()).isEqualTo("delayed");
    assertThat(fields.get("Last update").asText()).isEqualTo(correction.message().body());
  }

  @Test
  void aFollowUpWhoseRecordWasDeletedSaysItCreatedANewOne() throws Exception {
    platform.enqueue(upserted("recZ9y8X7w6V5u4T3", true));
    DeliveryReceipt receipt = openSession().deliver(SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION), RECORD));
    assertThat(receipt.reference()).isEqualTo("recZ9y8X7w6V5u4T3");
    assertThat(receipt.note()).isEqualTo("no Airtable record had case key 'case_01JSAMPLE / order 5678901234567' any "
        + "more (record " + RECORD + " was deleted); created record recZ9y8X7w6V5u4T3");
  }

  @Test
  void staffRecordsAreKeyedByTheCaseAloneAndAnEmptyEtaClearsTheField() throws Exception {
    platform.enqueue(upserted(RECORD, true));
    openSession().deliver(SampleNotifications.withFact(SampleNotifications.staffAlert(), "eta", ""));
    JsonNode fields = platform.onlyRequest().json().at("/records/0/fields");
    assertThat(fields.get("Case key").asText()).isEqualTo("case_01JSAMPLE / staff");
    assertThat(fields.get("ETA").isNull()).isTrue();
    assertThat(fields.has("Customer")).isFalse();
  }

  @Test
  void twoInstancesOnOneBaseShareItsFiveRequestsASecond() throws Exception {
    ConnectorSession orders = openSession();
    Map<String, String> otherTable = new HashMap<>(validSettings(platform.url()));
    otherTable.put("table", "tblQ1w2E3r4T5y6U7");
    ConnectorSession staff = openSession(otherTable);
    for (int i = 0; i < 5; i++) {
      platform.enqueue(upserted(RECORD, true));
      (i % 2 == 0 ? orders : staff).deliver(sampleNotification());
    }
    context.clock().advance(Duration.ofMillis(300));

    RetryableDeliveryException full = assertThrows(RetryableDeliveryException.class,
        () -> staff.deliver(sampleNotification()));
    assertThat(full.retryAfter()).hasValue(Duration.ofMillis(700));
    assertThat(platform.requestCount()).isEqualTo(5);
    assertThat(platform.requests()).extracting(RecordedRequest::path).contains("/v0/" + base + "/tblQ1w2E3r4T5y6U7");

    context.clock().advance(Duration.ofMillis(700));
    platform.enqueue(upserted(RECORD, false));
    assertThat(orders.deliver(sampleNotification()).externalId()).isEqualTo(RECORD);
  }

  @Test
  void anotherBaseHasAWindowOfItsOwn() throws Exception {
    for (int i = 0; i < 5; i++) {
      platform.enqueue(upserted(RECORD, true));
      openSession().deliver(sampleNotification());
    }
    Map<String, String> otherBase = new HashMap<>(validSettings(platform.url()));
    otherBase.put("base-id", "app" + randomId());
    platform.enqueue(upserted(RECORD, true));
    assertThat(openSession(otherBase).deliver(sampleNotification()).externalId()).isEqualTo(RECORD);
  }

  private static FakeResponse upserted(String id, boolean created) {
    String ids = "[\"" + id + "\"]";
    return FakeResponse.json(200, "{\"records\":[{\"id\":\"" + id + "\",\"createdTime\":\"2026-03-02T09:30:00.000Z\","
        + "\"fields\":{}}],\"createdRecords\":" + (created ? ids : "[]") + ",\"updatedRecords\":"
        + (created ? "[]" : ids) + "}");
  }

  private static String randomId() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    Random random = new Random();
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
