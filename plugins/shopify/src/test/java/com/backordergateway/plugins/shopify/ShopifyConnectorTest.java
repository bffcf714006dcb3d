package com.backordergateway.plugins.shopify;

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
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifyConnectorTest extends ConnectorContractTest {

  private static final String SHOP = "maple-thread.myshopify.com";
  private static final String ACCESS_TOKEN = "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";
  private static final String GRAPHQL_PATH = "/admin/api/2026-10/graphql.json";
  private static final String ORDER_ID = "5829374619";
  private static final String ORDER_GID = "gid://shopify/Order/5829374619";
  private static final String NOTE_TEXT = "Backorder: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out before this "
      + "order shipped. Restock expected April 14, 2026. Case case_01JSAMPLE.";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new ShopifyConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("shop-domain", SHOP, "base-url", platformUrl.toString(), "access-token", ACCESS_TOKEN);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("access-token", ACCESS_TOKEN);
  }

  @Override
  protected Notification sampleNotification() {
    return notification(Purpose.CUSTOMER_NOTICE, Map.of("order_id", ORDER_ID, "sku", "ACR-TITANIUM-WHITE"), ORDER_ID);
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(FakeResponse.json(200, tagsPayload("tagsAdd")));
  }

  @Override
  protected String expectedExternalId() {
    return ORDER_GID;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(GRAPHQL_PATH);
    assertThat(request.query()).isEmpty();
    assertThat(request.header("X-Shopify-Access-Token")).contains(ACCESS_TOKEN);
    assertThat(request.header("Authorization")).isEmpty();
    assertThat(request.header("Content-Type")).contains("application/json");
    assertThat(request.header("User-Agent")).as("set by the host").contains(TestConnectorContext.DEFAULT_USER_AGENT);
    JsonNode body = request.json();
    assertThat(body.path("query").asText()).contains("tagsAdd(id: $id, tags: $tags)", "userErrors { field message }");
    assertThat(body.path("variables").path("id").asText()).isEqualTo(ORDER_GID);
    assertThat(body.path("variables").path("tags").toString()).isEqualTo("[\"backorder-notified\"]");
  }

  /** Shopify's edge answers a rate-limited app 429 with Retry-After; GraphQL's own THROTTLED is tested below. */
  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.json(429, "{\"errors\":\"Exceeded 2 calls per second for api client. Reduce request rates to "
        + "resume uninterrupted service.\"}").header("Retry-After", retryAfter));
  }

  @Override
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 502, 503, 504);
  }

  @Override
  protected void scriptServerError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.json(status, "{\"errors\":\"Internal Server Error\"}"));
  }

  /** 400 stands for GraphQL's form of a rejected request: HTTP 200 with {@code userErrors}. */
  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 402, 403, 404, 423);
  }

  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.json(status == 400 ? 200 : status, clientErrorBody(status)));
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"data\":{\"tagsAdd\":{\"node\":null,\"userErrors\":[{\"field\":[\"id\"],\"message\":\"Order does not "
          + "exist\"}]}},\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":10,\"throttleStatus\":"
          + "{\"maximumAvailable\":2000.0,\"currentlyAvailable\":1990,\"restoreRate\":100.0}}}}";
      case 401 -> "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}";
      case 402 -> "{\"errors\":\"Unavailable Shop\"}";
      case 403 -> "{\"errors\":\"[API] This action requires merchant approval for write_orders scope.\"}";
      case 404 -> "{\"errors\":\"Not Found\"}";
      case 423 -> "{\"errors\":\"This shop is unavailable\"}";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "Shopify refused tagsAdd: id: Order does not exist";
      case 401 -> "HTTP 401: [API] Invalid API key or access token (unrecognized login or wrong password)";
      case 402 -> "HTTP 402: Unavailable Shop";
      case 403 -> "HTTP 403: [API] This action requires merchant approval for write_orders scope.";
      case 404 -> "HTTP 404: Not Found";
      case 423 -> "HTTP 423: This shop is unavailable";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "shop-domain", "maplethreadcrafts.com",
        "base-url", "http://maple-thread.example.net",
        "access-token", "shpat_4c1f 9e27b8d3",
        "api-version", "2026-02",
        "backorder-tag", "backorder, vip",
        "order-note", "yes");
  }

  // ---- Descriptor and settings ------------------------------------------------------------------

  @Test
  void describesTheShopifyType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("shopify");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(2, 2));
    assertThat(descriptor.capabilities()).containsExactly(Capability.CUSTOMER_AUDIENCE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key)
        .containsExactly("shop-domain", "base-url", "access-token", "api-version", "backorder-tag", "order-note");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("access-token");
    assertThat(descriptor.setting("api-version")).hasValueSatisfying(s -> assertThat(s.defaultValue()).isEqualTo("2026-10"));
    assertThat(descriptor.setting("backorder-tag"))
        .hasValueSatisfying(s -> assertThat(s.defaultValue()).isEqualTo("backorder-notified"));
    assertThat(descriptor.setting("order-note")).hasValueSatisfying(s -> assertThat(s.defaultValue()).isEqualTo("false"));
    assertThat(descriptor.settings()).extracting(s -> s.format().typeName())
        .containsExactly("pattern", "url", "secret", "pattern", "pattern", "boolean");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "shop-domain|maple-thread.com|myshopify.com domain",
      "shop-domain|https://maple-thread.myshopify.com|myshopify.com domain",
      "api-version|2026-11|first month of a quarter",
      "backorder-tag|a-tag-that-is-far-too-long-for-shopify-to-keep|1 to 40 characters",
      "access-token|shpat_4c1f 9e27b8d3|spaces"})
  void theHostRefusesAValueOfTheWrongFormatNamingTheKey(String key, String value, String why) {
    assertThatThrownBy(() -> settings(with(key, value))).isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
      assertThat(e.key()).isEqualTo(key);
      assertThat(e.getMessage()).contains(why).doesNotContain(value);
    });
  }

  @Test
  void theApiIsTheShopsOwnDomainUnlessABaseUrlIsSet() {
    ShopifySettings demo = ShopifySettings.from(settings(Map.of("shop-domain", "Demo-Store.myshopify.com",
        "access-token", "demo-not-a-real-token")));
    assertThat(demo.graphqlUrl()).isEqualTo(URI.create("https://demo-store.myshopify.com/admin/api/2026-10/graphql.json"));
    assertThat(demo.toString()).doesNotContain("demo-not-a-real-token").contains("access-token=****");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8443", "http://127.0.0.1:9000/shopify"})
  void plainHttpIsAcceptedForLocalhostOnly(String url) {
    assertThat(ShopifySettings.from(settings(with("base-url", url))).baseUrl().getScheme()).isEqualTo("http");
  }

  @Test
  void settingsAndSessionPrintWithoutTheToken() {
    assertThat(ShopifySettings.from(settings(validSettings(platform.url()))).toString())
        .contains(SHOP, "access-token=****").doesNotContain(ACCESS_TOKEN);
    assertThat(openSession().toString()).contains("test-instance", SHOP, "2026-10").doesNotContain(ACCESS_TOKEN);
  }

  // ---- What Shopify gets ------------------------------------------------------------------------

  @Test
  void anEtaCorrectionAddsTheTagToo() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(notification(Purpose.ETA_CORRECTION, Map.of("order_id", ORDER_ID), ORDER_ID));
    assertThat(platform.onlyRequest().json().path("query").asText()).contains("tagsAdd(");
  }

  @Test
  void aResolutionRemovesTheTagAndOnlyThatTag() throws Exception {
    platform.enqueue(FakeResponse.json(200, tagsPayload("tagsRemove")));
    DeliveryReceipt receipt = openSession(with("backorder-tag", "Awaiting Stock"))
        .deliver(notification(Purpose.RESOLUTION, Map.of("order_id", ORDER_ID), ORDER_ID));
    JsonNode body = platform.onlyRequest().json();
    assertThat(body.path("query").asText()).contains("tagsRemove(id: $id, tags: $tags)").doesNotContain("tagsAdd");
    assertThat(body.path("variables").path("tags").toString()).isEqualTo("[\"Awaiting Stock\"]");
    assertThat(receipt).isEqualTo(new DeliveryReceipt(ORDER_GID, ""));
  }

  @Test
  void theOrderComesFromTheRecipientWhenTheFactIsEmpty() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(notification(Purpose.CUSTOMER_NOTICE, Map.of("order_id", ""), ORDER_ID));
    assertThat(platform.onlyRequest().json().path("variables").path("id").asText()).isEqualTo(ORDER_GID);
  }

  @Test
  void aGlobalIdIsAcceptedAsIs() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(notification(Purpose.CUSTOMER_NOTICE, Map.of("order_id", ORDER_GID), ""));
    assertThat(platform.onlyRequest().json().path("variables").path("id").asText()).isEqualTo(ORDER_GID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"#1001", "ORD-5001", "gid://shopify/Customer/7390218465", "0"})
  void anOrderIdShopifyDoesNotKnowIsPermanentAndNoRequest(String orderId) {
    assertThatThrownBy(() -> openSession().deliver(notification(Purpose.CUSTOMER_NOTICE, Map.of("order_id", orderId), "")))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("not a Shopify order id")
        .hasMessageContaining("numeric id");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void aNotificationWithoutAnOrderIsPermanent() {
    assertThatThrownBy(() -> openSession().deliver(notification(Purpose.CUSTOMER_NOTICE, Map.of(), "")))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("names no order");
    assertThat(platform.requestCount()).isZero();
  }

  // ---- The order note -----------------------------------------------------------------------------

  @Test
  void withOrderNoteTheTextIsAppendedToTheNoteReadFirst() throws Exception {
    scriptSuccess(platform);
    platform.enqueue(FakeResponse.json(200, notePayload("\"Gift wrap please\"")),
        FakeResponse.json(200, orderUpdatePayload()));
    DeliveryReceipt receipt = openSession(with("order-note", "true")).deliver(sampleNotification());

    assertThat(receipt.externalId()).isEqualTo(ORDER_GID);
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).hasSize(3);
    assertThat(requests.get(1).json().path("query").asText()).contains("order(id: $id) { id note }");
    assertThat(requests.get(1).json().path("variables").path("id").asText()).isEqualTo(ORDER_GID);
    JsonNode update = requests.get(2).json();
    assertThat(update.path("query").asText()).contains("orderUpdate(input: $input)");
    assertThat(update.path("variables").path("input").path("id").asText()).isEqualTo(ORDER_GID);
    assertThat(update.path("variables").path("input").path("note").asText()).isEqualTo("Gift wrap please\n" + NOTE_TEXT);
    assertThat(update.path("variables").path("input").size()).as("nothing but id and note is changed").isEqualTo(2);
    requests.forEach(r -> assertThat(r.header("X-Shopify-Access-Token")).contains(ACCESS_TOKEN));
  }

  @Test
  void anEmptyNoteBecomesTheText() throws Exception {
    scriptSuccess(platform);
    platform.enqueue(FakeResponse.json(200, notePayload("null")), FakeResponse.json(200, orderUpdatePayload()));
    openSession(with("order-note", "true")).deliver(sampleNotification());
    assertThat(platform.lastRequest().json().path("variables").path("input").path("note").asText()).isEqualTo(NOTE_TEXT);
  }

  @Test
  void aNoteThatAlreadyHasTheTextIsLeftAlone() throws Exception {
    scriptSuccess(platform);
    platform.enqueue(FakeResponse.json(200, notePayload("\"Gift wrap please\\n" + NOTE_TEXT + "\"")));
    openSession(with("order-note", "true")).deliver(sampleNotification());
    assertThat(platform.requestCount()).as("a retry after a lost answer writes no second copy").isEqualTo(2);
  }

  @Test
  void aNoteForAnOrderThatIsGoneIsPermanent() {
    scriptSuccess(platform);
    platform.enqueue(FakeResponse.json(200, "{\"data\":{\"order\":null}}"));
    assertThatThrownBy(() -> openSession(with("order-note", "true")).deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("no order " + ORDER_GID);
  }

  @Test
  void aNoteShopifyRefusesIsPermanentWithItsMessage() {
    scriptSuccess(platform);
    platform.enqueue(FakeResponse.json(200, notePayload("\"\"")), FakeResponse.json(200,
        "{\"data\":{\"orderUpdate\":{\"order\":null,\"userErrors\":[{\"field\":[\"note\"],\"message\":\"Note is too long "
            + "(maximum is 5000 characters)\"}]}}}"));
    assertThatThrownBy(() -> openSession(with("order-note", "true")).deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("Shopify refused orderUpdate: note: Note is too long (maximum is 5000 characters)");
  }

  @Test
  void anEmptyRenderedNoteLeavesTheNoteAsItWas() throws Exception {
    scriptSuccess(platform);
    Notification blank = new Notification("dlv-blank", Trigger.STOCK_DEPLETED, Purpose.CUSTOMER_NOTICE,
        Audience.CUSTOMER, recipient(ORDER_ID), new Message("", "  \n"), Map.of("order_id", ORDER_ID), Optional.empty());
    openSession(with("order-note", "true")).deliver(blank);
    assertThat(platform.requestCount()).isEqualTo(1);
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("dlv-blank", "note is empty"));
  }

  @Test
  void twoNotesForOneOrderTakeTurnsSoNeitherOverwritesTheOther() throws Exception {
    String anyAnswer = "{\"data\":{\"tagsAdd\":{\"node\":{\"id\":\"" + ORDER_GID + "\"},\"userErrors\":[]},"
        + "\"order\":{\"id\":\"" + ORDER_GID + "\",\"note\":\"\"},"
        + "\"orderUpdate\":{\"order\":{\"id\":\"" + ORDER_GID + "\"},\"userErrors\":[]}}}";
    for (int i = 0; i < 6; i++) {
      platform.enqueue(FakeResponse.json(200, anyAnswer).delayedBy(Duration.ofMillis(150)));
    }
    ConnectorSession session = openSession(with("order-note", "true"));
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      Future<DeliveryReceipt> first = two.submit(() -> session.deliver(sampleNotification()));
      Future<DeliveryReceipt> second = two.submit(() -> session.deliver(notification(Purpose.CUSTOMER_NOTICE,
          Map.of("order_id", ORDER_ID, "sku", "ACR-ULTRAMARINE"), ORDER_ID, "Backorder: Ultramarine (ACR-ULTRAMARINE).")));
      first.get();
      second.get();
    } finally {
      two.shutdownNow();
    }
    List<String> noteCalls = platform.requests().stream().map(r -> r.json().path("query").asText())
        .filter(q -> !q.contains("tagsAdd")).map(q -> q.contains("orderUpdate") ? "write" : "read").toList();
    assertThat(noteCalls).containsExactly("read", "write", "read", "write");
  }

  // ---- Shopify's answers --------------------------------------------------------------------------

  @Test
  void graphqlThrottlingIsRetryableAfterTheBucketRefills() {
    platform.enqueue(FakeResponse.json(200, "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\","
        + "\"documentation\":\"https://shopify.dev/api/usage/rate-limits\"}}],\"extensions\":{\"cost\":{\"requestedQueryCost\""
        + ":10,\"actualQueryCost\":null,\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":2,"
        + "\"restoreRate\":100.0}}}}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> {
          assertThat(e.retryAfter()).as("8 points missing at 100 points/s").contains(Duration.ofMillis(80));
          assertThat(e.getMessage()).contains("THROTTLED: Throttled");
        });
  }

  @Test
  void graphqlThrottlingWithoutCostIsRetryableWithoutAWait() {
    platform.enqueue(FakeResponse.json(200, "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}]}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> assertThat(e.retryAfter()).isEmpty());
  }

  @Test
  void aGraphqlInternalErrorIsRetryable() {
    platform.enqueue(FakeResponse.json(200, "{\"errors\":[{\"message\":\"Internal error. Looks like something went wrong on "
        + "our end.\",\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\",\"requestId\":\"a1b2c3d4-0000\"}}]}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(RetryableDeliveryException.class).hasMessageContaining("INTERNAL_SERVER_ERROR");
  }

  @Test
  void aMissingScopeIsPermanent() {
    platform.enqueue(FakeResponse.json(200, "{\"errors\":[{\"message\":\"Access denied for tagsAdd field. Required access: "
        + "`write_orders` access scope.\",\"locations\":[{\"line\":1,\"column\":61}],\"path\":[\"tagsAdd\"],\"extensions\":"
        + "{\"code\":\"ACCESS_DENIED\",\"documentation\":\"https://shopify.dev/api/usage/access-scopes\"}}],\"data\":"
        + "{\"tagsAdd\":null}}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("ACCESS_DENIED: Access denied for tagsAdd field. Required access: `write_orders`");
  }

  @Test
  void everyUserErrorIsReported() {
    platform.enqueue(FakeResponse.json(200, "{\"data\":{\"tagsAdd\":{\"node\":null,\"userErrors\":[{\"field\":[\"tags\",\"0\"],"
        + "\"message\":\"Tag is too long\"},{\"field\":null,\"message\":\"Order is archived\"}]}}}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("tags.0: Tag is too long; Order is archived");
  }

  @Test
  void successWithoutTheOrderIsPermanent() {
    platform.enqueue(FakeResponse.json(200, "{\"data\":{\"tagsAdd\":{\"node\":null,\"userErrors\":[]}}}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("neither the order nor an error");
  }

  @Test
  void retryAfterInShopifysDecimalSecondsIsHonoured() {
    scriptRateLimit(platform, "2.0");
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
          assertThat(e.getMessage()).contains("HTTP 429: Exceeded 2 calls per second");
        });
  }

  @Test
  void anAnswerThatIsNotGraphqlIsRetryableSinceTaggingIsIdempotent() {
    platform.enqueue(FakeResponse.status(200).header("Content-Type", "text/html").body("<html>Maintenance</html>"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(RetryableDeliveryException.class).hasMessageContaining("<html>Maintenance</html>");
  }

  @Test
  void aRedirectIsPermanentAndSaysWhere() {
    platform.enqueue(FakeResponse.status(301).header("Location", "https://shop.maplethread.com/admin/api/2026-10/graphql.json"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP 301: redirecting to https://shop.maplethread.com")
        .hasMessageContaining("myshopify.com");
  }

  @Test
  void logsTheStoreButNeitherTokenNorCustomer() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains(SHOP, "2026-10", "backorder-notified"));
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("dlv-shopify-1", "HTTP 200"));
    assertThat(context.loggedLines()).noneSatisfy(line -> assertThat(line).contains("maya@example.com"));
  }

  // ---- Helpers ------------------------------------------------------------------------------------

  static Notification notification(Purpose purpose, Map<String, String> facts, String recipientOrderId) {
    return notification(purpose, facts, recipientOrderId, NOTE_TEXT);
  }

  static Notification notification(Purpose purpose, Map<String, String> facts, String recipientOrderId, String body) {
    return new Notification("dlv-shopify-1", Trigger.STOCK_DEPLETED, purpose, Audience.CUSTOMER,
        recipient(recipientOrderId), new Message("", body), facts, Optional.empty());
  }

  private static Recipient recipient(String orderId) {
    return new Recipient(orderId, "Maya Okafor", "maya@example.com", "+13125550147", "en-US", "", "7390218465");
  }

  static String tagsPayload(String field) {
    return "{\"data\":{\"" + field + "\":{\"node\":{\"id\":\"" + ORDER_GID + "\"},\"userErrors\":[]}},\"extensions\":"
        + "{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":10,\"throttleStatus\":{\"maximumAvailable\":2000.0,"
        + "\"currentlyAvailable\":1990,\"restoreRate\":100.0}}}}";
  }

  private static String notePayload(String noteJson) {
    return "{\"data\":{\"order\":{\"id\":\"" + ORDER_GID + "\",\"note\":" + noteJson + "}},\"extensions\":{\"cost\":"
        + "{\"requestedQueryCost\":1,\"actualQueryCost\":1,\"throttleStatus\":{\"maximumAvailable\":2000.0,"
        + "\"currentlyAvailable\":1999,\"restoreRate\":100.0}}}}";
  }

  private static String orderUpdatePayload() {
    return "{\"data\":{\"orderUpdate\":{\"order\":{\"id\":\"" + ORDER_GID + "\"},\"userErrors\":[]}}}";
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
