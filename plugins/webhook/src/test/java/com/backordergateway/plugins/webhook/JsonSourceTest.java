package com.backordergateway.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.BackorderSignal;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.ShipmentSignal;
import com.backordergateway.connector.api.StockSignal;
import com.backordergateway.connector.api.UnavailableSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.testkit.TestConnectorContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The generic JSON source: each way a sender may sign, the replay window, what identifies a
 * delivery, every trigger's mapping, and a mapping that does not fit the body naming its pointer.
 */
class JsonSourceTest {

  private static final String SECRET = "wms-shared-secret-0123456789";

  private static final String WMS_POST = """
      {"event_id":"evt-20260302-0042","sku":"PAINT-ACR-120-RED","reason":"damaged in the warehouse",\
      "actor":"Dana (warehouse)","expected_back":"2026-03-20","category":"paint",\
      "open_orders":[{"order_id":"1042","customer":{"name":"Maya Okafor","email":"maya@example.com",\
      "phone":"+13125550147","locale":"en-US"}},{"order_id":"1043","customer":{"email":"li@example.com"}}]}""";

  private final JsonSource source = new JsonSource();
  private final TestConnectorContext context = TestConnectorContext.builder().build();

  private ConnectorSettings settings(Map<String, String> configured) {
    Map<String, String> all = new HashMap<>(Map.of("secret", SECRET));
    all.putAll(configured);
    return ConnectorSettings.of(all, source.settings());
  }

  private static WebhookRequest post(String body, Map<String, String> headers) {
    return new WebhookRequest(headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(String secret, String signed) {
    return HexFormat.of().formatHex(WebhookSignatures.hmacSha256(secret, signed.getBytes(StandardCharsets.UTF_8)));
  }

  /** Signed as the WMS preset says: hex HMAC of "<timestamp>.<body>", the timestamp in its own header. */
  private WebhookRequest wms(String body) {
    String timestamp = String.valueOf(context.clock().instant().getEpochSecond());
    return post(body, Map.of("X-Signature", "sha256=" + hex(SECRET, timestamp + "." + body),
        "X-Signature-Timestamp", timestamp, "Content-Type", "application/json"));
  }

  private WebhookOutcome read(WebhookRequest request, ConnectorSettings settings) throws Exception {
    source.verify(request, settings);
    return source.read(request, settings, context);
  }

  // ---- Who may post ----------------------------------------------------------------------------

  @Test
  void hexBase64AndPrefixedSignaturesOfTheBodyAreAccepted() throws Exception {
    ConnectorSettings settings = settings(Map.of("trigger", "stock-level", "sku", "/sku", "on-hand", "/on_hand"));
    String body = "{\"sku\":\"YARN-MERINO-GREY\",\"on_hand\":0}";
    for (String signature : List.of(hex(SECRET, body), "sha256=" + hex(SECRET, body),
        WebhookSignatures.hmacSha256Base64(SECRET, body.getBytes(StandardCharsets.UTF_8)))) {
      assertThat(read(post(body, Map.of("X-Signature", signature)), settings).signal()).isPresent();
    }
  }

  @Test
  void aMissingWrongOrTamperedSignatureIsRefusedBeforeTheBodyIsRead() {
    ConnectorSettings settings = settings(Map.of("preset", "wms"));
    WebhookRequest signed = wms(WMS_POST);
    String tampered = WMS_POST.replace("damaged", "fine");
    for (WebhookRequest bad : List.of(
        post(WMS_POST, Map.of()),
        post(tampered, Map.of("X-Signature", signed.header("X-Signature").orElseThrow(),
            "X-Signature-Timestamp", signed.header("X-Signature-Timestamp").orElseThrow())),
        post(WMS_POST, Map.of("X-Signature", signed.header("X-Signature").orElseThrow(),
            "X-Signature-Timestamp", "1700000000")),
        post(WMS_POST, Map.of("X-Signature", hex("another-secret-0123456789", WMS_POST))))) {
      assertThatThrownBy(() -> source.verify(bad, settings)).isInstanceOfSatisfying(WebhookRejectedException.class,
          e -> {
            assertThat(e.unauthenticated()).isTrue();
            assertThat(e.getMessage()).doesNotContain(SECRET);
          });
    }
  }

  @Test
  void aSignatureOlderThanTheReplayWindowIsRefusedAsUnauthenticated() throws Exception {
    ConnectorSettings settings = settings(Map.of("preset", "wms", "replay-window", "PT2M"));
    WebhookRequest signed = wms(WMS_POST);
    source.verify(signed, settings);
    context.clock().advance(Duration.ofMinutes(3));
    assertThatThrownBy(() -> source.read(signed, settings, context))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
          assertThat(e.unauthenticated()).isTrue();
          assertThat(e.getMessage()).contains("outside the replay window of 120 s");
        });
  }

