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

  private static final List<String> PLUGINS = List.of("shopify", "woocommerce", "webhook", "zapier", "trello", "monday");
  private static final String SHOPIFY_SECRET = "shopify-story-signing-key-0001";
  private static final String WOO_SECRET = "woo-story-secret-0001";
  private static final String WMS_SECRET = "wms-story-secret-0123456789";
  private static final String ITEM_ID = "49148385149227353";
  private static final String TRELLO_SECRET = "7f3c9a1e5b2d4f60a8c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1";
  private static final String BACKORDER_LIST = "65f1c0ffee0ddba11a5e0001";
  private static final String GATEWAY_MEMBER = "5f5e5d5c5b5a595857565554";
  private static final String MONDAY_URL_SECRET = "monday-board-url-secret-0123456789";
  private static final String GATEWAY_MONDAY_USER = "4012345";
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
          - id: stock-board
            type: trello
            settings: {app-secret: %s, callback-url: "%s", backorder-list: %s, gateway-member-id: %s}
          - id: purchasing
            type: monday
            settings: {url-secret: %s, backorder-label: Backorder, gateway-user-id: "%s"}
        """.formatted(zapier.url(HOOK_PATH), SHOPIFY_SECRET, shopifyAdmin.url(), WOO_SECRET, WMS_SECRET,
        TRELLO_SECRET, trelloCallback(), BACKORDER_LIST, GATEWAY_MEMBER, MONDAY_URL_SECRET, GATEWAY_MONDAY_USER));
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

    // Trello checks the callback URL with HEAD; a card moved to the Backorder list marks its SKU
    // unavailable; the same move signed for another URL is refused; the gateway's own card is not read back.
    HttpResponse<Void> head = http.send(HttpRequest.newBuilder(gatewayUrl("/webhooks/trello/stock-board"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    String moved = cardMoved("65f2a1b2c3d4e5f6a7b8c9d0", "5a0b0c0d0e0f101112131415", "BRUSH-SYN-08 Synthetic brush 8");
    assertThat(post("/webhooks/trello/stock-board", moved, Map.of("X-Trello-Webhook",
        WebhookSignatures.hmacSha1Base64(TRELLO_SECRET, bytes(moved + "https://elsewhere.example/hook")))).statusCode())
        .as("signed for another callback URL").isEqualTo(401);
    assertThat(post("/webhooks/trello/stock-board", moved, trelloHeaders(moved)).statusCode()).isEqualTo(200);
    String own = cardMoved("65f2a1b2c3d4e5f6a7b8c9d1", GATEWAY_MEMBER, "GLUE-PVA-250 PVA glue");
    assertThat(json(post("/webhooks/trello/stock-board", own, trelloHeaders(own))).path("reason").asText())
        .as("loop guard").contains("gateway's own Trello member");
    assertThat(caseOf("BRUSH-SYN-08").getOpenedBy()).isEqualTo(Trigger.TRIGGER_MARKED_UNAVAILABLE);

    // monday.com's challenge is echoed once the URL secret checks out; a status set to Backorder
    // marks the item's SKU unavailable; the gateway's own change is ignored.
    String challenge = "{\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}";
    HttpResponse<String> echoed = post("/webhooks/monday/purchasing?secret=" + MONDAY_URL_SECRET, challenge,
        Map.of("Content-Type", "application/json"));
    assertThat(echoed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(echoed.body())).isEqualTo(JSON.readTree(challenge));
    assertThat(post("/webhooks/monday/purchasing?secret=guess", challenge, Map.of()).statusCode()).isEqualTo(401);
    assertThat(post("/webhooks/monday/purchasing?secret=" + MONDAY_URL_SECRET,
        statusChanged("9603417", "EASEL-OAK-M Oak easel, medium"), Map.of()).statusCode()).isEqualTo(200);
    assertThat(json(post("/webhooks/monday/purchasing?secret=" + MONDAY_URL_SECRET,
        statusChanged(GATEWAY_MONDAY_USER, "CANVAS-30X40 Canvas"), Map.of())).path("reason").asText())
        .as("loop guard").contains("gateway's own monday user");
    assertThat(caseOf("EASEL-OAK-M").getOpenedBy()).isEqualTo(Trigger.TRIGGER_MARKED_UNAVAILABLE);

    // Shopify: staff alert + restock notice; WooCommerce: staff alert; WMS: staff alert + customer notice;
    // Trello and monday.com: a staff alert each.
    List<Delivery> deliveries = story.awaitSettled(7);
    Map<String, JsonNode> posted = zapier.requests().stream().map(RecordedRequest::json)
        .collect(Collectors.toMap(body -> body.path("delivery_id").asText(), body -> body, (a, b) -> b,
            LinkedHashMap::new));
    assertThat(posted.keySet()).as("one flat payload per delivery")
        .containsExactlyInAnyOrderElementsOf(deliveries.stream().map(Delivery::getId).toList());
    assertThat(posted.values()).allSatisfy(body -> {
      assertThat(body.fields()).toIterable().allSatisfy(field -> assertThat(field.getValue().isContainerNode())
          .as("flat: %s", field.getKey()).isFalse());
      assertThat(body.path("sku").asText()).isIn("ACR-TITANIUM-WHITE", "YARN-MERINO-GREY", "PAINT-ACR-120-RED",
          "BRUSH-SYN-08", "EASEL-OAK-M");
    });
    assertThat(posted.values().stream().filter(b -> b.path("customer_email").asText().equals("maya@example.com")))
        .as("the waiting order's customer").hasSize(1);
  }

  @Test
  void aSourceWhoseSettingsDoNotGoTogetherStopsStartUpNamingTheKey() throws Exception {
    java.nio.file.Path other = java.nio.file.Files.createDirectories(dir.resolve("other"));
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> StoryGateway.start(other, PLUGINS, """
        sources:
          - id: maple-thread
            type: shopify
            settings: {secret: %s, shop-domain: maple-thread.myshopify.com}
        """.formatted(SHOPIFY_SECRET)));
    assertThat(thrown).isInstanceOf(com.backordergateway.server.config.ConfigException.class);
    assertThat(((com.backordergateway.server.config.ConfigException) thrown).problems())
        .containsExactly("sources[0].settings.access-token: required with shop-domain: the two together let the"
            + " source look up the SKU of an inventory level");
  }

  // ---- Posting as each platform does -----------------------------------------------------------

  private String trelloCallback() {
    return "https://gateway.maple-thread.example/webhooks/trello/stock-board";
  }

  /** Trello's updateCard for a card moved from In stock to the Backorder list. */
  private static String cardMoved(String actionId, String memberId, String cardName) {
    return """
        {"model":{"id":"65f1c0ffee0ddba11a5eb0a1","name":"Maple & Thread — stock"},"action":{"id":"%s",\
        "idMemberCreator":"%s","type":"updateCard","date":"2026-03-02T09:29:41.512Z","data":{\
        "card":{"id":"65f1c0ffee0ddba11a5ec0de","name":"%s","idShort":12,"shortLink":"Xy12Ab34",\
        "idList":"%s"},"old":{"idList":"65f1c0ffee0ddba11a5e0003"},\
        "board":{"id":"65f1c0ffee0ddba11a5eb0a1","name":"Maple & Thread — stock","shortLink":"AbCdEf12"},\
        "listBefore":{"id":"65f1c0ffee0ddba11a5e0003","name":"In stock"},\
        "listAfter":{"id":"%s","name":"Backorder"}},\
        "memberCreator":{"id":"%s","fullName":"Dana Whitfield","username":"danawhitfield"}}}"""
        .formatted(actionId, memberId, cardName, BACKORDER_LIST, BACKORDER_LIST, memberId);
  }

  private Map<String, String> trelloHeaders(String body) {
    return Map.of("Content-Type", "application/json",
        "X-Trello-Webhook", WebhookSignatures.hmacSha1Base64(TRELLO_SECRET, bytes(body + trelloCallback())));
  }

  /** monday.com's update_column_value for a status column set from In stock to Backorder. */
  private static String statusChanged(String userId, String itemName) {
    return """
        {"event":{"app":"monday","type":"update_column_value","triggerTime":"2026-03-02T09:29:41.000Z",\
        "subscriptionId":73759690,"userId":%s,"originalTriggerUuid":null,"boardId":3139815742,\
        "groupId":"topics","pulseId":3139815770,"pulseName":"%s","columnId":"status","columnType":"color",\
        "columnTitle":"Status","value":{"label":{"index":2,"text":"Backorder","style":{"color":"#e2445c",\
        "border":"#ce3048"}},"post_id":null},"previousValue":{"label":{"index":1,"text":"In stock",\
        "style":{"color":"#00c875","border":"#00b461"}},"post_id":null},"changedAt":1772443781.5,\
        "isTopGroup":true,"triggerUuid":"6a3bd7ff0d1a4e1ca1c4c6e1f5f1ad%s"}}"""
        .formatted(userId, itemName, userId.substring(userId.length() - 2));
  }

  private URI gatewayUrl(String path) {
    return URI.create("http://localhost:" + story.httpPort() + path);
  }

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
    HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUrl(path))
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
