package com.backordergateway.plugins.intercom;

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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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

/** The Intercom connector against a fake Intercom that checks requests the way /events does. */
class IntercomConnectorTest extends ConnectorContractTest {

  private static final String TOKEN = "dG9rOjdmM2E5YzFlXzRiMmQ6MTowMDAwMDAwMDAw";
  private static final String DELIVERY_ID = "dlv-01JQ7K2M9X";
  /** {@code TestConnectorContext.DEFAULT_NOW}, 2026-03-02T09:30:00Z, in Unix seconds. */
  private static final long NOW = 1772443800L;
  private static final ObjectMapper JSON = new ObjectMapper();

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new IntercomConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "access-token", TOKEN);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("access-token", TOKEN);
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
        new Message("", "Sorry, Titanium White Acrylic 120 ml from your order ORD-5001 sold out and is now on "
            + "backorder. We expect it by April 14, 2026."),
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
    assertThat(request.path()).isEqualTo("/events");
    assertThat(request.query()).isEmpty();
    assertThat(request.header("Authorization")).contains("Bearer " + TOKEN);
    assertThat(request.header("Accept")).contains("application/json");
    assertThat(request.header("Content-Type")).contains("application/json");
    assertThat(request.header("Intercom-Version")).contains("2.14");
    JsonNode body = request.json();
    assertThat(body.get("event_name").asText()).isEqualTo("backorder-created");
    assertThat(body.get("created_at").isIntegralNumber()).isTrue();
    assertThat(body.get("created_at").asLong()).isEqualTo(NOW);
    assertThat(body.get("user_id").asText()).isEqualTo("cus_8812");
    assertThat(body.has("email")).as("one identifier").isFalse();
    assertFlatAndWithinIntercomsLimits(body.get("metadata"));
    assertThat(body.at("/metadata/sku").asText()).isEqualTo("ACR-TITANIUM-WHITE");
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404);
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> errorList("parameter_invalid", "created_at must be a Unix timestamp in seconds");
      case 401 -> errorList("unauthorized", "Access Token Invalid");
      case 403 -> errorList("api_plan_restricted", "Active subscription needed.");
      case 404 -> errorList("not_found", "User Not Found");
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "parameter_invalid: created_at must be a Unix timestamp in seconds [request_id 0004l5ml8mi1d3ocj3k0]";
      case 401 -> "unauthorized: Access Token Invalid";
      case 403 -> "api_plan_restricted: Active subscription needed.";
      case 404 -> "not_found: User Not Found";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  /**
   * Intercom's real throttling answer: 429, an error list with {@code rate_limit_exceeded} and the
   * window's {@code X-RateLimit-*} headers, the reset as Unix seconds, and no Retry-After.
   */
  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.json(429, errorList("rate_limit_exceeded", "Exceeded rate limit of 167 in 10_seconds"))
        .header("X-RateLimit-Limit", "167")
        .header("X-RateLimit-Remaining", "0")
        .header("X-RateLimit-Reset", String.valueOf(resetAt(retryAfter))));
  }

  /** The announced wait ("7" or an HTTP date) as the Unix second Intercom would name. */
  private long resetAt(String announced) {
    if (announced.chars().allMatch(Character::isDigit)) {
      return context.clock().instant().plusSeconds(Long.parseLong(announced)).getEpochSecond();
    }
    return ZonedDateTime.parse(announced, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
  }

  @Override
  protected void scriptServerError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.json(status, errorList("server_error", "Server Error")));
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "base-url", "ftp://api.intercom.io",
        "access-token", "Bearer dG9rOmFub3RoZXI=",
        "intercom-version", "v2-latest",
        "event-customer-notice", "backorder\ncreated");
  }

  static String errorList(String code, String message) {
    try {
      return JSON.writeValueAsString(Map.of("type", "error.list", "request_id", "0004l5ml8mi1d3ocj3k0",
          "errors", List.of(Map.of("code", code, "message", message))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertFlatAndWithinIntercomsLimits(JsonNode metadata) {
    assertThat(metadata.isObject()).isTrue();
    assertThat(metadata.size()).as("Intercom keeps ten metadata keys").isLessThanOrEqualTo(10);
    metadata.fields().forEachRemaining(field -> {
      assertThat(field.getValue().isTextual() || field.getValue().isNumber())
          .as("metadata %s is a string or a number", field.getKey()).isTrue();
      assertThat(field.getValue().asText()).as("metadata %s", field.getKey()).hasSizeLessThanOrEqualTo(255);
    });
  }

  // ---- Descriptor ---------------------------------------------------------------------------------

  @Test
  void describesTheIntercomType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("intercom");
    RateLimit limit = descriptor.defaultRateLimit();
    assertThat(limit).isEqualTo(new RateLimit(150, 166));
    assertThat(limit.burst() + limit.permitsPerSecond() * 10).as("most in one 10-second window")
        .isLessThanOrEqualTo(10_000 / 6);
    assertThat(descriptor.capabilities()).containsExactly(Capability.CUSTOMER_AUDIENCE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key).containsExactly(
        "base-url", "access-token", "intercom-version", "event-customer-notice", "event-eta-correction",
        "event-resolution");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::required).extracting(SettingSpec::key)
        .containsExactly("access-token");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("access-token");
    assertThat(descriptor.setting("base-url")).hasValueSatisfying(
        s -> assertThat(s.defaultValue()).isEqualTo("https://api.intercom.io"));
    assertThat(descriptor.setting("intercom-version")).hasValueSatisfying(
        s -> assertThat(s.defaultValue()).isEqualTo("2.14"));
  }

  // ---- What Intercom gets -------------------------------------------------------------------------

  @Test
  void sendsTheDataEvent() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    JsonNode expected = JSON.readTree("""
        {"event_name": "backorder-created", "created_at": 1772443800, "user_id": "cus_8812",
         "metadata": {"order_id": "ORD-5001", "sku": "ACR-TITANIUM-WHITE",
           "product": "Titanium White Acrylic 120 ml", "status": "backordered",
           "eta": "2026-04-14T16:00:00Z", "eta_date": 1776182400, "case_id": "case_01JSAMPLE",
           "trigger": "stock-depleted",
           "notice": "Sorry, Titanium White Acrylic 120 ml from your order ORD-5001 sold out and is now on \
        backorder. We expect it by April 14, 2026.",
           "delivery_id": "dlv-01JQ7K2M9X"}}
        """);
    JsonNode sent = platform.onlyRequest().json();
    assertThat(sent).isEqualTo(expected);
    assertThat(sent.get("metadata").fieldNames()).toIterable().as("most useful first").containsExactly(
        "order_id", "sku", "product", "status", "eta", "eta_date", "case_id", "trigger", "notice", "delivery_id");
  }

  @Test
  void withoutACustomerIdTheUserIsFoundByEmail() throws Exception {
    scriptSuccess(platform);
    Recipient emailOnly = new Recipient("ORD-5001", "Maya Okafor", " maya@example.com ", "", "", "", " ");
    openSession().deliver(notification(Purpose.CUSTOMER_NOTICE, emailOnly));
    JsonNode body = platform.onlyRequest().json();
    assertThat(body.get("email").asText()).isEqualTo("maya@example.com");
    assertThat(body.has("user_id")).isFalse();
  }

  @Test
  void aCustomerWithoutIdOrEmailIsPermanentAndNothingIsSent() {
    Recipient phoneOnly = new Recipient("ORD-5001", "Maya Okafor", "", "+14155550123", "", "", "");
    assertThatThrownBy(() -> openSession().deliver(notification(Purpose.CUSTOMER_NOTICE, phoneOnly)))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining(DELIVERY_ID)
        .hasMessageContaining("neither a customer id nor an email address");
    assertThat(platform.requestCount()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
      "CUSTOMER_NOTICE, backorder-created",
      "ETA_CORRECTION, backorder-eta-changed",
      "RESOLUTION, backorder-resolved"})
  void eachPurposeIsItsOwnEvent(Purpose purpose, String eventName) throws Exception {
    scriptSuccess(platform);
    openSession().deliver(notification(purpose, sampleNotification().recipient()));
    assertThat(platform.onlyRequest().json().get("event_name").asText()).isEqualTo(eventName);
  }

  @Test
  void eventNamesAreConfigurable() throws Exception {
    Map<String, String> settings = with("event-customer-notice", " placed-backorder ");
    settings.put("event-eta-correction", "backorder-date-moved");
    settings.put("event-resolution", "backorder-closed");
    ConnectorSession session = openSession(settings);
    for (Purpose purpose : List.of(Purpose.CUSTOMER_NOTICE, Purpose.ETA_CORRECTION, Purpose.RESOLUTION)) {
      scriptSuccess(platform);
      session.deliver(notification(purpose, sampleNotification().recipient()));
    }
    assertThat(platform.requests()).extracting(r -> r.json().get("event_name").asText())
        .containsExactly("placed-backorder", "backorder-date-moved", "backorder-closed");
  }

  @Test
  void versionAndRegionalHostAreConfigurable() throws Exception {
    scriptSuccess(platform);
    Map<String, String> settings = with("intercom-version", "2.11");
    settings.put("base-url", platform.url() + "/eu/");
    openSession(settings).deliver(sampleNotification());
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.path()).isEqualTo("/eu/events");
    assertThat(request.header("Intercom-Version")).contains("2.11");
  }

  @Test
  void createdAtIsTheHostClockInWholeSeconds() throws Exception {
    context.clock().advance(Duration.ofMillis(61_750));
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    assertThat(platform.onlyRequest().json().get("created_at").asLong()).isEqualTo(NOW + 61);
  }

  @Test
  void unknownFactsAreLeftOutAndTheOrderComesFromTheRecipient() throws Exception {
    scriptSuccess(platform);
    Notification sparse = new Notification(DELIVERY_ID, Trigger.PLATFORM_BACKORDER, Purpose.CUSTOMER_NOTICE,
        Audience.CUSTOMER, sampleNotification().recipient(), new Message("", " "),
        Map.of("sku", "ACR-TITANIUM-WHITE", "eta", "", "status", "backordered"), Optional.empty());
    openSession().deliver(sparse);
    JsonNode metadata = platform.onlyRequest().json().get("metadata");
    assertThat(metadata.fieldNames()).toIterable()
        .containsExactly("order_id", "sku", "status", "trigger", "delivery_id");
    assertThat(metadata.get("order_id").asText()).isEqualTo("ORD-5001");
    assertThat(metadata.get("trigger").asText()).isEqualTo("platform-backorder");
  }

  @Test
  void anEtaThatIsNotAnInstantIsSentAsTextOnly() throws Exception {
    scriptSuccess(platform);
    Map<String, String> facts = new HashMap<>(facts());
    facts.put("eta", "mid-April");
    Notification n = sampleNotification();
    openSession().deliver(new Notification(n.deliveryId(), n.trigger(), n.purpose(), n.audience(), n.recipient(),
        n.message(), facts, Optional.empty()));
    JsonNode metadata = platform.onlyRequest().json().get("metadata");
    assertThat(metadata.get("eta").asText()).isEqualTo("mid-April");
    assertThat(metadata.has("eta_date")).isFalse();
  }

  @Test
  void longValuesAreCutToIntercomsLimit() throws Exception {
    scriptSuccess(platform);
    Map<String, String> facts = new HashMap<>(facts());
    facts.put("product", "Artist Acrylic ".repeat(20));
    Notification n = sampleNotification();
    String body = "We are sorry. ".repeat(30) + "😀";
    openSession().deliver(new Notification(n.deliveryId(), n.trigger(), n.purpose(), n.audience(), n.recipient(),
        new Message("", body), facts, Optional.empty()));
    JsonNode metadata = platform.onlyRequest().json().get("metadata");
    assertFlatAndWithinIntercomsLimits(metadata);
    assertThat(metadata.get("product").asText()).hasSize(255).endsWith("…").startsWith("Artist Acrylic Artist");
    assertThat(metadata.get("notice").asText()).hasSize(255).startsWith("We are sorry. We are sorry.");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String value = "x".repeat(253) + "😀" + "tail";
    String cut = IntercomMetadata.truncate(value);
    assertThat(cut).isEqualTo("x".repeat(253) + "…");
    assertThat(IntercomMetadata.truncate("short")).isEqualTo("short");
  }

  // ---- Answers ------------------------------------------------------------------------------------

  @Test
  void intercomReturnsNoIdSoTheDeliveryIdIsTheExternalIdAndThereIsNoReference() throws Exception {
    scriptSuccess(platform);
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(new DeliveryReceipt(DELIVERY_ID, ""));
  }

  @Test
  void throttlingWaitsForTheWindowToReset() {
    scriptRateLimit(platform, "4");
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(4));
    assertThat(thrown.getMessage()).contains("HTTP 429", "rate_limit_exceeded: Exceeded rate limit of 167 in 10_seconds");
  }

  @Test
  void aRetryAfterWinsOverTheResetTime() {
    platform.enqueue(FakeResponse.json(429, errorList("rate_limit_exceeded", "Exceeded rate limit"))
        .header("Retry-After", "12").header("X-RateLimit-Reset", String.valueOf(NOW + 3)));
    assertThat(deliverExpecting(RetryableDeliveryException.class).retryAfter()).contains(Duration.ofSeconds(12));
  }

  @Test
  void aResetInThePastMeansTryAgainNow() {
    platform.enqueue(FakeResponse.json(429, errorList("rate_limit_exceeded", "Exceeded rate limit"))
        .header("X-RateLimit-Reset", String.valueOf(NOW - 30)));
    assertThat(deliverExpecting(RetryableDeliveryException.class).retryAfter()).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "1.7724438E9"})
  void aRateLimitWithoutAReadableResetLeavesTheWaitToTheEngine(String reset) {
    FakeResponse answer = FakeResponse.json(429, errorList("too_many_requests", "Too many requests"));
    platform.enqueue(reset.isEmpty() ? answer : answer.header("X-RateLimit-Reset", reset));
    assertThat(deliverExpecting(RetryableDeliveryException.class).retryAfter()).isEmpty();
  }

  @Test
  void aServerErrorHonoursRetryAfter() {
    platform.enqueue(FakeResponse.json(503, errorList("service_unavailable", "Service Unavailable"))
        .header("Retry-After", "20"));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(thrown.getMessage()).contains("HTTP 503", "service_unavailable: Service Unavailable");
  }

  @Test
  void everyErrorInTheListIsReported() {
    platform.enqueue(FakeResponse.json(400, """
        {"type": "error.list", "errors": [
          {"code": "parameter_invalid", "message": "Metadata values must be strings or numbers", "field": "metadata"},
          {"code": "missing_parameter", "message": "event_name is required"}]}
        """));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage()).isEqualTo("Intercom answered HTTP 400: "
        + "parameter_invalid: Metadata values must be strings or numbers (field metadata); "
        + "missing_parameter: event_name is required");
  }

  @Test
  void aBodyThatIsNotAnErrorListIsQuotedAsItIs() {
    platform.enqueue(FakeResponse.status(403).header("Content-Type", "text/html").body("<h1>Forbidden by proxy</h1>"));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage())
        .contains("HTTP 403", "<h1>Forbidden by proxy</h1>");
  }

  @Test
  void aRetryIsAnotherSubmissionWithTheSameMetadata() throws Exception {
    platform.enqueue(FakeResponse.status(502), FakeResponse.status(202));
    ConnectorSession session = openSession();
    assertThatThrownBy(() -> session.deliver(sampleNotification())).isInstanceOf(RetryableDeliveryException.class);
    context.clock().advance(Duration.ofSeconds(30));
    session.deliver(sampleNotification());
    List<RecordedRequest> attempts = platform.requests();
    assertThat(attempts).extracting(r -> r.json().at("/metadata/delivery_id").asText())
        .containsExactly(DELIVERY_ID, DELIVERY_ID);
    assertThat(attempts).extracting(r -> r.json().get("created_at").asLong()).containsExactly(NOW, NOW + 30);
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
    assertThat(platform.requests()).extracting(r -> r.json().at("/metadata/delivery_id").asText())
        .doesNotHaveDuplicates().hasSize(deliveries);
  }

  // ---- Refused settings ---------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"Bearer dG9rOmFub3RoZXI=", "dG9rOm Fub3RoZXI=", "dG9rOmFub3\u0000RoZXI="})
  void theTokenMustBeTheTokenAlone(String token) {
    assertThatThrownBy(() -> openSession(with("access-token", token)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("access-token");
          assertThat(e.getMessage()).doesNotContain("dG9rOm");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "v2.14", "2.14.1", "latest", "unstable"})
  void theVersionMustBeAnIntercomVersion(String version) {
    assertThatThrownBy(() -> openSession(with("intercom-version", version)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("intercom-version"));
  }

  @Test
  void theUnstableVersionIsAccepted() throws Exception {
    scriptSuccess(platform);
    openSession(with("intercom-version", "Unstable")).deliver(sampleNotification());
    assertThat(platform.onlyRequest().header("Intercom-Version")).contains("Unstable");
  }

  @ParameterizedTest
  @ValueSource(strings = {"event-customer-notice", "event-eta-correction", "event-resolution"})
  void eventNamesMustBeOneLine(String key) {
    assertThatThrownBy(() -> openSession(with(key, "backorder\tcreated")))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:secret-in-url@api.intercom.io", "https://api.intercom.io?region=eu",
      "https:opaque", "api.eu.intercom.io"})
  void theBaseUrlMustBeAPlainHttpUrl(String url) {
    assertThatThrownBy(() -> openSession(with("base-url", url)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("base-url");
          assertThat(e.getMessage()).doesNotContain("secret-in-url");
        });
  }

  @Test
  void settingsSessionAndLogsShowNoToken() throws Exception {
    IntercomSettings parsed = IntercomSettings.from(settings(validSettings(platform.url())));
    assertThat(parsed.toString()).doesNotContain(TOKEN).contains("access-token=****", "intercom-version=2.14");
    ConnectorSession session = openSession();
    assertThat(session.toString()).contains("test-instance", "127.0.0.1").doesNotContain(TOKEN);
    scriptSuccess(platform);
    session.deliver(sampleNotification());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("127.0.0.1", "2.14"));
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains(DELIVERY_ID, "user_id", "HTTP 202"));
  }

  // ---- Shipped templates (the short notice sent as the event's "notice" metadata) ----------------

  private static final Templates TEMPLATES =
      Templates.of(List.of(TemplateSource.folder(Path.of("src/main/resources/templates"))));

  @Test
  void shippedTemplatesCoverEveryCustomerPurposeAndFitIntercomsStringLimit() {
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String purpose : List.of("customer-notice", "eta-correction", "resolution")) {
        for (TemplateFacts facts : List.of(TemplateFacts.sample(trigger, purpose),
            facts(trigger, purpose, null, "cancelled", ""))) {
          RenderedMessage message = render(facts);
          assertThat(message.subject()).as("%s/%s has no subject", trigger, purpose).isEmpty();
          assertThat(message.body()).as("%s/%s", trigger, purpose).isNotBlank().doesNotContain("{{", "\n")
              .hasSizeLessThanOrEqualTo(IntercomMetadata.MAX_STRING);
        }
      }
      assertThat(TEMPLATES.sourceOf(trigger, "staff-alert", Locale.US)).as("no staff wording for a customer channel")
          .isEmpty();
    }
  }

  @Test
  void stockDepletedNoticeSaysItSoldOut() {
    assertThat(render(TemplateFacts.sample("stock-depleted", "customer-notice")).body()).isEqualTo(
        "Sorry, Titanium White Acrylic 120 ml from your order ORD-5001 sold out and is now on backorder. We expect it "
            + "by April 14, 2026 and will ship it as soon as it arrives. Reply here to cancel it or pick an alternative.");
    assertThat(render(facts("stock-depleted", "customer-notice", null, "", "")).body())
        .contains("now on backorder. We will tell you as soon as we have a date. Reply here");
  }

  @Test
  void markedUnavailableNoticeSaysWeCannotSendIt() {
    assertThat(render(TemplateFacts.sample("marked-unavailable", "customer-notice")).body()).isEqualTo(
        "Sorry, we cannot send Titanium White Acrylic 120 ml from your order ORD-5001 right now, so it is on "
            + "backorder. We expect to ship it by April 14, 2026. Reply here to cancel it or pick an alternative.");
  }

  @Test
  void supplierDelayedNoticeSaysItIsDelayedAtOurSupplier() {
    assertThat(render(TemplateFacts.sample("supplier-delayed", "customer-notice")).body())
        .startsWith("Sorry, Titanium White Acrylic 120 ml from your order ORD-5001 is delayed at our supplier. "
            + "We now expect it by April 14, 2026.")
        .doesNotContain("Golden Artist Colors", "PO-2041");
    assertThat(render(facts("supplier-delayed", "customer-notice", null, "", "")).body())
        .contains("We will tell you as soon as they give us a date.");
  }

  @Test
  void platformBackorderNoticeConfirmsTheBackorder() {
    assertThat(render(TemplateFacts.sample("platform-backorder", "customer-notice")).body()).isEqualTo(
        "Thank you for ordering Titanium White Acrylic 120 ml while it was out of stock: order ORD-5001 is confirmed "
            + "as a backorder. We expect it by April 14, 2026 and will ship it as soon as it arrives. Reply here if "
            + "you change your mind.");
  }

  @Test
  void etaCorrectionGivesTheNewDateAndApologises() {
    assertThat(render(TemplateFacts.sample("supplier-delayed", "eta-correction")).body()).isEqualTo(
        "Update on your order ORD-5001: Titanium White Acrylic 120 ml is taking longer than we said. Our new estimate "
            + "is April 14, 2026. Sorry for the wait. Reply here to cancel it or pick an alternative.");
    assertThat(render(facts("stock-depleted", "eta-correction", null, "", "")).body())
        .contains("We do not have a new date yet and will tell you when we do.");
  }

  @Test
  void resolutionSaysRestockedOrCancelled() {
    assertThat(render(TemplateFacts.sample("stock-depleted", "resolution")).body()).isEqualTo(
        "Good news: Titanium White Acrylic 120 ml is back in stock and we are packing it for your order ORD-5001. "
            + "Back on the shelf today. Thank you for your patience.");
    assertThat(render(facts("marked-unavailable", "resolution", null, "cancelled", "")).body()).isEqualTo(
        "Sorry, Titanium White Acrylic 120 ml will not be coming back, so we have removed it from your order "
            + "ORD-5001. You will not be charged for it. Thank you for your patience.");
  }

  private static RenderedMessage render(TemplateFacts facts) {
    return TEMPLATES.render(facts).orElseThrow();
  }

  private static TemplateFacts facts(String trigger, String purpose, Instant eta, String resolution, String message) {
    TemplateFacts s = TemplateFacts.sample(trigger, purpose);
    return new TemplateFacts(s.storeName(), trigger, purpose, s.sku(), s.product(), s.orderId(), s.customerName(),
        s.customerEmail(), s.customerPhone(), eta, s.zone(), s.locale(), s.caseId(), s.reason(), s.supplier(),
        s.poNumber(), purpose.equals("resolution") ? resolution : "", message);
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
