package com.backordergateway.plugins.sendgrid;

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
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendGridConnectorTest extends ConnectorContractTest {

  private static final String API_KEY = "SG.q4Zt8bXkR1yW2eN5mH7vJw.Lr3Fh9Ud0SgKc6Tx2PaVn8Ye1Zi4Ob7Mj5Wq3Ds0Eu";
  private static final String FROM_EMAIL = "orders@maple-thread.example";
  private static final String TEMPLATE_ID = "d-13b8f94f0a6c4e2d8e5f7a9b1c3d5e7f";
  private static final String MESSAGE_ID = "3Fz8kQ2nR-aVbX9cW7yT1g";
  private static final String SUBJECT = "Titanium White Acrylic 120 ml from your order ORD-5001 is on backorder";
  private static final String BODY = "Hi Maya,\n\nThank you for your order ORD-5001 with Maple & Thread Crafts. "
      + "We expect new stock by April 14, 2026.\n\nThank you for your patience,\nMaple & Thread Crafts";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new SendGridConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "base-url", platformUrl.toString(),
        "api-key", API_KEY,
        "from-email", FROM_EMAIL,
        "from-name", "Maple & Thread Crafts",
        "reply-to", "help@maple-thread.example");
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("api-key", API_KEY);
  }

  @Override
  protected Notification sampleNotification() {
    return customerNotice(new Recipient("ORD-5001", "Maya Okafor", "maya@example.com", "+14155550123", "en-US",
        "America/Chicago", "cus-88"), new Message(SUBJECT, BODY));
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(FakeResponse.status(202).header("X-Message-Id", MESSAGE_ID));
  }

  @Override
  protected String expectedExternalId() {
    return MESSAGE_ID;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v3/mail/send");
    assertThat(request.header("Authorization")).contains("Bearer " + API_KEY);
    assertThat(request.header("Content-Type")).contains("application/json");
    JsonNode json = request.json();
    assertThat(json.fieldNames()).toIterable()
        .containsExactly("personalizations", "from", "reply_to", "subject", "content", "custom_args");
    JsonNode to = json.at("/personalizations/0/to/0");
    assertThat(to.get("email").asText()).isEqualTo("maya@example.com");
    assertThat(to.get("name").asText()).isEqualTo("Maya Okafor");
    assertThat(json.at("/from/email").asText()).isEqualTo(FROM_EMAIL);
    assertThat(json.at("/from/name").asText()).isEqualTo("Maple & Thread Crafts");
    assertThat(json.at("/reply_to/email").asText()).isEqualTo("help@maple-thread.example");
    assertThat(json.get("subject").asText()).isEqualTo(SUBJECT);
    assertThat(json.at("/content/0/type").asText()).isEqualTo("text/plain");
    assertThat(json.at("/content/0/value").asText()).isEqualTo(BODY);
    assertThat(json.at("/content/1/type").asText()).isEqualTo("text/html");
    assertThat(json.at("/content/1/value").asText()).isEqualTo("<p>Hi Maya,</p>\n<p>Thank you for your order ORD-5001 "
        + "with Maple &amp; Thread Crafts. We expect new stock by April 14, 2026.</p>\n<p>Thank you for your patience,"
        + "<br>\nMaple &amp; Thread Crafts</p>");
    assertThat(json.at("/custom_args/delivery_id").asText()).isEqualTo("dlv-mail-1");
    assertThat(json.at("/custom_args/case_id").asText()).isEqualTo("case_01JSAMPLE");
  }

  /** SendGrid's own signal: X-RateLimit-* with the reset as a Unix time, no Retry-After. */
  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    Instant reset = retryAfter.chars().allMatch(Character::isDigit)
        ? context.clock().instant().plusSeconds(Long.parseLong(retryAfter))
        : ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    fake.enqueue(FakeResponse.json(429, "{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}")
        .header("X-RateLimit-Limit", "600")
        .header("X-RateLimit-Remaining", "0")
        .header("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond())));
  }

  @Override
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 502, 503);
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 413);
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"errors\":[{\"message\":\"The from address does not match a verified Sender Identity. Mail cannot "
          + "be sent until this error is resolved.\",\"field\":\"from\",\"help\":null}]}";
      case 401 -> "{\"errors\":[{\"field\":null,\"message\":\"The provided authorization grant is invalid, expired, "
          + "or revoked\"}]}";
      case 403 -> "{\"errors\":[{\"field\":null,\"message\":\"access forbidden\"}]}";
      case 413 -> "{\"errors\":[{\"field\":null,\"message\":\"The JSON payload you have included in your request is "
          + "too large.\"}]}";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "HTTP 400: from: The from address does not match a verified Sender Identity.";
      case 401 -> "HTTP 401: The provided authorization grant is invalid, expired, or revoked";
      case 403 -> "HTTP 403: access forbidden";
      case 413 -> "HTTP 413: The JSON payload you have included in your request is too large.";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "base-url", "ftp://api.sendgrid.com",
        "api-key", "SG.key with spaces",
        "from-email", "orders at maple-thread",
        "from-name", "Maple, Thread; Co",
        "reply-to", "help@",
        "template-id", "8f3c1d2e-legacy-template");
  }

  // ---- Descriptor and settings ------------------------------------------------------------------

  @Test
  void describesTheSendGridType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("sendgrid");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(10, 10));
    assertThat(descriptor.capabilities()).containsExactly(Capability.CUSTOMER_AUDIENCE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key)
        .containsExactly("base-url", "api-key", "from-email", "from-name", "reply-to", "template-id");
    assertThat(descriptor.setting("base-url")).hasValueSatisfying(s -> assertThat(s.defaultValue())
        .isEqualTo("https://api.sendgrid.com"));
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("api-key");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::required).extracting(SettingSpec::key)
        .containsExactly("api-key", "from-email");
    assertThat(descriptor.settings()).extracting(spec -> spec.format().typeName())
        .containsExactly("url", "secret", "email", "pattern", "email", "pattern");
  }

  @Test
  void aSenderAddressTheEmailFormatLetsThroughButSendGridRefusesIsRefusedAtOpen() {
    for (String key : List.of("from-email", "reply-to")) {
      assertThatThrownBy(() -> openSession(with(key, "<orders@maple-thread.example>")))
          .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key))
          .hasMessageNotContaining("<orders@");
    }
  }

  @Test
  void settingsAndSessionPrintWithoutTheApiKey() {
    SendGridSettings parsed = SendGridSettings.from(settings(with("template-id", TEMPLATE_ID)));
    assertThat(parsed.toString()).doesNotContain(API_KEY).contains("api-key=****", FROM_EMAIL, TEMPLATE_ID);
    assertThat(openSession().toString()).contains("test-instance", "127.0.0.1", FROM_EMAIL).doesNotContain(API_KEY);
  }

  @Test
  void theDemoConfigsPlaceholdersAreAccepted() {
    SendGridSettings demo = SendGridSettings.from(settings(Map.of("api-key", "demo-not-a-real-key",
        "from-email", "orders@example-crafts.com", "from-name", "Example Crafts")));
    assertThat(demo.mailSendUrl()).isEqualTo(URI.create("https://api.sendgrid.com/v3/mail/send"));
    assertThat(demo.templateId()).isEmpty();
  }

  // ---- What SendGrid gets ---------------------------------------------------------------------------

  @Test
  void withATemplateIdTheDynamicTemplateGetsTheFactsAndTheRenderedText() throws Exception {
    scriptSuccess(platform);
    openSession(with("template-id", TEMPLATE_ID)).deliver(sampleNotification());
    JsonNode json = platform.onlyRequest().json();
    assertThat(json.fieldNames()).toIterable()
        .containsExactly("personalizations", "from", "reply_to", "template_id", "custom_args");
    assertThat(json.get("template_id").asText()).isEqualTo(TEMPLATE_ID);
    JsonNode data = json.at("/personalizations/0/dynamic_template_data");
    assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrder(
        "case_id", "eta", "order_id", "po_number", "product", "sku", "status", "store_name", "supplier",
        "subject", "body", "body_html", "trigger", "purpose", "customer_name", "customer_first_name");
    assertThat(data.has("reason")).as("the staff-only reason never reaches a customer's email").isFalse();
    assertThat(data.get("sku").asText()).isEqualTo("ACR-TITANIUM-WHITE");
    assertThat(data.get("product").asText()).isEqualTo("Titanium White Acrylic 120 ml");
    assertThat(data.get("eta").asText()).isEqualTo("2026-04-14T16:00:00Z");
    assertThat(data.get("status").asText()).isEqualTo("backordered");
    assertThat(data.get("store_name").asText()).isEqualTo("Maple & Thread Crafts");
    assertThat(data.get("subject").asText()).isEqualTo(SUBJECT);
    assertThat(data.get("body").asText()).isEqualTo(BODY);
    assertThat(data.get("body_html").asText()).startsWith("<p>Hi Maya,</p>\n<p>Thank you").contains("Maple &amp; Thread");
    assertThat(data.get("trigger").asText()).isEqualTo("stock-depleted");
    assertThat(data.get("purpose").asText()).isEqualTo("customer-notice");
    assertThat(data.get("order_id").asText()).isEqualTo("ORD-5001");
    assertThat(data.get("customer_name").asText()).isEqualTo("Maya Okafor");
    assertThat(data.get("customer_first_name").asText()).isEqualTo("Maya");
    assertThat(json.at("/personalizations/0/to/0/email").asText()).isEqualTo("maya@example.com");
  }

  @Test
  void aTemplateNeedsNoRenderedSubjectAndTheOrderIdFallsBackToTheRecipients() throws Exception {
    scriptSuccess(platform);
    Notification n = new Notification("dlv-2", Trigger.PLATFORM_BACKORDER, Purpose.RESOLUTION, Audience.CUSTOMER,
        new Recipient("ORD-77", "", "ana@example.org", "", "", "", ""), new Message("", "Back in stock."),
        Map.of("order_id", ""), Optional.empty());
    openSession(with("template-id", TEMPLATE_ID)).deliver(n);
    JsonNode data = platform.onlyRequest().json().at("/personalizations/0/dynamic_template_data");
    assertThat(data.get("order_id").asText()).isEqualTo("ORD-77");
    assertThat(data.get("subject").asText()).isEmpty();
    assertThat(data.get("customer_first_name").asText()).isEmpty();
    assertThat(data.get("trigger").asText()).isEqualTo("platform-backorder");
    assertThat(data.get("purpose").asText()).isEqualTo("resolution");
    assertThat(platform.onlyRequest().json().at("/personalizations/0/to/0").has("name")).isFalse();
  }

  @Test
  void theHtmlPartEscapesWhatTheTextCouldSmuggleIn() throws Exception {
    scriptSuccess(platform);
    String body = "Hi <b>Maya</b> & \"friends\",\r\nit's here.\n\n\n  <script>alert(1)</script>  ";
    openSession().deliver(customerNotice(sampleNotification().recipient(), new Message("Subject", body)));
    JsonNode content = platform.onlyRequest().json().get("content");
    assertThat(content.get(0).get("value").asText()).isEqualTo(body.strip());
    assertThat(content.get(1).get("value").asText()).isEqualTo(
        "<p>Hi &lt;b&gt;Maya&lt;/b&gt; &amp; &quot;friends&quot;,<br>\nit&#39;s here.</p>\n"
            + "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Okafor, Maya", "Maya; Okafor", "Maya <VIP>", "Maya (Studio)", "Maya: buyer", "\"Maya\""})
  void aCustomerNameSendGridWouldMisreadIsLeftOut(String name) throws Exception {
    scriptSuccess(platform);
    openSession().deliver(customerNotice(new Recipient("ORD-5001", name, "maya@example.com", "", "", "", ""),
        new Message(SUBJECT, BODY)));
    JsonNode to = platform.onlyRequest().json().at("/personalizations/0/to/0");
    assertThat(to.get("email").asText()).isEqualTo("maya@example.com");
    assertThat(to.has("name")).isFalse();
  }

  @Test
  void withoutOptionalSettingsOnlyTheSenderAddressIsSent() throws Exception {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.remove("from-name");
    settings.remove("reply-to");
    scriptSuccess(platform);
    openSession(settings).deliver(sampleNotification());
    JsonNode json = platform.onlyRequest().json();
    assertThat(json.has("reply_to")).isFalse();
    assertThat(json.get("from").fieldNames()).toIterable().containsExactly("email");
  }

  @Test
  void theEuHostIsUsedWhenConfigured() throws Exception {
    scriptSuccess(platform);
    openSession(with("base-url", platform.url() + "/")).deliver(sampleNotification());
    assertThat(platform.onlyRequest().path()).isEqualTo("/v3/mail/send");
    assertThat(SendGridSettings.from(settings(with("base-url", "https://api.eu.sendgrid.com/"))).mailSendUrl())
        .isEqualTo(URI.create("https://api.eu.sendgrid.com/v3/mail/send"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "maya", "maya@", "maya@example", "maya example@example.com", "<maya@example.com>"})
  void aCustomerWithoutAUsableAddressIsAPermanentErrorAndNoRequest(String email) {
    Notification n = customerNotice(new Recipient("ORD-5001", "Maya", email, "", "", "", ""), new Message(SUBJECT, BODY));
    assertThatThrownBy(() -> openSession().deliver(n))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("sendgrid: the customer")
        .hasMessageContaining("email address");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void withoutATemplateARenderedSubjectIsNeeded() {
    Notification n = customerNotice(sampleNotification().recipient(), new Message(" ", BODY));
    assertThatThrownBy(() -> openSession().deliver(n))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("no subject")
        .hasMessageContaining("Subject:")
        .hasMessageContaining("STOCK_DEPLETED / CUSTOMER_NOTICE");
    assertThat(platform.requestCount()).isZero();
  }

  // ---- SendGrid's answers ---------------------------------------------------------------------------

  @Test
  void theReceiptCarriesTheMessageIdAndNoReference() throws Exception {
    scriptSuccess(platform);
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(new DeliveryReceipt(MESSAGE_ID, ""));
  }

  @Test
  void acceptedWithoutAMessageIdIsPermanentSoTheMailIsNotSentTwice() {
    platform.enqueue(FakeResponse.status(202));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP 202 without an X-Message-Id");
  }

  @Test
  void retryAfterWinsOverTheRateLimitReset() {
    platform.enqueue(FakeResponse.json(429, "{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}")
        .header("Retry-After", "3")
        .header("X-RateLimit-Reset", String.valueOf(context.clock().instant().plusSeconds(60).getEpochSecond())));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
  }

  @Test
  void aResetAlreadyPassedMeansNoWaitAndTheMessageSaysTheLimit() {
    Instant reset = context.clock().instant().minusSeconds(5);
    platform.enqueue(FakeResponse.json(429, "{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}")
        .header("X-RateLimit-Limit", "600")
        .header("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond())));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ZERO);
          assertThat(e.getMessage()).contains("HTTP 429: too many requests (limit 600 per window, resets at " + reset + ")");
        });
  }

  @Test
  void aRateLimitWithoutHeadersIsRetryableWithoutAWait() {
    platform.enqueue(FakeResponse.json(429, "{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> assertThat(e.retryAfter()).isEmpty());
  }

  @Test
  void everyValidationErrorIsReportedWithItsField() {
    platform.enqueue(FakeResponse.json(400, "{\"errors\":["
        + "{\"message\":\"Does not contain a valid address.\",\"field\":\"personalizations.0.to.0.email\",\"help\":\"x\"},"
        + "{\"message\":\"The template_id must be a valid dynamic template id.\",\"field\":\"template_id\"},"
        + "{\"message\":\"\",\"field\":\"ignored\"}]}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("SendGrid answered HTTP 400: personalizations.0.to.0.email: Does not contain a valid address.; "
            + "template_id: The template_id must be a valid dynamic template id.");
  }

  @Test
  void anErrorThatIsNotSendGridsJsonKeepsItsText() {
    platform.enqueue(FakeResponse.status(404).header("Content-Type", "text/plain").body("404 page not found"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("SendGrid answered HTTP 404: 404 page not found");
  }

  @Test
  void logsTheHostAndModeButNotTheKey() throws Exception {
    scriptSuccess(platform);
    openSession(with("template-id", TEMPLATE_ID)).deliver(sampleNotification());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("127.0.0.1", FROM_EMAIL, TEMPLATE_ID));
  }

  // ---- Helpers --------------------------------------------------------------------------------------

  private static Notification customerNotice(Recipient recipient, Message message) {
    return new Notification(
        "dlv-mail-1",
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

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
