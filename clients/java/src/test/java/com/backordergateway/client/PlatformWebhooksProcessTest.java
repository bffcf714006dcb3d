package com.backordergateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.Trigger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shopify and WooCommerce posting signed webhooks at the assembled distribution, with the real
 * source plugins, over HTTP: backorders become events, tampered requests are refused with 401
 * and change nothing, retries are duplicates, and WooCommerce's unsigned creation ping is
 * acknowledged.
 */
class PlatformWebhooksProcessTest {

  static final String SECRET = "demo-not-a-real-secret"; // config/demo.yaml's source secrets
  static final ObjectMapper JSON = new ObjectMapper();

  static final String SHOPIFY_ORDER = """
      {"id": 5829374619, "name": "#1001", "email": "maya.okafor@example.com", "tags": "vip, backorder",
       "cancelled_at": null, "fulfillment_status": null, "financial_status": "paid",
       "customer": {"id": 7390218465, "email": "maya.okafor@example.com", "first_name": "Maya",
                    "last_name": "Okafor", "phone": "+13125550147"},
       "line_items": [
         {"id": 13688971427900, "sku": "ACR-TITANIUM-WHITE", "quantity": 2, "fulfillable_quantity": 2,
          "fulfillment_status": null, "title": "Titanium White Acrylic 120 ml"},
         {"id": 13688971493692, "sku": "ACR-CADMIUM-RED", "quantity": 1, "fulfillable_quantity": 0,
          "fulfillment_status": "fulfilled", "title": "Cadmium Red"}]}
      """;

  static final String WOO_ORDER = """
      {"id": 727, "status": "on-hold", "customer_id": 26,
       "billing": {"first_name": "Li", "last_name": "Wei", "email": "li.wei@example.com", "phone": "+14155550123"},
       "line_items": [
         {"id": 315, "name": "Merino Yarn Blue", "sku": "YARN-MERINO-BLUE", "quantity": 3,
          "meta_data": [{"id": 2902, "key": "Backordered", "value": "1", "display_key": "Backordered", "display_value": "1"}]},
         {"id": 316, "name": "Knitting Needles 5mm", "sku": "NEEDLE-5MM", "quantity": 1, "meta_data": []}]}
      """;

  @TempDir Path workDir;
  Process gateway;
  BackorderClient client;
  int httpPort;
  // HTTP/1.1 as the platforms post webhooks; the JDK default tries an h2c upgrade on each new connection.
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    Path plugins = Files.createDirectories(workDir.resolve(GatewayProcessTest.DEMO_PLUGINS));
    try (var jars = Files.list(GatewayProcessTest.DISTRIBUTION.resolve("plugins"))) {
      for (Path jar : (Iterable<Path>) jars::iterator) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    int grpcPort = GatewayProcessTest.freePort();
    httpPort = GatewayProcessTest.freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    gateway = new ProcessBuilder(java, "-jar", GatewayProcessTest.SERVER_JAR.toString(),
            "--config", GatewayProcessTest.DEMO_CONFIG.toString(),
            "--grpc-port", Integer.toString(grpcPort), "--http-port", Integer.toString(httpPort))
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("gateway.log").toFile())
        .start();
    client = BackorderClient.builder().target("localhost:" + grpcPort).token("demo-token-change-me").build();
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> HealthGrpc.newBlockingStub(client.channel())
        .withDeadlineAfter(1, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()).getStatus()
        == ServingStatus.SERVING);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    gateway.destroy();
    gateway.waitFor(30, TimeUnit.SECONDS);
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String sign(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  HttpResponse<String> shopify(String body, String signature, String webhookId) throws Exception {
    return post("/webhooks/shopify/demo-shopify", body, "Content-Type", "application/json",
        "X-Shopify-Topic", "orders/updated", "X-Shopify-Hmac-Sha256", signature,
        "X-Shopify-Shop-Domain", "demo-store.myshopify.com", "X-Shopify-API-Version", "2026-10",
        "X-Shopify-Webhook-Id", webhookId, "X-Shopify-Triggered-At", "2026-03-02T09:29:41Z");
  }

  int events() {
    return client.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsCount();
  }

  @Test
  void shopifyBackordersAreRecordedOnceAndTamperedOnesRefused() throws Exception {
    assertThat(shopify(SHOPIFY_ORDER, sign(SHOPIFY_ORDER.replace("vip", "VIP")), "wh-1").statusCode())
        .as("signature over another body").isEqualTo(401);
    assertThat(events()).isZero();

    HttpResponse<String> accepted = shopify(SHOPIFY_ORDER, sign(SHOPIFY_ORDER), "wh-1");
    HttpResponse<String> retried = shopify(SHOPIFY_ORDER, sign(SHOPIFY_ORDER), "wh-1");

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(accepted.body()).get("triggered").asBoolean()).isTrue();
    assertThat(JSON.readTree(retried.body()).get("duplicate").asBoolean()).isTrue();
    var event = client.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEvents(0);
    assertThat(event.getTrigger()).isEqualTo(Trigger.TRIGGER_PLATFORM_BACKORDER);
    assertThat(event.getSkusList()).as("only the line still to ship").containsExactly("ACR-TITANIUM-WHITE");
    assertThat(event.getDeliveriesList()).extracting(d -> d.getRecipient().getOrderId()).contains("5829374619");
    assertThat(events()).isEqualTo(1);
  }

  @Test
  void wooCommerceBackordersPingsAndBadSignatures() throws Exception {
    HttpResponse<String> ping = post("/webhooks/woocommerce/demo-woocommerce", "webhook_id=42",
        "Content-Type", "application/x-www-form-urlencoded");
    assertThat(ping.statusCode()).as("the unsigned creation ping").isEqualTo(200);

    String[] headers = {"Content-Type", "application/json", "X-WC-Webhook-Topic", "order.updated",
        "X-WC-Webhook-Resource", "order", "X-WC-Webhook-Event", "updated", "X-WC-Webhook-ID", "42",
        "X-WC-Webhook-Delivery-ID", "9d0c1f", "X-WC-Webhook-Source", "https://shop.example.com/",
        "User-Agent", "WooCommerce/9.6.0 Hookshot (WordPress/6.7.1)"};
    HttpResponse<String> unsigned = post("/webhooks/woocommerce/demo-woocommerce", WOO_ORDER, headers);
    assertThat(unsigned.statusCode()).isEqualTo(401);

    String[] signed = java.util.Arrays.copyOf(headers, headers.length + 2);
    signed[headers.length] = "X-WC-Webhook-Signature";
    signed[headers.length + 1] = sign(WOO_ORDER);
    HttpResponse<String> accepted = post("/webhooks/woocommerce/demo-woocommerce", WOO_ORDER, signed);
    assertThat(accepted.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(accepted.body());
    assertThat(answer.get("triggered").asBoolean()).isTrue();
    var event = client.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEvents(0);
    assertThat(event.getSkusList()).containsExactly("YARN-MERINO-BLUE");
    assertThat(events()).isEqualTo(1);
  }
}
