package com.backordergateway.plugins.woocommerce;

import static com.backordergateway.plugins.woocommerce.WooPayloads.DELIVERY_ID;
import static com.backordergateway.plugins.woocommerce.WooPayloads.SECRET;
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
import com.backordergateway.connector.api.WebhookSignatures;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WooCommerceWebhookSourceTest {

  private final WooCommerceWebhookSource source = new WooCommerceWebhookSource();
  private final ConnectorSettings settings = settings(Map.of("secret", SECRET));

  // ---- What the source declares --------------------------------------------------------------------

  @Test
  void declaresTheWooCommerceSourceWithASecret() {
    assertThat(source.source()).isEqualTo("woocommerce");
    assertThat(source.settings()).extracting(SettingSpec::key)
        .containsExactly("secret", "backordered-meta-key", "order-statuses");
    assertThat(source.settings().get(0).secret()).isTrue();
    assertThat(source.settings().get(0).format()).as("owners type it, spaces included").isEqualTo(SettingFormat.text());
    assertThat(source.settings().get(0).required()).isTrue();
    assertThat(source.settings().get(1).defaultValue()).isEqualTo("Backordered");
    assertThat(source.settings().get(2).defaultValue()).isEqualTo("on-hold");
    assertThat(settings.toString()).doesNotContain(SECRET);
    assertThatThrownBy(() -> settings(Map.of())).isInstanceOfSatisfying(InvalidSettingsException.class,
        e -> assertThat(e.key()).isEqualTo("secret"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"on hold", "processing;on-hold", "on-hold, a-status-slug-far-too-long"})
  void statusesThatAreNotSlugsAreRefusedByTheHostNamingTheKey(String statuses) {
    assertThatThrownBy(() -> settings(Map.of("secret", SECRET, "order-statuses", statuses)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("order-statuses");
          assertThat(e.getMessage()).contains("order status slug");
        });
  }

  @Test
  void aSecretTheOwnerTypedWithSpacesVerifies() throws Exception {
    String typed = "maple and thread 2026";
    byte[] body = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = new WebhookRequest(WooPayloads.headers("order.updated", body, typed), body);
    source.verify(request, settings(Map.of("secret", typed)));
    assertThat(settings(Map.of("secret", typed)).toString()).doesNotContain(typed);
  }

  @Test
  void aListWithoutAnyStatusIsRefusedNamingTheKey() {
    WebhookRequest request = WooPayloads.delivery(WooPayloads.ORDER);
    ConnectorSettings none = settings(Map.of("secret", SECRET, "order-statuses", ", ,"));
    assertThatThrownBy(() -> source.verify(request, none))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("order-statuses"));
  }

  // ---- A backordered order -------------------------------------------------------------------------

  @Test
  void anOnHoldOrderWithBackorderedLinesIsABackorderOfTheirSkus() throws Exception {
    WebhookRequest request = WooPayloads.delivery(WooPayloads.ORDER);
    source.verify(request, settings);
    BackorderSignal signal = source.parse(request, settings).orElseThrow();

    assertThat(signal.deliveryId()).isEqualTo(DELIVERY_ID + ":4127");
    assertThat(signal.orderName()).as("the order number the shop shows").isEqualTo("#4127");
    assertThat(signal.customer()).isEqualTo(new Recipient("4127", "Maya Okafor", "maya.okafor@example.com",
        "+13125550147", "", "", "218"));
    assertThat(signal.backorderedSkus()).as("the in-stock line and the SKU-less line are not reported")
        .containsExactly("ACR-TITANIUM-WHITE");
    assertThat(signal.eta()).isEmpty();
  }

  @Test
  void deliveriesOfOneSecondForDifferentOrdersStayDistinct() throws Exception {
    WebhookRequest first = WooPayloads.delivery(WooPayloads.ORDER);
    WebhookRequest second = WooPayloads.delivery(WooPayloads.order(o -> o.put("id", 4128).put("number", "4128")));
    source.verify(first, settings);
    source.verify(second, settings);
    assertThat(source.parse(first, settings).orElseThrow().deliveryId())
        .isNotEqualTo(source.parse(second, settings).orElseThrow().deliveryId());
  }

  @Test
  void aGuestOrderHasNoCustomerIdAndANameFromShipping() throws Exception {
    String order = WooPayloads.order(o -> {
      o.put("customer_id", 0);
      ((ObjectNode) o.get("billing")).put("first_name", "").put("last_name", "").put("phone", "312 555 0147");
      ((ObjectNode) o.get("shipping")).put("first_name", "Sam").put("last_name", "Okafor").put("phone", "+44 20 7183 8750");
    });
    WebhookRequest request = WooPayloads.delivery(order);
    source.verify(request, settings);
    Recipient customer = source.parse(request, settings).orElseThrow().customer();
    assertThat(customer.customerId()).isEmpty();
    assertThat(customer.name()).isEqualTo("Sam Okafor");
    assertThat(customer.phone()).as("billing has no country code, shipping is E.164").isEqualTo("+442071838750");
    assertThat(customer.email()).isEqualTo("maya.okafor@example.com");
  }

  @Test
  void aTranslatedMetaKeyAndOtherStatusesAreConfigurable() throws Exception {
    String order = WooPayloads.order(o -> {
      o.put("status", "processing");
      ObjectNode meta = (ObjectNode) o.get("line_items").get(0).get("meta_data").get(1);
      meta.put("key", "En rupture de stock").put("display_key", "En rupture de stock");
    });
    ConnectorSettings french = settings(Map.of("secret", SECRET, "backordered-meta-key", "En rupture de stock",
        "order-statuses", "on-hold, wc-processing"));
    WebhookRequest request = WooPayloads.delivery(order);
    source.verify(request, french);
    assertThat(source.parse(request, french).orElseThrow().backorderedSkus()).containsExactly("ACR-TITANIUM-WHITE");

    WebhookRequest english = WooPayloads.delivery(order);
    source.verify(english, settings);
    assertThat(source.parse(english, settings)).as("processing is not a backorder status by default").isEmpty();
  }

  // ---- Acknowledged, nothing recorded ----------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"processing", "completed", "pending", "cancelled", "refunded"})
  void anOrderInAnotherStatusIsNotABackorder(String status) throws Exception {
    WebhookRequest request = WooPayloads.delivery(WooPayloads.order(o -> o.put("status", status)));
    source.verify(request, settings);
    assertThat(source.parse(request, settings)).isEmpty();
  }

  @Test
  void anOnHoldOrderWithoutBackorderedLinesIsNotABackorder() throws Exception {
    String order = WooPayloads.order(o -> o.get("line_items").forEach(item -> ((ArrayNode) item.get("meta_data"))
        .removeAll()));
    WebhookRequest request = WooPayloads.delivery(order);
    source.verify(request, settings);
    assertThat(source.parse(request, settings)).isEmpty();
  }

  @Test
  void aBackorderedQuantityOfZeroDoesNotCount() throws Exception {
    String order = WooPayloads.order(o ->
        ((ObjectNode) o.get("line_items").get(0).get("meta_data").get(1)).put("value", "0"));
    WebhookRequest request = WooPayloads.delivery(order);
    source.verify(request, settings);
    assertThat(source.parse(request, settings)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"order.created", "order.deleted", "product.updated", "action.woocommerce_order_status_on-hold"})
  void otherTopicsAreAcknowledgedAndIgnored(String topic) throws Exception {
    byte[] body = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = new WebhookRequest(WooPayloads.headers(topic, body, SECRET), body);
    source.verify(request, settings);
    assertThat(source.parse(request, settings)).isEmpty();
  }

  // ---- The creation ping -----------------------------------------------------------------------------

  @Test
  void theUnsignedCreationPingPassesAndRecordsNothing() throws Exception {
    WebhookRequest ping = WooPayloads.ping("webhook_id=12");
    source.verify(ping, settings);
    assertThat(source.parse(ping, settings)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"webhook_id=", "webhook_id=12&x=1", "webhook_id=12\n", "webhook_id=abc", "{\"webhook_id\":12}", "id=4127"})
  void anythingElseUnsignedIsRejected(String body) {
    assertUnauthenticated(WooPayloads.ping(body), "no X-WC-Webhook-Signature");
  }

  @Test
  void anUnsignedOrderIsRejected() {
    byte[] body = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new TreeMap<>(WooPayloads.headers("order.updated", body, SECRET));
    headers.remove("X-WC-Webhook-Signature");
    assertUnauthenticated(new WebhookRequest(headers, body), "only the creation ping");
  }

  @Test
  void aPingShapedBodyWithAWrongSignatureIsRejected() {
    byte[] body = "webhook_id=12".getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = new WebhookRequest(Map.of("X-WC-Webhook-Signature",
        WebhookSignatures.hmacSha256Base64("not-the-secret", body)), body);
    assertUnauthenticated(request, "does not match");
  }

  // ---- Signatures ----------------------------------------------------------------------------------

  @Test
  void aTamperedBodyIsRejected() {
    byte[] signed = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
    byte[] tampered = WooPayloads.ORDER.replace("\"on-hold\"", "\"processing\"").getBytes(StandardCharsets.UTF_8);
    assertUnauthenticated(new WebhookRequest(WooPayloads.headers("order.updated", signed, SECRET), tampered),
        "does not match");
  }

  @Test
  void aBodyReserializedOnTheWayIsRejected() {
    byte[] signed = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
    byte[] compact = WooPayloads.order(o -> { }).getBytes(StandardCharsets.UTF_8);
    assertUnauthenticated(new WebhookRequest(WooPayloads.headers("order.updated", signed, SECRET), compact),
        "does not match");
  }

  @Test
  void aSignatureWithAnotherSecretIsRejected() {
    byte[] body = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
    assertUnauthenticated(new WebhookRequest(WooPayloads.headers("order.updated", body, "another-webhooks-secret"), body),
        "does not match");
  }

  @Test
  void rejectionsNeverCarryTheSecret() {
    byte[] body = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = new WebhookRequest(WooPayloads.headers("order.updated", body, "wrong"), body);
    assertThatThrownBy(() -> source.verify(request, settings)).satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  // ---- Authentic but not what WooCommerce sends --------------------------------------------------------

  @Test
  void aDeliveryWithoutItsDeliveryIdIsMalformed() throws Exception {
    byte[] body = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new TreeMap<>(WooPayloads.headers("order.updated", body, SECRET));
    headers.remove("X-WC-Webhook-Delivery-ID");
    WebhookRequest request = new WebhookRequest(headers, body);
    source.verify(request, settings);
    assertMalformed(request, "X-WC-Webhook-Delivery-ID");
  }

  @Test
  void aSignedDeliveryWithoutTopicIsMalformed() throws Exception {
    byte[] body = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new TreeMap<>(WooPayloads.headers("order.updated", body, SECRET));
    headers.remove("X-WC-Webhook-Topic");
    WebhookRequest request = new WebhookRequest(headers, body);
    source.verify(request, settings);
    assertMalformed(request, "X-WC-Webhook-Topic");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{\"status\":\"on-hold\"}", "{\"id\":\"n/a\"}", "{\"id\":"})
  void aBodyThatIsNotAnOrderIsMalformed(String body) throws Exception {
    WebhookRequest request = WooPayloads.delivery(body);
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
