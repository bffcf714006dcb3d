package com.backordergateway.plugins.zapier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Zapier connector against a fake Catch Hook that answers as Zapier does: one flat JSON
 * object per delivery with the field names Zaps map (pinned here: renaming one breaks merchants'
 * Zaps), the staff-only facts kept from customers' payloads, Zapier's {@code status: success} as
 * the only success, and the hook URL — the credential — never in a log line or an error.
 */
class ZapierConnectorTest extends ConnectorContractTest {

  private static final String HOOK_PATH = "/hooks/catch/1234567/u7xk2pq/";
  private static final String REQUEST_ID = "019a7c2e-5b7d-7c1e-9f3a-8d2b4e6f1a90";

  @Override
  protected Connector connector() {
    return new ZapierConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("hook-url", platformUrl + HOOK_PATH);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("hook-url", platform.url() + HOOK_PATH);
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(success());
  }

  @Override
  protected String expectedExternalId() {
    return REQUEST_ID;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).as("the hook's path, trailing slash kept").isEqualTo(HOOK_PATH);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    JsonNode payload = request.json();
    assertThat(payload.fieldNames()).toIterable().containsExactlyElementsOf(ZapierPayload.FIELDS);
    assertThat(payload.get("delivery_id").asText()).isEqualTo(sampleNotification().deliveryId());
    assertThat(payload.get("case_id").asText()).isEqualTo("case_01JSAMPLE");
    assertThat(payload.get("trigger").asText()).isEqualTo("stock-depleted");
    assertThat(payload.get("purpose").asText()).isEqualTo("customer-notice");
    assertThat(payload.get("audience").asText()).isEqualTo("customer");
    assertThat(payload.get("status").asText()).isEqualTo("backordered");
    assertThat(payload.get("sku").asText()).isEqualTo("ACR-TITANIUM-WHITE");
    assertThat(payload.get("order_id").asText()).isEqualTo("5678901234567");
    assertThat(payload.get("order_name").asText()).isEqualTo("#1001");
    assertThat(payload.get("customer_email").asText()).isEqualTo("maya@example.com");
    assertThat(payload.get("customer_phone").asText()).isEqualTo("+14155550123");
    assertThat(payload.get("eta_iso").asText()).isEqualTo("2026-04-14T16:00:00Z");
    assertThat(payload.get("eta_date").asText()).as("the day in Chicago").isEqualTo("2026-04-14");
    assertThat(payload.get("subject").asText()).isEqualTo(sampleNotification().message().subject());
    assertThat(payload.get("body").asText()).isEqualTo(sampleNotification().message().body());
    assertThat(payload.get("is_follow_up").asBoolean()).isFalse();
    assertThat(payload.get("sent_at").asText()).isEqualTo(TestConnectorContext.DEFAULT_NOW.toString());
    payload.fields().forEachRemaining(field -> assertThat(field.getValue().isValueNode())
        .as("%s is flat", field.getKey()).isTrue());
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 404, 410);
  }

  @Override
  protected String clientErrorBody(int status) {
    return "{\"status\":\"error\",\"message\":\"" + switch (status) {
      case 410 -> "This hook has been deleted";
      case 404 -> "Hook not found";
      default -> "Bad request: could not parse the body";
    } + "\"}";
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 410 -> "This hook has been deleted";
      case 404 -> "Hook not found";
      default -> "could not parse the body";
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of("time-zone", "Mars/Olympus_Mons");
  }

  @Test
  void theFieldNamesAreAStableContract() {
    // Zaps map these by name: a change here must be additive, and said in the README.
    assertThat(ZapierPayload.FIELDS).containsExactly(
        "delivery_id", "case_id", "trigger", "purpose", "audience", "status",
        "sku", "product", "category", "order_id", "order_name",
        "customer_name", "customer_email", "customer_phone", "customer_locale", "customer_time_zone", "customer_id",
        "eta_iso", "eta_date", "eta_source", "supplier", "po_number", "store_name",
        "subject", "body", "message", "reason", "note", "is_follow_up", "sent_at");
  }

  @Test
  void bothAudiencesAndNoUpdateInPlace() {
    assertThat(connector().descriptor().capabilities())
        .containsExactlyInAnyOrder(Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE);
  }

  @Test
  void aCustomersPayloadCarriesNoStaffOnlyFacts() throws Exception {
    platform.enqueue(success());
    Notification withNote = SampleNotifications.withFact(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION), "note", "48 on hand after a receipt");
    openSession().deliver(withNote);
    JsonNode payload = platform.onlyRequest().json();
    assertThat(payload.get("reason").asText()).isEmpty();
    assertThat(payload.get("note").asText()).isEmpty();
    assertThat(payload.get("is_follow_up").asBoolean()).isTrue();
    assertThat(payload.get("status").asText()).isEqualTo("restocked");
    assertThat(platform.onlyRequest().bodyText()).doesNotContain("on hand");
  }

  @Test
  void aStaffPayloadCarriesTheReasonAndDatesInTheConfiguredZone() throws Exception {
    platform.enqueue(success());
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("time-zone", "Asia/Tokyo");
    openSession(settings).deliver(SampleNotifications.withFact(SampleNotifications.staffAlert(), "eta",
        "2026-04-14T16:00:00Z"));
    JsonNode payload = platform.onlyRequest().json();
    assertThat(payload.get("audience").asText()).isEqualTo("staff");
    assertThat(payload.get("purpose").asText()).isEqualTo("staff-alert");
    assertThat(payload.get("reason").asText()).isNotEmpty();
    assertThat(payload.get("customer_email").asText()).isEmpty();
    assertThat(payload.get("eta_date").asText()).as("16:00 UTC is the next day in Tokyo").isEqualTo("2026-04-15");
  }

  @Test
  void everyFieldIsPresentWhenTheFactsAreEmpty() throws Exception {
    platform.enqueue(success());
    Notification sparse = SampleNotifications.to(SampleNotifications.withFact(
        SampleNotifications.withFact(sampleNotification(), "eta", ""), "order_name", ""), Recipient.NONE);
    openSession().deliver(sparse);
    JsonNode payload = platform.onlyRequest().json();
    assertThat(payload.fieldNames()).toIterable().containsExactlyElementsOf(ZapierPayload.FIELDS);
    assertThat(payload.get("eta_iso").asText()).isEmpty();
    assertThat(payload.get("eta_date").asText()).isEmpty();
    assertThat(payload.get("order_id").asText()).as("from the facts").isEqualTo("5678901234567");
  }

  @Test
  void aTwoHundredWithoutSuccessIsPermanentWithZapiersMessage() {
    platform.enqueue(FakeResponse.json(200, "{\"status\":\"error\",\"message\":\"Zap is turned off\"}"));
    PermanentDeliveryException thrown = deliverExpecting(PermanentDeliveryException.class);
    assertThat(thrown).hasMessageContaining("status 'error': Zap is turned off");
    assertNoSecretIn(thrown);
  }

  @Test
  void aUrlThatIsNotACatchHookIsRefusedAtStartUp() {
    Map<String, String> settings = Map.of("hook-url", "https://zapier.com/editor/123456789/draft/_GEN_1/setup");
    assertThatThrownBy(() -> connector().open(settings(settings), context))
        .isInstanceOf(InvalidSettingsException.class)
        .satisfies(e -> assertThat(((InvalidSettingsException) e).key()).isEqualTo("hook-url"))
        .hasMessageContaining("Catch Hook URL").hasMessageNotContaining("editor/123456789");
  }

  @Test
  void theHookUrlIsNeverLogged() throws Exception {
    platform.enqueue(success());
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).isNotEmpty().noneMatch(line -> line.contains("u7xk2pq"));
    assertThat(settings(validSettings(platform.url())).masked().toString()).doesNotContain("u7xk2pq");
  }

  private static FakeResponse success() {
    return FakeResponse.json(200, "{\"attempt\":\"" + REQUEST_ID + "\",\"id\":\"" + REQUEST_ID
        + "\",\"request_id\":\"" + REQUEST_ID + "\",\"status\":\"success\"}");
  }
}
