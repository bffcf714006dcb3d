package com.backordergateway.plugins.shopify;

import static com.backordergateway.plugins.shopify.ShopifyPayloads.SECRET;
import static com.backordergateway.plugins.shopify.ShopifyPayloads.WEBHOOK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.BackorderSignal;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifyWebhookSourceTest {

  private final ShopifyWebhookSource source = new ShopifyWebhookSource();
  private final ConnectorSettings settings = settings(Map.of("secret", SECRET));

  // ---- What the source declares --------------------------------------------------------------------

  @Test
  void declaresTheShopifySourceWithASecretAndTheTag() {
    assertThat(source.source()).isEqualTo("shopify");
    assertThat(source.settings()).extracting(SettingSpec::key).containsExactly("secret", "backorder-tag",
        "shop-domain", "access-token", "api-version", "base-url", "location-id");
    assertThat(source.settings().get(0).secret()).isTrue();
    assertThat(source.settings().get(0).format()).isEqualTo(SettingFormat.secret(16));
    assertThat(source.settings().get(0).required()).isTrue();
    assertThat(source.settings().get(1).defaultValue()).isEqualTo("backorder");
    assertThat(settings.toString()).doesNotContain(SECRET);
    assertThatThrownBy(() -> settings(Map.of())).isInstanceOfSatisfying(InvalidSettingsException.class,
        e -> assertThat(e.key()).isEqualTo("secret"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"backorder, vip", "a-tag-that-is-far-too-long-for-shopify-to-keep"})
  void aTagShopifyCannotHaveIsRefusedByTheHostNamingTheKey(String tag) {
    assertThatThrownBy(() -> settings(Map.of("secret", SECRET, "backorder-tag", tag)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("backorder-tag");
          assertThat(e.getMessage()).contains("1 to 40 characters without commas").doesNotContain(tag);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"short-secret", "with a space in it, long enough"})
  void aSecretNoShopifyKeyCouldBeIsRefusedByTheHostWithoutEchoingIt(String secret) {
    assertThatThrownBy(() -> settings(Map.of("secret", secret)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("secret");
          assertThat(e.getMessage()).doesNotContain(secret);
        });
  }

  // ---- A backordered order -------------------------------------------------------------------------

  @Test
  void aTaggedOrderIsABackorderOfItsLinesStillToShip() throws Exception {
    WebhookRequest request = ShopifyPayloads.delivery(ShopifyPayloads.order("vip, Backorder , wholesale"));
    source.verify(request, settings);
    BackorderSignal signal = source.parse(request, settings).orElseThrow();

    assertThat(signal.deliveryId()).isEqualTo(WEBHOOK_ID);
    assertThat(signal.orderName()).as("the name the shop shows").isEqualTo("#1001");
    assertThat(signal.customer()).isEqualTo(new Recipient("5829374619", "Maya Okafor", "maya.okafor@example.com",
        "+13125550147", "en-US", "", "7390218465"));
    assertThat(signal.backorderedSkus()).as("shipped, SKU-less and removed lines are not backordered")
        .containsExactly("ACR-TITANIUM-WHITE", "ACR-ULTRAMARINE");
    assertThat(signal.eta()).isEmpty();
  }

  @Test
  void headersAreMatchedWhateverTheirCase() throws Exception {
    byte[] body = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    Map<String, String> lower = new HashMap<>();
    ShopifyPayloads.headers("orders/updated", body, SECRET).forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    WebhookRequest request = new WebhookRequest(lower, body);
    source.verify(request, settings);
    assertThat(source.parse(request, settings)).hasValueSatisfying(s -> assertThat(s.deliveryId()).isEqualTo(WEBHOOK_ID));
  }

  @Test
  void theConfiguredTagIsTheOneLookedFor() throws Exception {
    ConnectorSettings waitlist = settings(Map.of("secret", SECRET, "backorder-tag", "Awaiting Stock"));
    WebhookRequest tagged = ShopifyPayloads.delivery(ShopifyPayloads.order("awaiting stock"));
    source.verify(tagged, waitlist);
    assertThat(source.parse(tagged, waitlist)).isPresent();

    WebhookRequest defaultTag = ShopifyPayloads.delivery(ShopifyPayloads.order("backorder"));
    source.verify(defaultTag, waitlist);
    assertThat(source.parse(defaultTag, waitlist)).as("the instance looks for its own tag only").isEmpty();
  }

  @Test
  void aCustomerWithoutProtectedDataFallsBackToTheOrdersAddressesAndEmail() throws Exception {
    String order = ShopifyPayloads.edit(ShopifyPayloads.order("backorder"), o -> {
      o.putNull("customer");
      o.put("email", "");
      ObjectNode billing = (ObjectNode) o.get("billing_address");
      billing.putNull("first_name").putNull("last_name").put("name", "M. Okafor").put("phone", "312-555-0147");
      ((ObjectNode) o.get("shipping_address")).put("phone", "+1 312 555 0199");
    });
    WebhookRequest request = ShopifyPayloads.delivery(order);
    source.verify(request, settings);
    Recipient customer = source.parse(request, settings).orElseThrow().customer();
    assertThat(customer.name()).as("the billing address's name").isEqualTo("M. Okafor");
    assertThat(customer.email()).as("contact_email when email is empty").isEqualTo("maya.okafor@example.com");
    assertThat(customer.phone()).as("the shipping phone in E.164").isEqualTo("+13125550199");
    assertThat(customer.customerId()).isEmpty();
    assertThat(customer.orderId()).isEqualTo("5829374619");
  }

  @Test
  void noPhoneInE164MeansNoPhone() throws Exception {
    String order = ShopifyPayloads.edit(ShopifyPayloads.order("backorder"), o -> {
      ((ObjectNode) o.get("customer")).putNull("phone");
      ((ObjectNode) o.get("billing_address")).put("phone", "312-555-0147");
    });
    WebhookRequest request = ShopifyPayloads.delivery(order);
    source.verify(request, settings);
    assertThat(source.parse(request, settings).orElseThrow().customer().phone()).isEmpty();
  }

  @Test
  void theSameSkuOnTwoLinesIsReportedOnce() throws Exception {
    String order = ShopifyPayloads.order("backorder").replace("\"sku\": \"ACR-ULTRAMARINE\"", "\"sku\": \"ACR-TITANIUM-WHITE\"");
    WebhookRequest request = ShopifyPayloads.delivery(order);
    source.verify(request, settings);
    assertThat(source.parse(request, settings).orElseThrow().backorderedSkus()).containsExactly("ACR-TITANIUM-WHITE");
  }

  @Test
  void withoutFulfillableQuantityTheFulfillmentStatusDecides() throws Exception {
    String order = ShopifyPayloads.order("backorder").replaceAll("\"fulfillable_quantity\": [0-9]+, ", "");
    WebhookRequest request = ShopifyPayloads.delivery(order);
    source.verify(request, settings);
    assertThat(source.parse(request, settings).orElseThrow().backorderedSkus())
        .containsExactly("ACR-TITANIUM-WHITE", "ACR-ULTRAMARINE", "ACR-BURNT-SIENNA");
  }

  // ---- Acknowledged, nothing recorded ----------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"", "vip", "backordered", "pre-order, no-backorder"})
  void anOrderWithoutTheTagIsNotABackorder(String tags) throws Exception {
    WebhookRequest request = ShopifyPayloads.delivery(ShopifyPayloads.order(tags));
    source.verify(request, settings);
    assertThat(source.parse(request, settings)).isEmpty();
  }

  @Test
  void aCancelledOrderIsNotABackorder() throws Exception {
    WebhookRequest request = ShopifyPayloads.delivery(ShopifyPayloads.order("backorder")
        .replace("\"cancelled_at\": null", "\"cancelled_at\": \"2026-03-02T03:29:40-06:00\""));
    source.verify(request, settings);
    assertThat(source.parse(request, settings)).isEmpty();
  }

  @Test
  void anOrderWithNothingLeftToShipIsNotABackorder() throws Exception {
    WebhookRequest request = ShopifyPayloads.delivery(ShopifyPayloads.order("backorder")
        .replaceAll("\"fulfillable_quantity\": [0-9]+", "\"fulfillable_quantity\": 0"));
    source.verify(request, settings);
    assertThat(source.parse(request, settings)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders/create", "orders/paid", "orders/fulfilled", "app/uninstalled"})
  void otherTopicsAreAcknowledgedAndIgnored(String topic) throws Exception {
    byte[] body = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = new WebhookRequest(ShopifyPayloads.headers(topic, body, SECRET), body);
    source.verify(request, settings);
    assertThat(source.parse(request, settings)).isEmpty();
  }

  // ---- Signatures ----------------------------------------------------------------------------------

  @Test
  void aTamperedBodyIsRejectedAsUnauthenticated() {
    byte[] signed = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    byte[] tampered = ShopifyPayloads.order("backorder").replace("\"quantity\": 2", "\"quantity\": 20")
        .getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = new WebhookRequest(ShopifyPayloads.headers("orders/updated", signed, SECRET), tampered);
    assertUnauthenticated(request, "does not match");
  }

  @Test
  void aBodyReformattedOnTheWayIsRejected() {
    byte[] signed = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    byte[] reformatted = ShopifyPayloads.order("backorder").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    assertUnauthenticated(new WebhookRequest(ShopifyPayloads.headers("orders/updated", signed, SECRET), reformatted),
        "does not match");
  }

  @Test
  void aSignatureWithAnotherSecretIsRejected() {
    byte[] body = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = new WebhookRequest(
        ShopifyPayloads.headers("orders/updated", body, "another-apps-client-secret"), body);
    assertUnauthenticated(request, "does not match");
  }

  @Test
  void aMissingSignatureIsRejected() {
    byte[] body = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new TreeMap<>(ShopifyPayloads.headers("orders/updated", body, SECRET));
    headers.remove("X-Shopify-Hmac-Sha256");
    assertUnauthenticated(new WebhookRequest(headers, body), "no X-Shopify-Hmac-Sha256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not base64 at all!", "sha256=abc"})
  void anUnreadableSignatureIsRejected(String signature) {
    byte[] body = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new TreeMap<>(ShopifyPayloads.headers("orders/updated", body, SECRET));
    headers.put("X-Shopify-Hmac-Sha256", signature);
    assertThatThrownBy(() -> source.verify(new WebhookRequest(headers, body), settings))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.unauthenticated()).isTrue());
  }

  @Test
  void aHexSignatureIsNotShopifysEncodingAndIsRejected() {
    byte[] body = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new TreeMap<>(ShopifyPayloads.headers("orders/updated", body, SECRET));
    byte[] mac = Base64.getDecoder().decode(headers.get("X-Shopify-Hmac-Sha256"));
    headers.put("X-Shopify-Hmac-Sha256", java.util.HexFormat.of().formatHex(mac));
    assertUnauthenticated(new WebhookRequest(headers, body), "does not match");
  }

  @Test
  void verificationReadsNothingButTheBytes() throws Exception {
    byte[] notJson = "<order/>".getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = new WebhookRequest(ShopifyPayloads.headers("orders/updated", notJson, SECRET), notJson);
    source.verify(request, settings);
    assertThatThrownBy(() -> source.parse(request, settings)).isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
      assertThat(e.unauthenticated()).isFalse();
      assertThat(e.getMessage()).contains("not an order");
    });
  }

  @Test
  void rejectionsNeverCarryTheSecret() {
    byte[] body = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = new WebhookRequest(ShopifyPayloads.headers("orders/updated", body, "wrong"), body);
    assertThatThrownBy(() -> source.verify(request, settings)).satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  // ---- Authentic but not what Shopify sends -----------------------------------------------------------

  @Test
  void aDeliveryWithoutItsWebhookIdIsMalformed() throws Exception {
    byte[] body = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new TreeMap<>(ShopifyPayloads.headers("orders/updated", body, SECRET));
    headers.remove("X-Shopify-Webhook-Id");
    WebhookRequest request = new WebhookRequest(headers, body);
    source.verify(request, settings);
    assertMalformed(request, "X-Shopify-Webhook-Id");
  }

  @Test
  void aDeliveryWithoutTopicIsMalformed() throws Exception {
    byte[] body = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new TreeMap<>(ShopifyPayloads.headers("orders/updated", body, SECRET));
    headers.remove("X-Shopify-Topic");
    WebhookRequest request = new WebhookRequest(headers, body);
    source.verify(request, settings);
    assertMalformed(request, "X-Shopify-Topic");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{\"name\":\"#1001\",\"tags\":\"backorder\"}", "{\"id\":\"not-a-number\"}", "{\"id\":"})
  void aBodyThatIsNotAnOrderIsMalformed(String body) throws Exception {
    WebhookRequest request = ShopifyPayloads.delivery(body);
    source.verify(request, settings);
    assertThatThrownBy(() -> source.parse(request, settings)).isInstanceOfSatisfying(WebhookRejectedException.class,
        e -> assertThat(e.unauthenticated()).isFalse());
  }

  // ---- Helpers -------------------------------------------------------------------------------------

  private void assertUnauthenticated(WebhookRequest request, String why) {
    assertThatThrownBy(() -> source.verify(request, settings)).isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
      assertThat(e.unauthenticated()).isTrue();
      assertThat(e.getMessage()).contains(why);
    });
  }

  private void assertMalformed(WebhookRequest request, String why) {
    assertThatThrownBy(() -> source.parse(request, settings)).isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
      assertThat(e.unauthenticated()).isFalse();
      assertThat(e.getMessage()).contains(why);
    });
  }

  private ConnectorSettings settings(Map<String, String> configured) {
    return ConnectorSettings.of(configured, source.settings());
  }
}
