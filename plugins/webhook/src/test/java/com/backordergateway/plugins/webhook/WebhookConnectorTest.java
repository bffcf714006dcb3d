package com.backordergateway.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.Notification.Message;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookConnectorTest extends ConnectorContractTest {

  private static final String SECRET = "whsec-5f3c9a1e7b2d4c68";
  private static final String HEADERS = "Authorization: Bearer rcv-token-0a9b8c7d\nX-Tenant: crafts-eu";
  private static final String HOOK_PATH = "/hooks/backorders/";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new WebhookConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "url", platformUrl + HOOK_PATH,
        "signing-secret", SECRET,
        "headers", HEADERS);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("signing-secret", SECRET, "headers", HEADERS);
  }

  @Override
  protected Notification sampleNotification() {
    return new Notification(
        "dlv-7Q2K-0001",
        Trigger.STOCK_DEPLETED,
        Purpose.CUSTOMER_NOTICE,
        Audience.CUSTOMER,
        new Recipient("ORD-5001", "Maya Lin", "maya@example.com", "+15551234567", "en-US", "America/Chicago", ""),
        new Message("Your titanium white is on backorder", "Hi Maya, ACR-TITANIUM-WHITE is back on 12 March."),
        Map.of("sku", "ACR-TITANIUM-WHITE", "eta", "2026-03-12", "case_id", "case-42"),
        Optional.empty());
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(FakeResponse.json(202, "{\"id\":\"evt_81723\",\"status\":\"queued\"}"));
  }

  @Override
  protected String expectedExternalId() {
    return "evt_81723";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(HOOK_PATH);
    assertThat(request.header("Content-Type")).contains("application/json");
    assertThat(request.header("X-Backorder-Delivery-Id")).contains("dlv-7Q2K-0001");
    assertThat(request.header("X-Backorder-Signature"))
        .hasValueSatisfying(signature -> assertThat(WebhookSignatures.matchesBase64(SECRET, request.body(), signature)).isTrue());
    assertThat(request.header("Authorization")).contains("Bearer rcv-token-0a9b8c7d");
    assertThat(request.json().get("delivery_id").asText()).isEqualTo("dlv-7Q2K-0001");
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"error\":\"invalid_payload\",\"message\":\"field 'recipient.email' is not allowed for tenant crafts-eu\"}";
      case 401 -> "{\"error\":\"unauthorized\",\"message\":\"signature mismatch\"}";
      case 404 -> "{\"error\":\"not_found\",\"message\":\"no hook at /hooks/backorders/\"}";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "field 'recipient.email' is not allowed for tenant crafts-eu";
      case 401 -> "signature mismatch";
      case 404 -> "no hook at /hooks/backorders/";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "url", "ftp://files.example.com/drop",
        "signing-secret", "short-secret",
        "signature-header", "X Signature",
        "headers", "X-Trace: abc\rInjected: yes");
  }

  // ---- Descriptor ---------------------------------------------------------------------------------

  @Test
  void describesTheWebhookType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("webhook");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(10, 10));
    assertThat(descriptor.capabilities())
        .containsExactlyInAnyOrder(Capability.IDEMPOTENCY_KEY, Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key)
        .containsExactly("url", "signing-secret", "signature-header", "headers");
    assertThat(descriptor.setting("url")).hasValueSatisfying(s -> {
      assertThat(s.required()).isTrue();
      assertThat(s.format()).isEqualTo(SettingFormat.url());
    });
    assertThat(descriptor.setting("signing-secret"))
        .hasValueSatisfying(s -> assertThat(s.format()).isEqualTo(SettingFormat.secret(16)));
    assertThat(descriptor.setting("signature-header")).hasValueSatisfying(s -> {
      assertThat(s.defaultValue()).isEqualTo("X-Backorder-Signature");
      assertThat(s.format().typeName()).isEqualTo("pattern");
    });
    assertThat(descriptor.setting("headers")).hasValueSatisfying(s -> {
      assertThat(s.format()).as("name: value entries, masked as a whole").isEqualTo(SettingFormat.map(true));
      assertThat(s.secret()).isTrue();
    });
  }

  // ---- What the receiver gets -------------------------------------------------------------------

  @Test
  void receiverCanVerifyTheSignatureOverTheExactBytesItReceived() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());

    RecordedRequest request = platform.onlyRequest();
    String presented = request.header("X-Backorder-Signature").orElseThrow();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(presented).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(request.body())));

    byte[] tampered = request.body();
    tampered[tampered.length - 2] ^= 1;
    assertThat(WebhookSignatures.matchesBase64(SECRET, tampered, presented)).isFalse();
    assertThat(WebhookSignatures.matchesBase64("another-secret-value", request.body(), presented)).isFalse();
  }

  @Test
  void sendsEveryNotificationFieldAsJson() throws Exception {
    scriptSuccess(platform);
    Notification followUp = new Notification(
        "dlv-7Q2K-0002", Trigger.SUPPLIER_DELAYED, Purpose.ETA_CORRECTION, Audience.CUSTOMER,
        new Recipient("ORD-5001", "Maya Lin", "maya@example.com", "", "en-US", "", "cus-88"),
        new Message("New date", "Now expected on 19 March."),
        Map.of("sku", "ACR-TITANIUM-WHITE", "eta", "2026-03-19"),
        Optional.of("evt_81723"));
    openSession().deliver(followUp);

    JsonNode json = platform.onlyRequest().json();
    assertThat(json.get("delivery_id").asText()).isEqualTo("dlv-7Q2K-0002");
    assertThat(json.get("trigger").asText()).isEqualTo("SUPPLIER_DELAYED");
    assertThat(json.get("purpose").asText()).isEqualTo("ETA_CORRECTION");
    assertThat(json.get("audience").asText()).isEqualTo("CUSTOMER");
    JsonNode recipient = json.get("recipient");
    assertThat(recipient.get("order_id").asText()).isEqualTo("ORD-5001");
    assertThat(recipient.get("name").asText()).isEqualTo("Maya Lin");
    assertThat(recipient.get("email").asText()).isEqualTo("maya@example.com");
    assertThat(recipient.get("locale").asText()).isEqualTo("en-US");
    assertThat(recipient.get("customer_id").asText()).isEqualTo("cus-88");
    assertThat(recipient.has("phone")).as("empty fields are omitted").isFalse();
    assertThat(recipient.has("time_zone")).isFalse();
    assertThat(json.get("subject").asText()).isEqualTo("New date");
    assertThat(json.get("body").asText()).isEqualTo("Now expected on 19 March.");
    assertThat(json.get("facts").get("sku").asText()).isEqualTo("ACR-TITANIUM-WHITE");
    assertThat(json.get("facts").get("eta").asText()).isEqualTo("2026-03-19");
    assertThat(json.get("previous_reference").asText()).isEqualTo("evt_81723");
    assertThat(json.fieldNames()).toIterable().containsExactly(
        "delivery_id", "trigger", "purpose", "audience", "recipient", "subject", "body", "facts", "previous_reference");
  }

  @Test
  void staffAlertHasNoRecipientAndNoPreviousReference() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(new Notification(
        "dlv-staff-1", Trigger.MARKED_UNAVAILABLE, Purpose.STAFF_ALERT, Audience.STAFF, Recipient.NONE,
        new Message("", "PAINT-CADMIUM-RED marked unavailable by Sam."), Map.of(), Optional.empty()));
    JsonNode json = platform.onlyRequest().json();
    assertThat(json.has("recipient")).isFalse();
    assertThat(json.has("previous_reference")).isFalse();
    assertThat(json.get("subject").asText()).isEmpty();
    assertThat(json.get("facts").isObject()).isTrue();
    assertThat(json.get("facts").isEmpty()).isTrue();
  }

  @Test
  void sendsTheHostsUserAgentIdempotencyAndConfiguredHeaders() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.header("User-Agent")).contains(TestConnectorContext.DEFAULT_USER_AGENT);
    assertThat(request.header("X-Backorder-Delivery-Id")).contains("dlv-7Q2K-0001");
    assertThat(request.header("Authorization")).contains("Bearer rcv-token-0a9b8c7d");
    assertThat(request.header("X-Tenant")).contains("crafts-eu");
  }

  @Test
  void headersMayBeSeparatedBySemicolonsOnOneLine() throws Exception {
    scriptSuccess(platform);
    openSession(with("headers", "X-Api-Key: k-123456789 ; X-Source: backorders;")).deliver(sampleNotification());
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.header("X-Api-Key")).contains("k-123456789");
    assertThat(request.header("X-Source")).contains("backorders");
  }

  @Test
  void multiLineHeadersKeepSemicolonsInValues() throws Exception {
    scriptSuccess(platform);
    openSession(with("headers", "X-Prefs: a=1; b=2\n\nX-Other: yes\n")).deliver(sampleNotification());
    assertThat(platform.onlyRequest().header("X-Prefs")).contains("a=1; b=2");
    assertThat(platform.onlyRequest().header("X-Other")).contains("yes");
  }

  @Test
  void signatureGoesInTheConfiguredHeader() throws Exception {
    scriptSuccess(platform);
    openSession(with("signature-header", "X-Hub-Signature-256")).deliver(sampleNotification());
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.header("X-Backorder-Signature")).isEmpty();
    assertThat(WebhookSignatures.matchesBase64(SECRET, request.body(), request.header("X-Hub-Signature-256").orElseThrow()))
        .isTrue();
  }

  @Test
  void urlIsPostedToExactlyAsConfigured() throws Exception {
    scriptSuccess(platform);
    openSession(with("url", platform.url() + "/in/catch/123/abc/?tenant=eu")).deliver(sampleNotification());
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.path()).isEqualTo("/in/catch/123/abc/");
    assertThat(request.queryParameter("tenant")).contains("eu");
  }

  // ---- Refused settings ---------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "X-Trace: abc\rInjected: yes",
      "X-Trace: abc\u0000def",
      "X-Trace: abc\u000bdef",
      "Bad Name: value",
      "X-Trace\r: value",
      ": value-without-name",
      "just-a-secret-token-without-colon",
      "Host: evil.example.com",
      "Content-Length: 0",
      "Transfer-Encoding: chunked",
      "Content-Type: text/plain",
      "User-Agent: curl/8",
      "X-Backorder-Signature: forged",
      "X-Backorder-Delivery-Id: other",
      "X-Twice: 1\nx-twice: 2"})
  void headerInjectionAndReservedHeadersAreRefusedAtOpen(String headers) {
    assertThatThrownBy(() -> openSession(with("headers", headers)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("headers");
          assertThat(e.getMessage()).doesNotContain("evil.example.com", "forged", "abc", "just-a-secret-token");
        });
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void customSignatureHeaderIsReservedToo() {
    Map<String, String> settings = new HashMap<>(with("signature-header", "X-Hub-Signature-256"));
    settings.put("headers", "X-Hub-Signature-256: forged");
    assertThatThrownBy(() -> openSession(settings))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("headers"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Type", "Host", "User-Agent", "X-Backorder-Delivery-Id", "X Sig", "X-Sig:"})
  void signatureHeaderMustBeAFreeHeaderName(String name) {
    assertThatThrownBy(() -> openSession(with("signature-header", name)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("signature-header"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ftp://files.example.com/drop", "/hooks/relative", "hooks.example.com/in", "https:opaque",
      "https://user:password-in-url@hooks.example.com/in", "http://bad host/"})
  void urlMustBeAnAbsoluteHttpUrlWithoutCredentials(String url) {
    assertThatThrownBy(() -> openSession(with("url", url)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("url");
          assertThat(e.getMessage()).doesNotContain("password-in-url");
        });
  }

  @Test
  void signingSecretMustBeLongEnough() {
    assertThatThrownBy(() -> openSession(with("signing-secret", "fifteen-chars!!")))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("signing-secret");
          assertThat(e.getMessage()).contains("16").doesNotContain("fifteen-chars!!");
        });
  }

  @Test
  void settingsAndSessionPrintWithoutSecrets() {
    ConnectorSession session = openSession();
    WebhookSettings parsed = WebhookSettings.from(settings(validSettings(platform.url())));
    assertThat(parsed.toString()).doesNotContain(SECRET, "rcv-token-0a9b8c7d", "crafts-eu").contains("Authorization: ****");
    assertThat(session.toString()).contains("test-instance", "127.0.0.1");
  }

  // ---- Receipts -----------------------------------------------------------------------------------

  @Test
  void numericReceiverIdIsTheExternalId() throws Exception {
    platform.enqueue(FakeResponse.json(201, "{\"id\": 918273645, \"ok\": true}"));
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt).isEqualTo(new DeliveryReceipt("918273645", "918273645"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ok", "[{\"id\":\"x\"}]", "{\"id\":null}", "{\"id\":\"  \"}", "{\"id\":{\"n\":1}}",
      "{\"data\":{\"id\":\"nested\"}}", "{not json"})
  void withoutAnIdTheDeliveryIdIsTheExternalId(String body) throws Exception {
    platform.enqueue(FakeResponse.status(200).body(body));
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt).isEqualTo(new DeliveryReceipt("dlv-7Q2K-0001", "dlv-7Q2K-0001"));
  }

  @Test
  void noContentIsDelivered() throws Exception {
    platform.enqueue(FakeResponse.status(204));
    assertThat(openSession().deliver(sampleNotification()).externalId()).isEqualTo("dlv-7Q2K-0001");
  }

  @Test
  void redirectIsPermanentAndNamesTheReceiver() {
    platform.enqueue(FakeResponse.status(301).header("Location", "https://elsewhere.example.com/"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("webhook receiver 127.0.0.1:")
        .hasMessageContaining("HTTP 301");
  }

  @Test
  void retriesCarryTheSameDeliveryIdAndAFreshlyComputedSignature() throws Exception {
    platform.enqueue(FakeResponse.status(503), FakeResponse.json(200, "{\"id\":\"evt-2\"}"));
    ConnectorSession session = openSession();
    assertThatThrownBy(() -> session.deliver(sampleNotification()));
    session.deliver(sampleNotification());
    List<RecordedRequest> attempts = platform.requests();
    assertThat(attempts).extracting(r -> r.header("X-Backorder-Delivery-Id").orElseThrow())
        .containsExactly("dlv-7Q2K-0001", "dlv-7Q2K-0001");
    assertThat(attempts.get(0).body()).isEqualTo(attempts.get(1).body());
    assertThat(attempts.get(0).header("X-Backorder-Signature")).isEqualTo(attempts.get(1).header("X-Backorder-Signature"));
  }

  @Test
  void oneSessionDeliversFromManyThreadsAtOnce() throws Exception {
    int deliveries = 16;
    for (int i = 0; i < deliveries; i++) {
      platform.enqueue(FakeResponse.status(200));
    }
    ConnectorSession session = openSession();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<DeliveryReceipt>> calls = new ArrayList<>();
      for (int i = 0; i < deliveries; i++) {
        Notification n = sampleNotification();
        String id = "dlv-parallel-" + i;
        calls.add(() -> session.deliver(new Notification(id, n.trigger(), n.purpose(), n.audience(), n.recipient(),
            n.message(), n.facts(), n.previousReference())));
      }
      List<String> ids = new ArrayList<>();
      for (Future<DeliveryReceipt> f : pool.invokeAll(calls)) {
        ids.add(f.get().externalId());
      }
      assertThat(ids).hasSize(deliveries).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
    for (RecordedRequest request : platform.requests()) {
      assertThat(WebhookSignatures.matchesBase64(SECRET, request.body(), request.header("X-Backorder-Signature").orElseThrow()))
          .isTrue();
      assertThat(request.json().get("delivery_id").asText()).isEqualTo(request.header("X-Backorder-Delivery-Id").orElseThrow());
    }
  }

  @Test
  void openingLogsTheReceiverButNoSecret() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("127.0.0.1"));
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("dlv-7Q2K-0001", "HTTP 202"));
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
