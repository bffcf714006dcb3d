package com.backordergateway.plugins.woocommerce;

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
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class WooCommerceConnectorTest extends ConnectorContractTest {

  private static final String CONSUMER_KEY = "ck_5e0b7c2d9a4f16e83b7d0c5a9f2e4b61d8c3a7f0";
  private static final String CONSUMER_SECRET = "cs_a93f1d7e05c2b8e64f0a1d9c3b7e52f8a6d4c0e1";
  private static final String ORDER_PATH = "/wp-json/wc/v3/orders/4127";
  private static final String NOTES_PATH = "/wp-json/wc/v3/orders/4127/notes";
  private static final String NOTE = "We're sorry: Titanium White Acrylic 120 ml sold out before we could pack it for your "
      + "order 4127, so it is now on backorder.";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new WooCommerceConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "consumer-key", CONSUMER_KEY, "consumer-secret", CONSUMER_SECRET);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("consumer-key", CONSUMER_KEY, "consumer-secret", CONSUMER_SECRET);
  }

  @Override
  protected Notification sampleNotification() {
    return notification(Purpose.CUSTOMER_NOTICE, Map.of("order_id", "4127", "sku", "ACR-TITANIUM-WHITE"), "4127");
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    scriptPreamble(fake);
    fake.enqueue(FakeResponse.json(201, noteResource(281)));
  }

  /** A customer notice first puts the order on hold; the contract's failures then hit the note. */
  @Override
  protected void scriptPreamble(FakePlatform fake) {
    fake.enqueue(FakeResponse.json(200, WooPayloads.ORDER));
  }

  @Override
  protected String expectedExternalId() {
    return "281";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(NOTES_PATH);
    assertThat(request.query()).as("keys go in the Authorization header, not the URL").isEmpty();
    assertAuthenticated(request);
    JsonNode body = request.json();
    assertThat(body.size()).isEqualTo(2);
    assertThat(body.path("note").asText()).isEqualTo(NOTE);
    assertThat(body.path("customer_note").isBoolean()).isTrue();
    assertThat(body.path("customer_note").asBoolean()).isTrue();
  }

  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.status(429).header("Retry-After", retryAfter).header("Content-Type", "text/html")
        .body("<html><head><title>429 Too Many Requests</title></head><body>Rate limited</body></html>"));
  }

  @Override
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 502, 503, 504);
  }

  @Override
  protected void scriptServerError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.json(status, "{\"code\":\"internal_server_error\",\"message\":\"<p>There has been a critical "
        + "error on this website.</p>\",\"data\":{\"status\":500},\"additional_errors\":[]}"));
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404);
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"code\":\"rest_invalid_param\",\"message\":\"Invalid parameter(s): customer_note\",\"data\":{\"status\""
          + ":400,\"params\":{\"customer_note\":\"customer_note is not of type boolean.\"},\"details\":{\"customer_note\":"
          + "{\"code\":\"rest_invalid_type\",\"message\":\"customer_note is not of type boolean.\",\"data\":{\"param\":"
          + "\"customer_note\"}}}}}";
      case 401 -> "{\"code\":\"woocommerce_rest_cannot_create\",\"message\":\"Sorry, you are not allowed to create "
          + "resources.\",\"data\":{\"status\":401}}";
      case 403 -> "{\"code\":\"rest_forbidden\",\"message\":\"Sorry, you are not allowed to do that.\",\"data\":{\"status\":403}}";
      case 404 -> "{\"code\":\"woocommerce_rest_shop_order_invalid_id\",\"message\":\"Invalid ID.\",\"data\":{\"status\":404}}";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "HTTP 400: rest_invalid_param: Invalid parameter(s): customer_note "
          + "(customer_note: customer_note is not of type boolean.)";
      case 401 -> "HTTP 401: woocommerce_rest_cannot_create: Sorry, you are not allowed to create resources.";
      case 403 -> "HTTP 403: rest_forbidden: Sorry, you are not allowed to do that.";
      case 404 -> "HTTP 404: woocommerce_rest_shop_order_invalid_id: Invalid ID.";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "base-url", "http://shop.maplethread.example",
        "consumer-key", "cs_5e0b7c2d9a4f16e83b7d",
        "consumer-secret", "cs_a93f1d7e 05c2b8e64f0a");
  }

  // ---- Descriptor and settings ------------------------------------------------------------------

  @Test
  void describesTheWooCommerceType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("woocommerce");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(2, 2));
    assertThat(descriptor.capabilities()).containsExactly(Capability.CUSTOMER_AUDIENCE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key)
        .containsExactly("base-url", "consumer-key", "consumer-secret");
    assertThat(descriptor.settings()).allSatisfy(s -> assertThat(s.required()).isTrue());
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("consumer-key", "consumer-secret");
    assertThat(descriptor.settings()).extracting(s -> s.format().typeName()).containsExactly("url", "secret", "secret");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "base-url|shop.maplethread.example|absolute http(s) URL",
      "base-url|https://ck_5e0b:cs_a93f@shop.maplethread.example|user:password@",
      "consumer-secret|cs_a93f1d7e 05c2b8e64f0a|spaces"})
  void theHostRefusesAValueOfTheWrongFormatNamingTheKey(String key, String value, String why) {
    assertThatThrownBy(() -> settings(with(key, value))).isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
      assertThat(e.key()).isEqualTo(key);
      assertThat(e.getMessage()).contains(why).doesNotContain(value);
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "consumer-key|cs_5e0b7c2d9a4f16e83b7d|ck_",
      "consumer-secret|ck_a93f1d7e05c2b8e64f0a|cs_",
      "consumer-key|ck_5e0b:7c2d9a4f16e83b7d|colon"})
  void openRefusesKeysWooCommerceDidNotIssue(String key, String value, String why) {
    assertThatThrownBy(() -> openSession(with(key, value))).isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
      assertThat(e.key()).isEqualTo(key);
      assertThat(e.getMessage()).contains(why).doesNotContain(value);
    });
  }

  @Test
  void theDemoConfigsPlaceholdersAreAccepted() {
    WooCommerceSettings demo = WooCommerceSettings.from(settings(Map.of("base-url", "https://shop.example.com/",
        "consumer-key", "ck_demo-not-a-real-key", "consumer-secret", "cs_demo-not-a-real-secret")));
    assertThat(demo.notesUrl("4127")).isEqualTo(URI.create("https://shop.example.com/wp-json/wc/v3/orders/4127/notes"));
    assertThat(demo.toString()).doesNotContain("demo-not-a-real").contains("consumer-key=****", "consumer-secret=****");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1/shop"})
  void plainHttpIsAcceptedForLocalhostOnly(String url) {
    assertThat(WooCommerceSettings.from(settings(with("base-url", url))).baseUrl().getScheme()).isEqualTo("http");
  }

  @Test
  void aBaseUrlWithAQueryIsRefused() {
    assertThatThrownBy(() -> openSession(with("base-url", "https://shop.example.com/?rest_route=/")))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("base-url"));
  }

  @Test
  void settingsAndSessionPrintWithoutTheKeys() {
    assertThat(WooCommerceSettings.from(settings(validSettings(platform.url()))).toString())
        .doesNotContain(CONSUMER_KEY, CONSUMER_SECRET);
    assertThat(openSession().toString()).contains("test-instance", "127.0.0.1").doesNotContain(CONSUMER_KEY, CONSUMER_SECRET);
  }

  // ---- What WooCommerce gets --------------------------------------------------------------------

  @Test
  void aCustomerNoticePutsTheOrderOnHoldThenAddsTheCustomerNote() throws Exception {
    scriptSuccess(platform);
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());

    assertThat(receipt).isEqualTo(new DeliveryReceipt("281", ""));
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).hasSize(2);
    RecordedRequest hold = requests.get(0);
    assertThat(hold.method()).isEqualTo("PUT");
    assertThat(hold.path()).isEqualTo(ORDER_PATH);
    assertAuthenticated(hold);
    assertThat(hold.json().toString()).isEqualTo("{\"status\":\"on-hold\"}");
    assertThat(requests.get(1).path()).isEqualTo(NOTES_PATH);
  }

  @ParameterizedTest
  @EnumSource(value = Purpose.class, names = {"ETA_CORRECTION", "RESOLUTION"})
  void followUpsOnlyAddTheNote(Purpose purpose) throws Exception {
    platform.enqueue(FakeResponse.json(201, noteResource(282)));
    DeliveryReceipt receipt = openSession().deliver(notification(purpose, Map.of("order_id", "4127"), "4127"));
    assertThat(receipt.externalId()).isEqualTo("282");
    RecordedRequest only = platform.onlyRequest();
    assertThat(only.method()).isEqualTo("POST");
    assertThat(only.path()).isEqualTo(NOTES_PATH);
    assertThat(only.json().path("customer_note").asBoolean()).isTrue();
  }

  @Test
  void theOrderComesFromTheRecipientWhenTheFactIsEmpty() throws Exception {
    platform.enqueue(FakeResponse.json(201, noteResource(283)));
    openSession().deliver(notification(Purpose.ETA_CORRECTION, Map.of("order_id", ""), "4127"));
    assertThat(platform.onlyRequest().path()).isEqualTo(NOTES_PATH);
  }

  @Test
  void aStoreInASubfolderIsAddressedThere() throws Exception {
    platform.enqueue(FakeResponse.json(201, noteResource(284)));
    openSession(with("base-url", platform.url() + "/shop/")).deliver(notification(Purpose.RESOLUTION,
        Map.of("order_id", "4127"), "4127"));
    assertThat(platform.onlyRequest().path()).isEqualTo("/shop" + NOTES_PATH);
  }

  @Test
  void theNoteKeepsItsParagraphsAndNonAsciiText() throws Exception {
    platform.enqueue(FakeResponse.json(201, noteResource(285)));
    String text = "Nous sommes désolés : « Blanc de titane » arrive le 14 avril.\n\nMerci de votre patience — L’Atelier";
    openSession().deliver(notification(Purpose.ETA_CORRECTION, Map.of("order_id", "4127"), "4127", "\n" + text + "\n\n"));
    assertThat(platform.onlyRequest().json().path("note").asText()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"#4127", "ORD-5001", "0", "41.27"})
  void anOrderIdWooCommerceDoesNotKnowIsPermanentAndNoRequest(String orderId) {
    assertThatThrownBy(() -> openSession().deliver(notification(Purpose.CUSTOMER_NOTICE, Map.of("order_id", orderId), "")))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("not a WooCommerce order id");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void anEmptyNoteIsPermanentAndNoRequest() {
    assertThatThrownBy(() -> openSession().deliver(notification(Purpose.CUSTOMER_NOTICE, Map.of("order_id", "4127"),
        "4127", " \n ")))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("note for delivery dlv-woo-1 is empty");
    assertThat(platform.requestCount()).isZero();
  }

  // ---- WooCommerce's answers ----------------------------------------------------------------------

  @Test
  void anUnknownOrderStopsBeforeAnyNote() {
    platform.enqueue(FakeResponse.json(404, clientErrorBody(404)));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("WooCommerce (putting the order on hold) answered HTTP 404: "
            + "woocommerce_rest_shop_order_invalid_id: Invalid ID.");
    assertThat(platform.requestCount()).isEqualTo(1);
  }

  @Test
  void aServerErrorOnTheHoldIsRetryableAndNoNoteIsSent() {
    platform.enqueue(FakeResponse.status(503).header("Retry-After", "120").body("Service Unavailable"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class,
            e -> assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(120)));
    assertThat(platform.requestCount()).isEqualTo(1);
  }

  @Test
  void readOnlyKeysArePermanentWithWooCommercesWords() {
    platform.enqueue(FakeResponse.json(401, "{\"code\":\"woocommerce_rest_cannot_edit\",\"message\":\"Sorry, you are not "
        + "allowed to edit this resource.\",\"data\":{\"status\":401}}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("woocommerce_rest_cannot_edit: Sorry, you are not allowed to edit this resource.");
  }

  @Test
  void aPageInsteadOfTheRestApiIsPermanentWithAHint() {
    platform.enqueue(FakeResponse.status(200).header("Content-Type", "text/html; charset=UTF-8")
        .body("<!DOCTYPE html><html><head><title>Maple &amp; Thread Crafts</title></head><body>Shop</body></html>"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("not the REST API's JSON")
        .hasMessageContaining("pretty permalinks");
  }

  @Test
  void aRedirectIsPermanentAndSaysWhere() {
    platform.enqueue(FakeResponse.status(301).header("Location", "https://www.maplethread.example/wp-json/wc/v3/orders/4127"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP 301: redirecting to https://www.maplethread.example/wp-json/wc/v3/orders/4127");
  }

  @Test
  void logsTheStoreButNeitherKeysNorCustomer() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("127.0.0.1"));
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("dlv-woo-1", "PUT", ORDER_PATH, "HTTP 200"));
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("dlv-woo-1", NOTES_PATH, "HTTP 201"));
    assertThat(context.loggedLines()).noneSatisfy(line -> assertThat(line).contains("maya@example.com"));
  }

  // ---- Helpers --------------------------------------------------------------------------------------

  private static void assertAuthenticated(RecordedRequest request) {
    assertThat(request.header("Authorization")).contains("Basic " + Base64.getEncoder()
        .encodeToString((CONSUMER_KEY + ":" + CONSUMER_SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("Content-Type")).contains("application/json");
    assertThat(request.header("Accept")).contains("application/json");
    assertThat(request.header("User-Agent")).as("set by the host").contains(TestConnectorContext.DEFAULT_USER_AGENT);
  }

  private static Notification notification(Purpose purpose, Map<String, String> facts, String recipientOrderId) {
    return notification(purpose, facts, recipientOrderId, NOTE);
  }

  private static Notification notification(Purpose purpose, Map<String, String> facts, String recipientOrderId,
      String body) {
    return new Notification("dlv-woo-1", Trigger.STOCK_DEPLETED, purpose, Audience.CUSTOMER,
        new Recipient(recipientOrderId, "Maya Okafor", "maya@example.com", "+13125550147", "", "", "218"),
        new Message("", body), facts, Optional.empty());
  }

  static String noteResource(int id) {
    return "{\"id\":" + id + ",\"author\":\"WooCommerce\",\"date_created\":\"2026-03-02T03:30:00\",\"date_created_gmt\":"
        + "\"2026-03-02T09:30:00\",\"note\":\"" + NOTE.replace("'", "\\u0027") + "\",\"customer_note\":true,"
        + "\"_links\":{\"self\":[{\"href\":\"https://shop.example.com/wp-json/wc/v3/orders/4127/notes/" + id + "\"}],"
        + "\"collection\":[{\"href\":\"https://shop.example.com/wp-json/wc/v3/orders/4127/notes\"}],\"up\":[{\"href\":"
        + "\"https://shop.example.com/wp-json/wc/v3/orders/4127\"}]}}";
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