  @Test
  void tokenModeTakesTheSecretItselfWithOrWithoutBearer() throws Exception {
    ConnectorSettings settings = settings(Map.of("preset", "zapier"));
    String body = "{\"id\":\"zap-1\",\"sku\":\"PAINT-ACR-120-RED\"}";
    assertThat(read(post(body, Map.of("X-Gateway-Token", SECRET)), settings).signal()).isPresent();
    assertThat(read(post(body, Map.of("X-Gateway-Token", "Bearer " + SECRET)), settings).signal()).isPresent();
    assertThatThrownBy(() -> source.verify(post(body, Map.of("X-Gateway-Token", SECRET + "x")), settings))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.unauthenticated()).isTrue());
  }

  // ---- What each trigger reads ----------------------------------------------------------------

  @Test
  void theWmsPresetMarksTheSkuUnavailableWithItsOrders() throws Exception {
    UnavailableSignal signal = (UnavailableSignal) read(wms(WMS_POST), settings(Map.of("preset", "wms")))
        .signal().orElseThrow();

    assertThat(signal).isEqualTo(new UnavailableSignal("evt-20260302-0042", "PAINT-ACR-120-RED",
        "damaged in the warehouse", "Dana (warehouse)", Optional.of(Instant.parse("2026-03-20T00:00:00Z")),
        List.of(new Recipient("1042", "Maya Okafor", "maya@example.com", "+13125550147", "en-US", "", ""),
            new Recipient("1043", "", "li@example.com", "", "", "", "")),
        "paint"));
  }

  @Test
  void aStockLevelReadsNumbersSentAsText() throws Exception {
    ConnectorSettings settings = settings(Map.of("preset", "wms", "trigger", "stock-level",
        "observed-at", "/counted_at"));
    StockSignal level = (StockSignal) read(wms("""
        {"event_id":"c-9","sku":"YARN-MERINO-GREY","on_hand":"-2","counted_at":"2026-03-02T09:00:00+01:00"}"""),
        settings).signal().orElseThrow();
    assertThat(level).isEqualTo(new StockSignal("c-9", "YARN-MERINO-GREY", -2,
        Optional.of(Instant.parse("2026-03-02T08:00:00Z")), ""));
  }

  @Test
  void aPlatformBackorderReadsTheOrderFromTheBody() throws Exception {
    ConnectorSettings settings = settings(Map.of("trigger", "platform-backorder", "dedup", "header:X-Request-Id",
        "order-id", "/order/id", "order-name", "/order/number", "customer-email", "/order/email", "skus", "/order/skus"));
    String body = "{\"order\":{\"id\":\"88120\",\"number\":\"W-88120\",\"email\":\"ann@example.com\","
        + "\"skus\":[\"EMB-HOOP-6\",\"EMB-FLOSS-310\"]}}";
    BackorderSignal signal = (BackorderSignal) read(post(body, Map.of("X-Signature", hex(SECRET, body),
        "X-Request-Id", "req-77")), settings).signal().orElseThrow();
    assertThat(signal).isEqualTo(new BackorderSignal("req-77", new Recipient("88120", "", "ann@example.com", "", "",
        "", ""), List.of("EMB-HOOP-6", "EMB-FLOSS-310"), Optional.empty(), "W-88120"));
  }

  @Test
  void aShipmentUpdateTakesExactlyOneChange() throws Exception {
    ConnectorSettings settings = settings(Map.of("preset", "wms", "trigger", "shipment-update"));
    assertThat(read(wms("{\"event_id\":\"s-1\",\"po_number\":\"PO-7731\",\"new_expected_at\":\"2026-04-02T00:00:00Z\"}"),
        settings).signal()).contains(ShipmentSignal.newDate("s-1", "PO-7731", Instant.parse("2026-04-02T00:00:00Z")));
    assertThat(read(wms("{\"event_id\":\"s-2\",\"po_number\":\"PO-7731\",\"received\":\"yes\"}"), settings).signal())
        .contains(ShipmentSignal.received("s-2", "PO-7731"));
    assertThatThrownBy(() -> read(wms("{\"event_id\":\"s-3\",\"po_number\":\"PO-7731\",\"received\":true,"
        + "\"cancelled\":true}"), settings)).hasMessageContaining("exactly one of new-expected-at, received, cancelled");
  }

  // ---- A mapping that does not fit ------------------------------------------------------------

  @Test
  void aFieldTheBodyDoesNotHaveIsA400NamingItsPointer() {
    ConnectorSettings settings = settings(Map.of("preset", "wms", "trigger", "stock-level"));
    assertThatThrownBy(() -> read(wms("{\"event_id\":\"c-1\",\"sku\":\"YARN-MERINO-GREY\"}"), settings))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
          assertThat(e.unauthenticated() || e.retryLater()).isFalse();
          assertThat(e.getMessage()).isEqualTo("json: on-hand (/on_hand) has no value");
        });
    assertThatThrownBy(() -> read(wms("{\"event_id\":\"c-2\",\"sku\":\"Y\",\"on_hand\":1.5}"), settings))
        .hasMessage("json: on-hand (/on_hand) is not a whole number");
    assertThatThrownBy(() -> read(wms(WMS_POST.replace("\"order_id\":\"1043\"", "\"order\":\"1043\"")),
        settings(Map.of("preset", "wms")))).hasMessage("json: order-id (/open_orders/1/order_id) has no value");
    assertThatThrownBy(() -> read(wms(WMS_POST.replace("\"2026-03-20\"", "\"next week\"")),
        settings(Map.of("preset", "wms")))).hasMessageStartingWith("json: eta (/expected_back) is not a date");
    assertThatThrownBy(() -> read(wms("{\"sku\":\"Y\"}"), settings(Map.of("preset", "wms"))))
        .hasMessageContaining("dedup (/event_id) has no value");
  }

  @Test
  void aPostTheConditionDoesNotSelectIsAcknowledgedAndIgnored() throws Exception {
    ConnectorSettings settings = settings(Map.of("preset", "airtable", "when", "/fields/Status=Unavailable"));
    String body = "{\"id\":\"recA1@2026-03-02T09:00:00Z\",\"fields\":{\"SKU\":\"PAPER-A4-120\",\"Status\":\"In stock\"}}";
    WebhookOutcome outcome = read(post(body, Map.of("X-Signature", hex(SECRET, body))), settings);
    assertThat(outcome.signal()).isEmpty();
    assertThat(outcome.note()).isEqualTo("/fields/Status is not Unavailable");
  }

  @Test
  void withoutADedupSettingTheBodyHashIdentifiesTheDelivery() throws Exception {
    ConnectorSettings settings = settings(Map.of("trigger", "marked-unavailable", "sku", "/sku"));
    String body = "{\"sku\":\"PAPER-A4-120\"}";
    UnavailableSignal signal = (UnavailableSignal) read(post(body, Map.of("X-Signature", hex(SECRET, body))), settings)
        .signal().orElseThrow();
    assertThat(signal.deliveryId()).startsWith("sha256:").hasSize(7 + 64);
    assertThat(signal.reason()).isEqualTo("marked unavailable in " + context.instanceId());
  }

  // ---- Settings -------------------------------------------------------------------------------

  @Test
  void aSourceWithoutATriggerOrWithoutWhatItsTriggerNeedsIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> JsonSourceSettings.from(settings(Map.of("sku", "/sku"))))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("trigger"));
    assertThatThrownBy(() -> JsonSourceSettings.from(settings(Map.of("trigger", "stock-level", "sku", "/sku"))))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("on-hand"));
    assertThatThrownBy(() -> settings(Map.of("trigger", "stock-level", "sku", "sku")))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("sku"));
    assertThatThrownBy(() -> settings(Map.of("preset", "shopify")))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("preset"));
    assertThat(JsonSourceSettings.from(settings(Map.of("preset", "zapier"))).toString()).doesNotContain(SECRET);
  }
}
