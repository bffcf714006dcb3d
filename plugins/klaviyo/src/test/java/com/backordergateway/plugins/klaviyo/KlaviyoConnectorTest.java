package com.backordergateway.plugins.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.Notification.Message;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Klaviyo connector against a fake Klaviyo that checks requests the way Create Event does. */
class KlaviyoConnectorTest extends ConnectorContractTest {

  private static final String KEY = "pk_3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e41";
  private static final String DELIVERY_ID = "dlv-01JQ7K2M9X";
  private static final String JSON_API = "application/vnd.api+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new KlaviyoConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "private-api-key", KEY);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("private-api-key", KEY);
  }

  @Override
  protected Notification sampleNotification() {
    return new Notification(
        DELIVERY_ID,
        Trigger.STOCK_DEPLETED,
        Purpose.CUSTOMER_NOTICE,
        Audience.CUSTOMER,
        new Recipient("ORD-5001", "Maya Okafor", "maya@example.com", "+14155550123", "en-US", "America/Chicago",
            "cus_8812"),
        new Message("Titanium White Acrylic 120 ml from your order ORD-5001 is on backorder",
            "Hi Maya,\n\nThank you for your order ORD-5001."),
        facts(),
        Optional.empty());
  }

  private static Map<String, String> facts() {
    Map<String, String> facts = new HashMap<>();
    facts.put("sku", "ACR-TITANIUM-WHITE");
    facts.put("product", "Titanium White Acrylic 120 ml");
    facts.put("order_id", "ORD-5001");
    facts.put("case_id", "case_01JSAMPLE");
    facts.put("eta", "2026-04-14T16:00:00Z");
    facts.put("status", "backordered");
    facts.put("reason", "sold out after a sale");
    facts.put("supplier", "");
    facts.put("po_number", "");
    facts.put("store_name", "Maple & Thread Crafts");
    return facts;
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(FakeResponse.status(202));
  }

  @Override
  protected String expectedExternalId() {
    return DELIVERY_ID;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/events");
    assertThat(request.query()).isEmpty();
    assertThat(request.header("Authorization")).contains("Klaviyo-API-Key " + KEY);
    assertThat(request.header("revision")).contains("2026-10-15");
    assertThat(request.header("Content-Type")).contains(JSON_API);
    assertThat(request.header("Accept")).contains(JSON_API);
    JsonNode data = request.json().get("data");
    assertThat(data.get("type").asText()).isEqualTo("event");
    JsonNode attributes = data.get("attributes");
    assertThat(attributes.get("unique_id").asText()).isEqualTo(DELIVERY_ID);
    assertThat(attributes.get("time").asText()).isEqualTo("2026-03-02T09:30:00Z");
    assertThat(attributes.at("/metric/data/type").asText()).isEqualTo("metric");
    assertThat(attributes.at("/metric/data/attributes/name").asText()).isEqualTo("Backorder Created");
    assertThat(attributes.at("/profile/data/type").asText()).isEqualTo("profile");
    assertThat(attributes.at("/profile/data/attributes/email").asText()).isEqualTo("maya@example.com");
    assertThat(attributes.at("/properties/sku").asText()).isEqualTo("ACR-TITANIUM-WHITE");
    assertThat(attributes.at("/properties/body").asText()).startsWith("Hi Maya,");
  }

  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.status(status).header("Content-Type", JSON_API).body(clientErrorBody(status)));
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404);
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> jsonApiError(400, "invalid", "Invalid input.",
          "The phone number provided either does not exist or is ineligible to receive SMS",
          "/data/attributes/profile/data/attributes/phone_number");
      case 401 -> jsonApiError(401, "not_authenticated", "Authentication credentials were not provided.",
          "Missing or invalid private key.", "/data/");
      case 403 -> jsonApiError(403, "permission_denied", "You do not have permission to perform this action.",
          "You do not have permission to perform this action.", "/data/");
      case 404 -> jsonApiError(404, "not_found", "Not found.", "The requested resource was not found.", "/data/");
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "invalid: The phone number provided either does not exist or is ineligible to receive SMS "
          + "(at /data/attributes/profile/data/attributes/phone_number)";
      case 401 -> "not_authenticated: Missing or invalid private key.";
      case 403 -> "permission_denied: You do not have permission to perform this action.";
      case 404 -> "not_found: The requested resource was not found.";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  /** Klaviyo's real throttling answer: 429, a JSON:API "throttled" error and Retry-After. */
  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.status(429).header("Content-Type", JSON_API).header("Retry-After", retryAfter)
        .body(jsonApiError(429, "throttled", "Request was throttled.",
            "Request was throttled. Expected available in 7 seconds.", null)));
  }

  @Override
  protected void scriptServerError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.status(status).header("Content-Type", JSON_API)
        .body(jsonApiError(status, "error", "A server error occurred.", "A server error occurred.", null)));
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "base-url", "ftp://a.klaviyo.com",
        "private-api-key", "Xy7Kq2",
        "revision", "October 2026",
        "metric-customer-notice", "Backorder ".repeat(13));
  }

  static String jsonApiError(int status, String code, String title, String detail, String pointer) {
    Map<String, Object> error = new HashMap<>();
    error.put("id", "7e3ad1c2-5b0f-4a8e-9c61-2f4d8b1e0a37");
    error.put("status", status);
    error.put("code", code);
    error.put("title", title);
    error.put("detail", detail);
    if (pointer != null) {
      error.put("source", Map.of("pointer", pointer));
    }
    error.put("links", Map.of());
    error.put("meta", Map.of());
    try {
      return JSON.writeValueAsString(Map.of("errors", List.of(error)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- Descriptor ---------------------------------------------------------------------------------

  @Test
  void describesTheKlaviyoType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("klaviyo");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(53, 297));
    RateLimit limit = descriptor.defaultRateLimit();
    assertThat(limit.burst() + limit.permitsPerSecond()).as("most in one second").isLessThanOrEqualTo(350);
    assertThat(limit.burst() + limit.permitsPerSecond() * 60).as("most in one minute").isLessThanOrEqualTo(3500);
    assertThat(descriptor.capabilities())
        .containsExactlyInAnyOrder(Capability.IDEMPOTENCY_KEY, Capability.CUSTOMER_AUDIENCE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key).containsExactly(
        "base-url", "private-api-key", "revision", "metric-customer-notice", "metric-eta-correction",
        "metric-resolution");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::required).extracting(SettingSpec::key)
        .containsExactly("private-api-key");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("private-api-key");
    assertThat(descriptor.setting("base-url")).hasValueSatisfying(
        s -> assertThat(s.defaultValue()).isEqualTo("https://a.klaviyo.com"));
    assertThat(descriptor.setting("revision")).hasValueSatisfying(
        s -> assertThat(s.defaultValue()).isEqualTo("2026-10-15"));
  }

  // ---- What Klaviyo gets --------------------------------------------------------------------------

  @Test
  void sendsTheEventAsAJsonApiDocument() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());

    JsonNode expected = JSON.readTree("""
        {"data": {"type": "event", "attributes": {
          "properties": {
            "case_id": "case_01JSAMPLE", "eta": "2026-04-14T16:00:00Z", "order_id": "ORD-5001",
            "product": "Titanium White Acrylic 120 ml",
            "sku": "ACR-TITANIUM-WHITE", "status": "backordered", "store_name": "Maple & Thread Crafts",
            "trigger": "stock-depleted", "purpose": "customer-notice",
            "subject": "Titanium White Acrylic 120 ml from your order ORD-5001 is on backorder",
            "body": "Hi Maya,\\n\\nThank you for your order ORD-5001."},
          "time": "2026-03-02T09:30:00Z",
          "unique_id": "dlv-01JQ7K2M9X",
          "metric": {"data": {"type": "metric", "attributes": {"name": "Backorder Created"}}},
          "profile": {"data": {"type": "profile",
            "attributes": {"email": "maya@example.com", "phone_number": "+14155550123"}}}}}}
        """);
    assertThat(platform.onlyRequest().json()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "CUSTOMER_NOTICE, Backorder Created, customer-notice",
      "ETA_CORRECTION, Backorder ETA Changed, eta-correction",
      "RESOLUTION, Backorder Resolved, resolution"})
  void eachPurposeIsItsOwnMetric(Purpose purpose, String metric, String kebab) throws Exception {
    scriptSuccess(platform);
    openSession().deliver(notification(purpose, sampleNotification().recipient()));
    JsonNode attributes = platform.onlyRequest().json().at("/data/attributes");
    assertThat(attributes.at("/metric/data/attributes/name").asText()).isEqualTo(metric);
    assertThat(attributes.at("/properties/purpose").asText()).isEqualTo(kebab);
  }

  @Test
  void metricNamesAreConfigurable() throws Exception {
    Map<String, String> settings = with("metric-customer-notice", "  Item Backordered ");
    settings.put("metric-eta-correction", "Backorder Date Moved");
    settings.put("metric-resolution", "Backorder Closed");
    ConnectorSession session = openSession(settings);
    for (Purpose purpose : List.of(Purpose.CUSTOMER_NOTICE, Purpose.ETA_CORRECTION, Purpose.RESOLUTION)) {
      scriptSuccess(platform);
      session.deliver(notification(purpose, sampleNotification().recipient()));
    }
    assertThat(platform.requests()).extracting(r -> r.json().at("/data/attributes/metric/data/attributes/name").asText())
        .containsExactly("Item Backordered", "Backorder Date Moved", "Backorder Closed");
  }

  @Test
  void revisionAndBaseUrlAreConfigurable() throws Exception {
    scriptSuccess(platform);
    Map<String, String> settings = with("revision", "2026-07-15");
    settings.put("base-url", platform.url() + "/egress/klaviyo/");
    openSession(settings).deliver(sampleNotification());
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.path()).isEqualTo("/egress/klaviyo/api/events");
    assertThat(request.header("revision")).contains("2026-07-15");
  }

  @Test
  void aPhoneOnlyCustomerIsFoundByPhoneNumber() throws Exception {
    scriptSuccess(platform);
    Recipient phoneOnly = new Recipient("ORD-5001", "Maya Okafor", "", " +14155550123 ", "", "", "");
    openSession().deliver(notification(Purpose.CUSTOMER_NOTICE, phoneOnly));
    JsonNode identifiers = platform.onlyRequest().json().at("/data/attributes/profile/data/attributes");
    assertThat(identifiers.get("phone_number").asText()).isEqualTo("+14155550123");
    assertThat(identifiers.has("email")).isFalse();
  }

  @Test
  void aCustomerWithoutEmailOrPhoneIsPermanentAndNothingIsSent() {
    Recipient nobody = new Recipient("ORD-5001", "Maya Okafor", " ", "", "en-US", "", "cus_8812");
    assertThatThrownBy(() -> openSession().deliver(notification(Purpose.CUSTOMER_NOTICE, nobody)))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining(DELIVERY_ID)
        .hasMessageContaining("neither an email address nor a phone number");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void emptyFactsAndAnEmptySubjectAreLeftOut() throws Exception {
    scriptSuccess(platform);
    Notification sparse = new Notification(DELIVERY_ID, Trigger.PLATFORM_BACKORDER, Purpose.CUSTOMER_NOTICE,
        Audience.CUSTOMER, sampleNotification().recipient(), new Message("", "Your backorder is confirmed."),
        Map.of("sku", "ACR-TITANIUM-WHITE", "eta", "", "supplier", " "), Optional.empty());
    openSession().deliver(sparse);
    JsonNode properties = platform.onlyRequest().json().at("/data/attributes/properties");
    assertThat(properties.fieldNames()).toIterable().containsExactlyInAnyOrder("sku", "trigger", "purpose", "body");
    assertThat(properties.get("trigger").asText()).isEqualTo("platform-backorder");
  }

  @Test
  void theEventTimeComesFromTheHostClockInWholeSeconds() throws Exception {
    context.clock().advance(Duration.ofMillis(61_750));
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    assertThat(platform.onlyRequest().json().at("/data/attributes/time").asText()).isEqualTo("2026-03-02T09:31:01Z");
  }

  // ---- Answers ------------------------------------------------------------------------------------

  @Test
  void klaviyoReturnsNoIdSoTheDeliveryIdIsTheExternalIdAndThereIsNoReference() throws Exception {
    scriptSuccess(platform);
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(new DeliveryReceipt(DELIVERY_ID, ""));
  }

  @Test
  void aRetryCarriesTheSameUniqueIdSoKlaviyoRecordsTheEventOnce() throws Exception {
    platform.enqueue(FakeResponse.status(503), FakeResponse.status(202));
    ConnectorSession session = openSession();
    assertThatThrownBy(() -> session.deliver(sampleNotification())).isInstanceOf(RetryableDeliveryException.class);
    context.clock().advance(Duration.ofSeconds(40));
    session.deliver(sampleNotification());
    assertThat(platform.requests()).extracting(r -> r.json().at("/data/attributes/unique_id").asText())
        .containsExactly(DELIVERY_ID, DELIVERY_ID);
  }

  @Test
  void throttlingCarriesKlaviyosReason() {
    scriptRateLimit(platform, "3");
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(thrown.getMessage()).contains("HTTP 429", "throttled: Request was throttled.");
  }

  @Test
  void aServerErrorHonoursRetryAfter() {
    platform.enqueue(FakeResponse.status(503).header("Retry-After", "30").body("<html>maintenance</html>"));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(thrown.getMessage()).contains("HTTP 503", "maintenance");
  }

  @Test
  void everyJsonApiErrorIsReported() {
    platform.enqueue(FakeResponse.status(400).header("Content-Type", JSON_API).body("""
        {"errors": [
          {"id": "a1", "status": 400, "code": "invalid", "title": "Invalid input.",
           "detail": "'time' must be after 1990 and at most one year in the future",
           "source": {"pointer": "/data/attributes/time"}},
          {"id": "a2", "status": 400, "code": "required", "title": "This field is required."}]}
        """));
    PermanentDeliveryException thrown = deliverExpecting(PermanentDeliveryException.class);
    assertThat(thrown.getMessage()).isEqualTo("Klaviyo answered HTTP 400: invalid: 'time' must be after 1990 and at "
        + "most one year in the future (at /data/attributes/time); required: This field is required.");
  }

  @Test
  void aRetiredRevisionIsPermanent() {
    platform.enqueue(FakeResponse.status(410).header("Content-Type", JSON_API).body(jsonApiError(410,
        "gone", "Gone.", "This revision is no longer supported.", null)));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage())
        .contains("HTTP 410", "This revision is no longer supported.");
  }

  @Test
  void aProxyPageInsteadOfJsonApiIsQuotedAsItIs() {
    platform.enqueue(FakeResponse.status(403).header("Content-Type", "text/html")
        .body("<html><head><title>403 Forbidden</title></head><body>cloudflare</body></html>"));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage())
        .contains("HTTP 403", "<title>403 Forbidden</title>");
  }

  @Test
  void aRedirectIsPermanent() {
    platform.enqueue(FakeResponse.status(301).header("Location", "https://elsewhere.example.com/api/events"));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage()).contains("HTTP 301");
  }

  @Test
  void oneSessionDeliversFromManyThreadsAtOnce() throws Exception {
    int deliveries = 16;
    for (int i = 0; i < deliveries; i++) {
      platform.enqueue(FakeResponse.status(202));
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
    assertThat(platform.requests()).extracting(r -> r.json().at("/data/attributes/unique_id").asText())
        .doesNotHaveDuplicates().hasSize(deliveries);
  }

  // ---- Refused settings ---------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"Xy7Kq2", "pk_", "sk_3f9a1c7e5b2d4a6f8e0c1b3d", "pk_3f9a 1c7e", "Bearer pk_3f9a1c7e"})
  void theKeyMustBeAPrivateKey(String key) {
    assertThatThrownBy(() -> openSession(with("private-api-key", key)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("private-api-key");
          assertThat(e.getMessage()).contains("starts with pk_");
          if (key.length() > "pk_".length()) {
            assertThat(e.getMessage()).doesNotContain(key);
          }
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-10", "15/10/2026", "latest", "2026-10-15-beta"})
  void theRevisionMustBeARevisionDate(String revision) {
    assertThatThrownBy(() -> openSession(with("revision", revision)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("revision"));
  }

  @Test
  void aBetaRevisionIsAccepted() throws Exception {
    scriptSuccess(platform);
    openSession(with("revision", "2026-10-15.pre")).deliver(sampleNotification());
    assertThat(platform.onlyRequest().header("revision")).contains("2026-10-15.pre");
  }

  @ParameterizedTest
  @ValueSource(strings = {"metric-customer-notice", "metric-eta-correction", "metric-resolution"})
  void metricNamesMustBeShorterThan128Characters(String key) {
    assertThatThrownBy(() -> openSession(with(key, "M".repeat(128))))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key));
    openSession(with(key, "M".repeat(127)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:secret-in-url@a.klaviyo.com", "https://a.klaviyo.com?x=1", "https:opaque",
      "a.klaviyo.com"})
  void theBaseUrlMustBeAPlainHttpUrl(String url) {
    assertThatThrownBy(() -> openSession(with("base-url", url)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("base-url");
          assertThat(e.getMessage()).doesNotContain("secret-in-url");
        });
  }

  @Test
  void settingsSessionAndLogsShowNoKey() throws Exception {
    KlaviyoSettings parsed = KlaviyoSettings.from(settings(validSettings(platform.url())));
    assertThat(parsed.toString()).doesNotContain(KEY).contains("private-api-key=****", "revision=2026-10-15");
    ConnectorSession session = openSession();
    assertThat(session.toString()).contains("test-instance", "127.0.0.1").doesNotContain(KEY);
    scriptSuccess(platform);
    session.deliver(sampleNotification());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("127.0.0.1", "2026-10-15"));
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains(DELIVERY_ID, "HTTP 202"));
  }

  // ---- Shipped templates (email wording: Klaviyo flows send them as {{ event.subject }} / {{ event.body }}) --

  private static final Templates TEMPLATES =
      Templates.of(List.of(TemplateSource.folder(Path.of("src/main/resources/templates"))));

  @Test
  void shippedTemplatesCoverEveryCustomerPurposeForEveryTrigger() {
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String purpose : List.of("customer-notice", "eta-correction", "resolution")) {
        RenderedMessage message = TEMPLATES.render(TemplateFacts.sample(trigger, purpose)).orElseThrow();
        assertThat(message.subject()).as("%s/%s subject", trigger, purpose).isNotBlank();
        assertThat(message.body()).as("%s/%s body", trigger, purpose)
            .startsWith("Hi Maya,").endsWith("Maple & Thread Crafts").doesNotContain("{{", "\n\n\n");
      }
      assertThat(TEMPLATES.sourceOf(trigger, "staff-alert", Locale.US)).as("no staff wording for a customer channel")
          .isEmpty();
    }
  }

  @Test
  void stockDepletedNoticeSaysItSoldOut() {
    RenderedMessage message = render(TemplateFacts.sample("stock-depleted", "customer-notice"));
    assertThat(message.subject()).isEqualTo("Titanium White Acrylic 120 ml from your order ORD-5001 is on backorder");
    assertThat(message.body()).isEqualTo("""
        Hi Maya,

        Thank you for your order ORD-5001. We are sorry: Titanium White Acrylic 120 ml sold out before we could set \
        one aside for you, so it is now on backorder.

        We expect new stock by April 14, 2026 and will ship it to you as soon as it arrives. The rest of your order \
        is not held up.

        If you would rather not wait, reply to this email and we will cancel the item, so you are not charged for it, \
        or suggest a similar one that is in stock.

        Maple & Thread Crafts""");
  }

  @Test
  void withoutADateOrANameTheNoticeStaysCorrect() {
    RenderedMessage message = render(facts("stock-depleted", "customer-notice", null, "", "", ""));
    assertThat(message.body()).startsWith("Hi,\n\n").contains(
        "We are waiting for a delivery date for new stock and will write again as soon as we have one.")
        .doesNotContain("expect new stock by");
  }

  @Test
  void markedUnavailableNoticeSaysWeCannotSendIt() {
    RenderedMessage message = render(TemplateFacts.sample("marked-unavailable", "customer-notice"));
    assertThat(message.subject()).isEqualTo("Titanium White Acrylic 120 ml from your order ORD-5001 is delayed");
    assertThat(message.body()).contains("While preparing it we found that we cannot send Titanium White Acrylic "
        + "120 ml right now, so we have put it on backorder. We are sorry for the inconvenience.",
        "We expect to have it ready by April 14, 2026");
    assertThat(render(facts("marked-unavailable", "customer-notice", null, "Maya Okafor", "", "")).body())
        .contains("We do not have a date yet and will write again as soon as we do.");
  }

  @Test
  void supplierDelayedNoticeBlamesTheSupplierNotTheCustomer() {
    RenderedMessage message = render(TemplateFacts.sample("supplier-delayed", "customer-notice"));
    assertThat(message.subject())
        .isEqualTo("Titanium White Acrylic 120 ml from your order ORD-5001 is delayed at our supplier");
    assertThat(message.body()).contains("Our supplier has not delivered Titanium White Acrylic 120 ml on time",
        "We now expect it by April 14, 2026").doesNotContain("Golden Artist Colors", "PO-2041");
    assertThat(render(facts("supplier-delayed", "customer-notice", null, "Maya Okafor", "", "")).body())
        .contains("We are waiting for a new delivery date from our supplier");
  }

  @Test
  void platformBackorderNoticeConfirmsTheBackorder() {
    RenderedMessage message = render(TemplateFacts.sample("platform-backorder", "customer-notice"));
    assertThat(message.subject()).isEqualTo("Your backorder for Titanium White Acrylic 120 ml (order ORD-5001) is confirmed");
    assertThat(message.body()).contains("Thank you for ordering Titanium White Acrylic 120 ml while it was out of stock.",
        "We expect it by April 14, 2026", "we will cancel the item; you will not be charged for it.");
  }

  @Test
  void etaCorrectionGivesTheNewDateAndApologises() {
    RenderedMessage message = render(TemplateFacts.sample("stock-depleted", "eta-correction"));
    assertThat(message.subject()).isEqualTo("New date for Titanium White Acrylic 120 ml on your order ORD-5001");
    assertThat(message.body()).contains("it is taking longer than we told you. We now expect it by April 14, 2026. "
        + "We are sorry for the wait.");
    assertThat(render(facts("marked-unavailable", "eta-correction", null, "Maya Okafor", "", "")).body())
        .contains("We do not have a new date yet and will write again as soon as we do.");
  }

  @Test
  void supplierDelayedEtaCorrectionNamesTheSupplierDelay() {
    RenderedMessage message = render(TemplateFacts.sample("supplier-delayed", "eta-correction"));
    assertThat(message.body()).contains("Our supplier has pushed back their delivery of Titanium White Acrylic 120 ml",
        "We now expect it by April 14, 2026.");
    assertThat(render(facts("supplier-delayed", "eta-correction", null, "Maya Okafor", "", "")).body())
        .contains("They have not given us a new date yet");
  }

  @Test
  void resolutionSaysRestockedOrCancelled() {
    RenderedMessage restocked = render(TemplateFacts.sample("stock-depleted", "resolution"));
    assertThat(restocked.subject()).isEqualTo("Titanium White Acrylic 120 ml is back in stock and on its way");
    assertThat(restocked.body()).contains("Good news: Titanium White Acrylic 120 ml is back in stock.",
        "\n\nBack on the shelf today.\n\nThank you for your patience.");

    RenderedMessage cancelled = render(facts("supplier-delayed", "resolution", null, "Maya Okafor", "cancelled", ""));
    assertThat(cancelled.subject()).isEqualTo("Titanium White Acrylic 120 ml has been removed from your order ORD-5001");
    assertThat(cancelled.body()).contains("will not be coming back in stock", "You will not be charged for it")
        .contains("original payment method.\n\nThank you for your patience.");
  }

  private static RenderedMessage render(TemplateFacts facts) {
    return TEMPLATES.render(facts).orElseThrow();
  }

  private static TemplateFacts facts(String trigger, String purpose, Instant eta, String customerName,
      String resolution, String message) {
    TemplateFacts s = TemplateFacts.sample(trigger, purpose);
    return new TemplateFacts(s.storeName(), trigger, purpose, s.sku(), s.product(), s.orderId(), customerName,
        s.customerEmail(), s.customerPhone(), eta, s.zone(), s.locale(), s.caseId(), s.reason(), s.supplier(),
        s.poNumber(), resolution, message);
  }

  // ---- Helpers ------------------------------------------------------------------------------------

  private Notification notification(Purpose purpose, Recipient recipient) {
    Notification n = sampleNotification();
    return new Notification(n.deliveryId(), n.trigger(), purpose, n.audience(), recipient, n.message(), n.facts(),
        Optional.empty());
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
