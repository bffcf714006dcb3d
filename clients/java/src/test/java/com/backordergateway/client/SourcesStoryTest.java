package com.backordergateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.ListCasesRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every trigger from the systems a shop already runs, with only config and signed webhooks — no
 * gRPC call raises anything: the distribution's jars in a gateway whose sources are a Shopify
 * store (stock levels, the SKU looked up once per item through a fake Admin API), a WooCommerce
 * store (product stock), a warehouse system (the generic JSON source) and boards, and whose every
 * delivery goes flat to a Zapier Catch Hook. Each source's webhook is posted over HTTP signed,
 * tampered, replayed and authentic-but-ignored, and handshakes are answered.
 */
class SourcesStoryTest {

  private static final List<String> PLUGINS = List.of("shopify", "woocommerce", "webhook", "zapier");
  private static final String SHOPIFY_SECRET = "shopify-story-signing-key-0001";
  private static final String WOO_SECRET = "woo-story-secret-0001";
  private static final String WMS_SECRET = "wms-story-secret-0123456789";
  private static final String ITEM_ID = "49148385149227353";
  private static final String HOOK_PATH = "/hooks/catch/1234567/u7xk2pq/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir java.nio.file.Path dir;

  private final FakePlatform shopifyAdmin = FakePlatform.start().answering(request -> FakeResponse.json(200,
      "{\"data\":{\"inventoryItem\":{\"sku\":\"ACR-TITANIUM-WHITE\",\"tracked\":true}}}"));
  private final FakePlatform zapier = FakePlatform.start().answering(request -> FakeResponse.json(200,
      "{\"attempt\":\"0192f1c3-8d1e-7a3b-9b1e-5f4c2d7e8a90\",\"id\":\"0192f1c3-8d1e-7a3b-9b1e-5f4c2d7e8a91\","
          + "\"request_id\":\"0192f1c3-8d1e-7a3b-9b1e-5f4c2d7e8a90\",\"status\":\"success\"}"));
  private final HttpClient http = HttpClient.newHttpClient();
  private StoryGateway story;

  @BeforeEach
  void start() throws Exception {
    story = StoryGateway.start(dir, PLUGINS, """
        connectors:
          - id: zap
            type: zapier
            rate-per-second: 50
            settings: {hook-url: "%s"}
        routes:
          - {name: everything, send: [zap]}
        sources:
          - id: maple-thread
            type: shopify
            settings: {secret: %s, shop-domain: maple-thread.myshopify.com, access-token: shpat_story0000000000000001,
                       base-url: "%s"}
          - id: maple-woo
            type: woocommerce
            settings: {secret: %s}
          - id: warehouse
            type: json
            settings: {preset: wms, secret: %s}
        """.formatted(zapier.url(HOOK_PATH), SHOPIFY_SECRET, shopifyAdmin.url(), WOO_SECRET, WMS_SECRET));
  }

  @AfterEach
  void stop() {
    story.close();
    shopifyAdmin.close();
    zapier.close();
  }

