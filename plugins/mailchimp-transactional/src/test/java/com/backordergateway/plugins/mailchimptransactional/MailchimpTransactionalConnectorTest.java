package com.backordergateway.plugins.mailchimptransactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
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
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailchimpTransactionalConnectorTest extends ConnectorContractTest {

  private static final String API_KEY = "md-Qx7Lr2Vb9Nt4Kc1Wz8Hp3Fy";
  private static final String TEMPLATE = "backorder-notice";
  private static final String API_ROOT = "/api/1.0";
  private static final String MESSAGE_ID = "2b7f0c6e9d4a4f1bb3c8e5a1d0f9c2e7";
  private static final String SUBJECT = "Titanium White Acrylic 120 ml from your order ORD-5001 is on backorder";
  private static final String BODY = "Hi Maya,\n\nWe expect new stock by April 14, 2026 & will ship it then.";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new MailchimpTransactionalConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "base-url", platformUrl + API_ROOT,
        "api-key", API_KEY,
        "template-name", TEMPLATE,
        "from-email", "orders@maple-thread.example",
        "from-name", "Maple & Thread Crafts",
        "reply-to", "help@maple-thread.example");
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("api-key", API_KEY);
  }

  @Override
  protected Notification sampleNotification() {
    return customerNotice(recipient("maya@example.com"), new Message(SUBJECT, BODY));
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(FakeResponse.json(200, result("maya@example.com", "sent", MESSAGE_ID, null)));
  }

  @Override
  protected String expectedExternalId() {
    return MESSAGE_ID;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/1.0/messages/send-template");
    assertThat(request.header("Content-Type")).contains("application/json");
    assertThat(request.header("Authorization")).as("the key travels in the body").isEmpty();
    JsonNode json = request.json();
    assertThat(json.fieldNames()).toIterable().containsExactly("key", "template_name", "template_content", "message");
    assertThat(json.get("key").asText()).isEqualTo(API_KEY);
    assertThat(json.get("template_name").asText()).isEqualTo(TEMPLATE);
    assertThat(json.get("template_content").isArray()).isTrue();
    assertThat(json.get("template_content").isEmpty()).isTrue();
    JsonNode message = json.get("message");
    assertThat(message.fieldNames()).toIterable().containsExactly("to", "subject", "from_email", "from_name", "headers",
        "merge_language", "global_merge_vars", "metadata");
    assertThat(message.get("to")).hasSize(1);
    assertThat(message.at("/to/0/email").asText()).isEqualTo("maya@example.com");
    assertThat(message.at("/to/0/name").asText()).isEqualTo("Maya Okafor");
    assertThat(message.at("/to/0/type").asText()).isEqualTo("to");
    assertThat(message.get("subject").asText()).isEqualTo(SUBJECT);
    assertThat(message.get("from_email").asText()).isEqualTo("orders@maple-thread.example");
    assertThat(message.get("from_name").asText()).isEqualTo("Maple & Thread Crafts");
    assertThat(message.at("/headers/Reply-To").asText()).isEqualTo("help@maple-thread.example");
    assertThat(message.get("merge_language").asText()).isEqualTo("handlebars");
    assertThat(message.at("/metadata/delivery_id").asText()).isEqualTo("dlv-mc-1");
    Map<String, String> vars = mergeVars(message);
    assertThat(vars).containsEntry("subject", SUBJECT).containsEntry("body", BODY)
        .containsEntry("body_html", "<p>Hi Maya,</p>\n<p>We expect new stock by April 14, 2026 &amp; will ship it then.</p>")
        .containsEntry("sku", "ACR-TITANIUM-WHITE").containsEntry("order_id", "ORD-5001");
  }

  /**
   * Mailchimp Transactional sends every client error as HTTP 500 with {@code {status:"error",
   * name, message}}; the contract's status stands for the kind of client error the body carries:
   * 400 a ValidationError, 401 an Invalid_Key, 404 an Unknown_Template.
   */
  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.json(500, clientErrorBody(status)));
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> mandrillError(-2, "ValidationError", "Validation error: {\"message\":{\"to\":[{\"email\":\"Please enter "
          + "a valid email address\"}]}}");
      case 401 -> mandrillError(-1, "Invalid_Key", "Invalid API key");
      case 404 -> mandrillError(5, "Unknown_Template", "No such template \"" + TEMPLATE + "\"");
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "HTTP 500: ValidationError (code -2): Validation error: {\"message\":{\"to\":[{\"email\":\"Please enter "
          + "a valid email address\"}]}}";
      case 401 -> "HTTP 500: Invalid_Key (code -1): Invalid API key";
      case 404 -> "HTTP 500: Unknown_Template (code 5): No such template \"" + TEMPLATE + "\"";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  /** A 500 (or a 502/503/504 from the edge) without Mandrill's error body is the platform's trouble. */
  @Override
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 502, 503, 504);
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "base-url", "mandrillapp.com/api/1.0",
        "api-key", "md key with spaces",
        "template-name", "backorder\nnotice",
        "from-name", "Maple\u0007Thread",
        "from-email", "orders(at)maple-thread.example",
        "reply-to", "help at maple-thread",
        "merge-language", "liquid",
        "use-template-subject", "yes");
  }

  // ---- Descriptor and settings ------------------------------------------------------------------

  @Test
  void describesTheMailchimpTransactionalType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("mailchimp-transactional");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(10, 10));
    assertThat(descriptor.capabilities()).containsExactly(Capability.CUSTOMER_AUDIENCE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key).containsExactly("base-url", "api-key",
        "template-name", "from-email", "from-name", "reply-to", "merge-language", "use-template-subject");
    assertThat(descriptor.setting("base-url")).hasValueSatisfying(s -> assertThat(s.defaultValue())
        .isEqualTo("https://mandrillapp.com/api/1.0"));
    assertThat(descriptor.setting("merge-language")).hasValueSatisfying(s -> assertThat(s.defaultValue())
        .isEqualTo("handlebars"));
    assertThat(descriptor.setting("use-template-subject")).hasValueSatisfying(s -> assertThat(s.defaultValue())
        .isEqualTo("false"));
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("api-key");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::required).extracting(SettingSpec::key)
        .containsExactly("api-key", "template-name");
    assertThat(descriptor.settings()).extracting(spec -> spec.format().typeName())
        .containsExactly("url", "secret", "pattern", "email", "pattern", "email", "one-of", "boolean");
  }

  @Test
  void aSenderAddressTheEmailFormatLetsThroughButTheApiRefusesIsRefusedAtOpen() {
    for (String key : List.of("from-email", "reply-to")) {
      assertThatThrownBy(() -> openSession(with(key, "<orders@maple-thread.example>")))
          .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key))
          .hasMessageNotContaining("<orders@");
    }
  }

  @Test
  void settingsAndSessionPrintWithoutTheApiKey() {
    MandrillSettings parsed = MandrillSettings.from(settings(validSettings(platform.url())));
    assertThat(parsed.toString()).doesNotContain(API_KEY).contains("api-key=****", TEMPLATE, "handlebars");
    assertThat(openSession().toString()).contains("test-instance", "127.0.0.1", TEMPLATE).doesNotContain(API_KEY);
  }

  @Test
  void theRealApiRootIsTheDefault() {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.remove("base-url");
    assertThat(MandrillSettings.from(settings(settings)).sendTemplateUrl())
        .isEqualTo(URI.create("https://mandrillapp.com/api/1.0/messages/send-template"));
  }

  @Test
  void theDemoConfigsPlaceholdersAreAccepted() {
    MandrillSettings demo = MandrillSettings.from(settings(Map.of("api-key", "demo-not-a-real-key",
        "template-name", "backorder-notice", "from-email", "orders@example-crafts.com")));
    assertThat(demo.mergeLanguage()).isEqualTo("handlebars");
    assertThat(demo.useTemplateSubject()).isFalse();
  }

  // ---- What Mailchimp Transactional gets -----------------------------------------------------------

  @Test
  void everyFactAndTheRenderedTextAreGlobalMergeVars() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    Map<String, String> vars = mergeVars(platform.onlyRequest().json().get("message"));
    assertThat(vars.keySet()).containsExactly("case_id", "eta", "order_id", "po_number", "product", "sku",
        "status", "store_name", "supplier", "subject", "body", "body_html", "trigger", "purpose", "customer_name",
        "customer_first_name");
    assertThat(sampleNotification().fact("reason")).isNotEmpty();
    assertThat(vars).as("the staff-only reason never reaches a customer's email").doesNotContainKey("reason");
    assertThat(vars).containsEntry("product", "Titanium White Acrylic 120 ml")
        .containsEntry("eta", "2026-04-14T16:00:00Z")
        .containsEntry("status", "backordered")
        .containsEntry("store_name", "Maple & Thread Crafts")
        .containsEntry("trigger", "stock-depleted")
        .containsEntry("purpose", "customer-notice")
        .containsEntry("customer_name", "Maya Okafor")
        .containsEntry("customer_first_name", "Maya");
  }

  @Test
  void factsThatCannotBeMergeVarsAreLeftOutAndTheOrderFallsBackToTheRecipients() throws Exception {
    scriptSuccess(platform);
    Notification n = new Notification("dlv-mc-2", Trigger.SUPPLIER_DELAYED, Purpose.ETA_CORRECTION, Audience.CUSTOMER,
        new Recipient("ORD-9", "", "maya@example.com", "", "", "", ""), new Message("New date", "Now the 19th."),
        Map.of("_internal", "x", "po-number", "PO-1", "supplier", "Golden", "order_id", ""), Optional.empty());
    openSession().deliver(n);
    JsonNode message = platform.onlyRequest().json().get("message");
    Map<String, String> vars = mergeVars(message);
    assertThat(vars).doesNotContainKeys("_internal", "po-number")
        .containsEntry("supplier", "Golden").containsEntry("order_id", "ORD-9")
        .containsEntry("customer_first_name", "").containsEntry("trigger", "supplier-delayed")
        .containsEntry("purpose", "eta-correction");
    assertThat(message.at("/to/0").has("name")).isFalse();
  }

  @Test
  void theTemplatesOwnSubjectCanBeKept() throws Exception {
    scriptSuccess(platform);
    openSession(with("use-template-subject", "true")).deliver(sampleNotification());
    JsonNode message = platform.onlyRequest().json().get("message");
    assertThat(message.has("subject")).isFalse();
    assertThat(mergeVars(message)).containsEntry("subject", SUBJECT);
  }

  @Test
  void withoutARenderedSubjectTheTemplatesOwnIsUsed() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(customerNotice(recipient("maya@example.com"), new Message("", BODY)));
    assertThat(platform.onlyRequest().json().get("message").has("subject")).isFalse();
  }

  @Test
  void mailchimpMergeTagsAndTheTemplatesSenderCanBeChosen() throws Exception {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.remove("from-email");
    settings.remove("from-name");
    settings.remove("reply-to");
    settings.put("merge-language", "mailchimp");
    scriptSuccess(platform);
    openSession(settings).deliver(sampleNotification());
    JsonNode message = platform.onlyRequest().json().get("message");
    assertThat(message.get("merge_language").asText()).isEqualTo("mailchimp");
    assertThat(message.has("from_email")).isFalse();
    assertThat(message.has("from_name")).isFalse();
    assertThat(message.has("headers")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "maya", "maya@example", "maya @example.com"})
  void aCustomerWithoutAUsableAddressIsAPermanentErrorAndNoRequest(String email) {
    assertThatThrownBy(() -> openSession().deliver(customerNotice(recipient(email), new Message(SUBJECT, BODY))))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("mailchimp-transactional: the customer")
        .hasMessageContaining("email address");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void theApiKeyIsNeverLogged() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("127.0.0.1", TEMPLATE));
    assertThat(context.loggedLines()).allSatisfy(line -> assertThat(line).doesNotContain(API_KEY, "\"key\""));
  }

  // ---- Mailchimp Transactional's answers ------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"sent", "queued", "scheduled"})
  void sentQueuedAndScheduledAreDeliveredWithTheMessageId(String status) throws Exception {
    platform.enqueue(FakeResponse.json(200, result("maya@example.com", status, MESSAGE_ID, null)));
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(new DeliveryReceipt(MESSAGE_ID, ""));
  }

  @Test
  void theResultForTheCustomersAddressIsUsed() throws Exception {
    platform.enqueue(FakeResponse.json(200, "[{\"email\":\"other@example.com\",\"status\":\"rejected\",\"_id\":\"a1\","
        + "\"reject_reason\":\"spam\"},{\"email\":\"MAYA@example.com\",\"status\":\"queued\",\"_id\":\"b2\","
        + "\"reject_reason\":null,\"queued_reason\":\"hourly-quota\"}]"));
    assertThat(openSession().deliver(sampleNotification()).externalId()).isEqualTo("b2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "hard-bounce|the address bounced permanently before",
      "unsub|the customer unsubscribed",
      "spam|the customer marked earlier mail as spam",
      "unsigned|the sending domain is not verified and DKIM-signed",
      "invalid-sender|the sender address is not allowed"})
  void aRejectedEmailIsPermanentWithTheRejectReason(String reason, String meaning) {
    platform.enqueue(FakeResponse.json(200, result("maya@example.com", "rejected", MESSAGE_ID, reason)));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("Mailchimp Transactional rejected the email: reject_reason " + reason + " (" + meaning + ")");
  }

  @Test
  void anInvalidAddressIsPermanent() {
    platform.enqueue(FakeResponse.json(200, result("maya@example.com", "invalid", MESSAGE_ID, null)));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("refused the customer's address as invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{}", "", "[{\"email\":\"maya@example.com\",\"status\":\"sent\"}]",
      "[{\"email\":\"maya@example.com\",\"status\":\"bounced-somehow\",\"_id\":\"x\"}]"})
  void aSuccessWithoutAReadableResultIsPermanentSoTheEmailIsNotSentTwice(String body) {
    platform.enqueue(FakeResponse.status(200).header("Content-Type", "application/json").body(body));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP 200")
        .hasMessageContaining("not retried");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "PaymentRequired|The requested feature requires payment.",
      "Unknown_Subaccount|No subaccount exists with the id 'eu-shop'",
      "Invalid_Template|The template is not published"})
  void otherNamedErrorsInA500ArePermanent(String name, String text) {
    platform.enqueue(FakeResponse.json(500, mandrillError(12, name, text)));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("Mailchimp Transactional answered HTTP 500: " + name + " (code 12): " + text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "500|GeneralError|An unexpected error occurred processing the request.",
      "500|ServiceUnavailable|The subsystem providing this API call is down for maintenance",
      "503|ServiceUnavailable|The subsystem providing this API call is down for maintenance"})
  void thePlatformsOwnTroubleIsRetryable(int status, String name, String text) {
    platform.enqueue(FakeResponse.json(status, mandrillError(-99, name, text)).header("Retry-After", "30"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> {
          assertThat(e.getMessage()).contains(name, text);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html>502 Bad Gateway</html>", "{\"status\":\"error\"}", "{not json", "[]"})
  void a500WithoutMandrillsErrorBodyIsRetryable(String body) {
    platform.enqueue(FakeResponse.status(500).body(body));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(RetryableDeliveryException.class)
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void aRateLimitIsRetryableEvenWithAnErrorBody() {
    platform.enqueue(FakeResponse.json(429, mandrillError(-1, "ValidationError", "Too many requests")));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> assertThat(e.retryAfter()).isEmpty());
  }

  @Test
  void aPlain404FromAWrongApiRootIsPermanent() {
    platform.enqueue(FakeResponse.status(404).header("Content-Type", "text/plain").body("Not Found"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("Mailchimp Transactional answered HTTP 404: Not Found");
  }

  // ---- Helpers --------------------------------------------------------------------------------------

  private static Notification customerNotice(Recipient recipient, Message message) {
    return new Notification(
        "dlv-mc-1",
        Trigger.STOCK_DEPLETED,
        Purpose.CUSTOMER_NOTICE,
        Audience.CUSTOMER,
        recipient,
        message,
        Map.of("sku", "ACR-TITANIUM-WHITE", "product", "Titanium White Acrylic 120 ml", "order_id", "ORD-5001",
            "case_id", "case_01JSAMPLE", "eta", "2026-04-14T16:00:00Z", "status", "backordered",
            "reason", "sold out: 0 on hand after a sale",
            "supplier", "", "po_number", "", "store_name", "Maple & Thread Crafts"),
        Optional.empty());
  }

  private static Recipient recipient(String email) {
    return new Recipient("ORD-5001", "Maya Okafor", email, "+14155550123", "en-US", "America/Chicago", "cus-88");
  }

  private static String result(String email, String status, String id, String rejectReason) {
    return "[{\"email\":\"" + email + "\",\"status\":\"" + status + "\",\"_id\":\"" + id + "\",\"reject_reason\":"
        + (rejectReason == null ? "null" : "\"" + rejectReason + "\"") + ",\"queued_reason\":null}]";
  }

  private static String mandrillError(int code, String name, String message) {
    return "{\"status\":\"error\",\"code\":" + code + ",\"name\":\"" + name + "\",\"message\":\""
        + message.replace("\"", "\\\"") + "\"}";
  }

  private static Map<String, String> mergeVars(JsonNode message) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (JsonNode var : message.get("global_merge_vars")) {
      assertThat(var.fieldNames()).toIterable().containsExactly("name", "content");
      vars.put(var.get("name").asText(), var.get("content").asText());
    }
    return vars;
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