  @Test
  void eachSystemsSignedWebhookOpensOrResolvesACaseAndZapierReceivesEveryDeliveryFlat() throws Exception {
    // Shopify: a level of zero opens the SKU's case; the same item again costs no look-up; a
    // tampered copy is refused and a replay is a duplicate; a positive level resolves the case.
    assertThat(shopify("inventory_levels/update", "wh-1", level(0)).statusCode()).isEqualTo(200);
    HttpResponse<String> again = shopify("inventory_levels/update", "wh-2", level(-1));
    assertThat(json(again).path("reason").asText()).contains("already backordered");
    assertThat(shopifyAdmin.requestCount()).as("one Admin API call for two webhooks of one item").isEqualTo(1);
    assertThat(shopifyAdmin.onlyRequest().json().at("/variables/id").asText())
        .isEqualTo("gid://shopify/InventoryItem/" + ITEM_ID);
    assertThat(post("/webhooks/shopify/maple-thread", level(0).replace("\"available\":0", "\"available\":5"),
        shopifyHeaders("inventory_levels/update", "wh-3", level(0))).statusCode()).as("tampered").isEqualTo(401);
    assertThat(json(shopify("inventory_levels/update", "wh-1", level(0))).path("duplicate").asBoolean()).isTrue();
    assertThat(json(shopify("products/update", "wh-4", "{\"id\":1}")).path("reason").asText())
        .as("authentic, another topic").startsWith("acknowledged:");
    assertThat(caseOf("ACR-TITANIUM-WHITE").getOpenedBy()).isEqualTo(Trigger.TRIGGER_STOCK_DEPLETED);
    assertThat(shopify("inventory_levels/update", "wh-5", level(12)).statusCode()).isEqualTo(200);
    assertThat(caseOf("ACR-TITANIUM-WHITE").getStatus()).isEqualTo(CaseStatus.CASE_STATUS_RESTOCKED);

    // WooCommerce: the creation ping, then a managed product at zero.
    assertThat(post("/webhooks/woocommerce/maple-woo", "webhook_id=12",
        Map.of("Content-Type", "application/x-www-form-urlencoded")).statusCode()).isEqualTo(200);
    String product = """
        {"id":794,"sku":"YARN-MERINO-GREY","manage_stock":true,"stock_quantity":0,"stock_status":"onbackorder",\
        "date_modified_gmt":"2026-03-02T09:29:41","categories":[{"id":17,"name":"Yarn","slug":"yarn"}]}""";
    assertThat(post("/webhooks/woocommerce/maple-woo", product, wooHeaders("product.updated", product)).statusCode())
        .isEqualTo(200);
    assertThat(caseOf("YARN-MERINO-GREY").getCategory()).isEqualTo("yarn");

    // A warehouse system marks a SKU unavailable with an order waiting; a post the mapping does not
    // fit is a 400 naming the pointer and stores nothing.
    int events = events();
    String broken = "{\"event_id\":\"evt-0\",\"reason\":\"damaged\"}";
    HttpResponse<String> refused = post("/webhooks/json/warehouse", broken, wmsHeaders(broken));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("sku (/sku) has no value");
    assertThat(events()).as("nothing stored").isEqualTo(events);
    String unavailable = """
        {"event_id":"evt-1","sku":"PAINT-ACR-120-RED","reason":"damaged in the warehouse","actor":"Dana",\
        "open_orders":[{"order_id":"1042","customer":{"name":"Maya Okafor","email":"maya@example.com"}}]}""";
    assertThat(post("/webhooks/json/warehouse", unavailable, wmsHeaders(unavailable)).statusCode()).isEqualTo(200);
    assertThat(json(post("/webhooks/json/warehouse", unavailable, wmsHeaders(unavailable))).path("duplicate")
        .asBoolean()).as("the WMS retrying").isTrue();
    BackorderCase paint = caseOf("PAINT-ACR-120-RED");
    assertThat(paint.getOpenedBy()).isEqualTo(Trigger.TRIGGER_MARKED_UNAVAILABLE);
    assertThat(paint.getOrdersList()).extracting(o -> o.getOrderId()).containsExactly("1042");

    // Only configured sources.
    assertThat(post("/webhooks/json/elsewhere", unavailable, wmsHeaders(unavailable)).statusCode()).isEqualTo(404);

    // Shopify: staff alert + restock notice; WooCommerce: staff alert; WMS: staff alert + customer notice.
    List<Delivery> deliveries = story.awaitSettled(5);
    Map<String, JsonNode> posted = zapier.requests().stream().map(RecordedRequest::json)
        .collect(Collectors.toMap(body -> body.path("delivery_id").asText(), body -> body, (a, b) -> b,
            LinkedHashMap::new));
    assertThat(posted.keySet()).as("one flat payload per delivery")
        .containsExactlyInAnyOrderElementsOf(deliveries.stream().map(Delivery::getId).toList());
    assertThat(posted.values()).allSatisfy(body -> {
      assertThat(body.fields()).toIterable().allSatisfy(field -> assertThat(field.getValue().isContainerNode())
          .as("flat: %s", field.getKey()).isFalse());
      assertThat(body.path("sku").asText()).isIn("ACR-TITANIUM-WHITE", "YARN-MERINO-GREY", "PAINT-ACR-120-RED");
    });
    assertThat(posted.values().stream().filter(b -> b.path("customer_email").asText().equals("maya@example.com")))
        .as("the waiting order's customer").hasSize(1);
  }

  // ---- Posting as each platform does -----------------------------------------------------------

  private static String level(int available) {
    return """
        {"inventory_item_id":%s,"location_id":65482391,"available":%d,"updated_at":"2026-03-02T04:29:41-05:00",\
        "admin_graphql_api_id":"gid://shopify/InventoryLevel/65482391?inventory_item_id=%s"}"""
        .formatted(ITEM_ID, available, ITEM_ID);
  }

  private HttpResponse<String> shopify(String topic, String webhookId, String body) throws Exception {
    return post("/webhooks/shopify/maple-thread", body, shopifyHeaders(topic, webhookId, body));
  }

  private static Map<String, String> shopifyHeaders(String topic, String webhookId, String signedBody) {
    return Map.of("Content-Type", "application/json", "X-Shopify-Topic", topic, "X-Shopify-Webhook-Id", webhookId,
        "X-Shopify-Shop-Domain", "maple-thread.myshopify.com",
        "X-Shopify-Hmac-Sha256", WebhookSignatures.hmacSha256Base64(SHOPIFY_SECRET, bytes(signedBody)));
  }

  private static Map<String, String> wooHeaders(String topic, String body) {
    return Map.of("Content-Type", "application/json", "X-WC-Webhook-Topic", topic,
        "X-WC-Webhook-Delivery-ID", "5b1e8c0f3a9d27e6c4b8f1a0d2e7c935",
        "X-WC-Webhook-Signature", WebhookSignatures.hmacSha256Base64(WOO_SECRET, bytes(body)));
  }

  private static Map<String, String> wmsHeaders(String body) {
    String timestamp = String.valueOf(java.time.Instant.now().getEpochSecond());
    return Map.of("Content-Type", "application/json", "X-Signature-Timestamp", timestamp, "X-Signature",
        "sha256=" + HexFormat.of().formatHex(WebhookSignatures.hmacSha256(WMS_SECRET, bytes(timestamp + "." + body))));
  }

  private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + story.httpPort() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private BackorderCase caseOf(String sku) {
    return story.client().backorder().listCases(ListCasesRequest.getDefaultInstance()).getCasesList().stream()
        .filter(c -> c.getSku().equals(sku)).findFirst().orElseThrow(() -> new AssertionError("no case for " + sku));
  }

  private int events() {
    return story.client().backorder().listEvents(ListEventsRequest.newBuilder().setPageSize(200).build())
        .getEventsCount();
  }
}
