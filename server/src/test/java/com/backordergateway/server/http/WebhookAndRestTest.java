package com.backordergateway.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP port: signed platform webhooks, and JSON REST over the gRPC API. */
class WebhookAndRestTest {

  static final String SECRET = "shop-signing-secret-123";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  @TempDir Path work;
  TestGateway gateway;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    TestPlugins.testshop(work).writeTo(TestGateway.pluginsDir(dir).resolve("testshop.jar"));
    gateway = TestGateway.start(dir, new TestClock(Instant.parse("2026-07-01T12:00:00Z")), new TestGateway.Options("""
        sources:
          - {id: main-store, type: testshop, settings: {secret: %s}}
          - {id: no-plugin, type: elsewhere, awaiting-plugin: true, settings: {secret: x}}
        shim: {max-body-bytes: 2048}
        connectors:
          - {id: chat, type: slack, awaiting-plugin: true}
        routes:
          - {name: staff, when: {audience: staff}, send: [chat]}
        """.formatted(SECRET), false, false));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> webhook(String body, String signature, String deliveryId) throws Exception {
    return post("/webhooks/testshop/main-store", body, "X-Test-Signature", signature, "X-Test-Delivery", deliveryId,
        "Content-Type", "application/json");
  }

  static String sign(String body) {
    return WebhookSignatures.hmacSha256Base64(SECRET, body.getBytes(StandardCharsets.UTF_8));
  }

  int events() {
    return gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsCount();
  }

  @Test
  void aSignedWebhookIsRecordedAndItsRetryIsADuplicate() throws Exception {
    String body = "{\"order\":\"1001\",\"email\":\"maya@example.com\",\"skus\":[\"EMB-HOOP-6\"]}";

    HttpResponse<String> first = webhook(body, sign(body), "wh-1");
    HttpResponse<String> retry = webhook(body, sign(body), "wh-1");

    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(first.body());
    assertThat(answer.get("triggered").asBoolean()).isTrue();
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(retry.body()).get("duplicate").asBoolean()).isTrue();
    assertThat(JSON.readTree(retry.body()).get("event_id").asText()).isEqualTo(answer.get("event_id").asText());
    assertThat(events()).isEqualTo(1);
  }

  @Test
  void aBadSignatureIsRefusedWith401AndStoresNothing() throws Exception {
    String body = "{\"order\":\"1001\",\"skus\":[\"EMB-HOOP-6\"]}";
    assertThat(webhook(body, sign(body.replace("1001", "1002")), "wh-2").statusCode()).as("tampered body").isEqualTo(401);
    assertThat(webhook(body, WebhookSignatures.hmacSha256Base64("wrong-secret-000", body.getBytes(StandardCharsets.UTF_8)), "wh-2")
        .statusCode()).as("wrong secret").isEqualTo(401);
    HttpResponse<String> unsigned = post("/webhooks/testshop/main-store", body, "X-Test-Delivery", "wh-2");
    assertThat(unsigned.statusCode()).as("no signature").isEqualTo(401);
    assertThat(JSON.readTree(unsigned.body()).get("message").asText()).contains("missing X-Test-Signature");
    assertThat(events()).isZero();
  }

  @Test
  void anEmptyBodyIsRefused401UnlessSignedAndOnly400WhenSigned() throws Exception {
    assertThat(webhook("", sign("{}"), "wh-4").statusCode()).as("signature of another body").isEqualTo(401);
    assertThat(post("/webhooks/testshop/main-store", "", "X-Test-Delivery", "wh-4").statusCode()).as("unsigned")
        .isEqualTo(401);
    HttpResponse<String> signed = webhook("", sign(""), "wh-4");
    assertThat(signed.statusCode()).isEqualTo(400);
    assertThat(signed.body()).contains("webhook.body");
    assertThat(events()).isZero();
  }

  @Test
  void anAuthenticNonBackorderIsAcknowledgedAndUnknownSourcesAreNotFound() throws Exception {
    String notBackorder = "{\"order\":\"1003\",\"skus\":[]}";
    HttpResponse<String> ack = webhook(notBackorder, sign(notBackorder), "wh-3");
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ack.body()).get("reason").asText()).contains("not a backorder");
    assertThat(events()).isZero();

    assertThat(post("/webhooks/testshop/other-store", notBackorder).statusCode()).isEqualTo(404);
    assertThat(post("/webhooks/elsewhere/no-plugin", notBackorder).statusCode()).as("plugin not loaded: retry later")
        .isEqualTo(503);
  }

  @Test
  void restCallsTheApiWithTheSameAnswersAndErrorsAsGrpc() throws Exception {
    String token = "Bearer " + TestGateway.ALL_SCOPES_TOKEN;
    HttpResponse<String> sold = post("/v1/inventory-levels",
        "{\"sku\":\"PAINT-RED\",\"on_hand\":0,\"cause\":\"INVENTORY_CAUSE_SALE\",\"ignoredField\":1}",
        "Authorization", token, "Content-Type", "application/json");
    assertThat(sold.statusCode()).isEqualTo(200);
    JsonNode intake = JSON.readTree(sold.body());
    assertThat(intake.get("trigger").asText()).isEqualTo("TRIGGER_STOCK_DEPLETED");
    String caseId = intake.get("caseIds").get(0).asText();
    String eventId = intake.get("eventId").asText();

    JsonNode event = JSON.readTree(get("/v1/events/" + eventId, "Authorization", token).body());
    assertThat(event.get("id").asText()).isEqualTo(eventId);
    assertThat(event.get("request").get("@type").asText()).endsWith("ReportInventoryLevelRequest");
    JsonNode listed = JSON.readTree(get("/v1/events?sku=PAINT-RED&page_size=5", "Authorization", token).body());
    assertThat(listed.get("events")).hasSize(1);
    JsonNode backorder = JSON.readTree(get("/v1/cases/" + caseId, "Authorization", token).body());
    assertThat(backorder.get("status").asText()).isEqualTo("CASE_STATUS_OPEN");
    assertThat(gateway.backorder().getCase(com.backordergateway.api.v1.GetCaseRequest.newBuilder().setCaseId(caseId).build())
        .getSku()).isEqualTo(backorder.get("sku").asText());

    HttpResponse<String> marked = post("/v1/skus/YARN-BLUE:markUnavailable", "{\"reason\":\"recall\",\"actor\":\"qa\"}",
        "Authorization", token);
    assertThat(marked.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(marked.body()).get("trigger").asText()).isEqualTo("TRIGGER_MARKED_UNAVAILABLE");

    HttpResponse<String> connectors = get("/v1/connectors", "Authorization", token);
    assertThat(JSON.readTree(connectors.body()).get("instances").get(0).get("id").asText()).isEqualTo("chat");
  }

  @Test
  void errorsMapToCanonicalHttpCodesAsJsonStatus() throws Exception {
    String token = "Bearer " + TestGateway.ALL_SCOPES_TOKEN;
    HttpResponse<String> invalid = post("/v1/inventory-levels", "{\"sku\":\"bad sku!\"}", "Authorization", token);
    assertThat(invalid.statusCode()).isEqualTo(400);
    JsonNode status = JSON.readTree(invalid.body());
    assertThat(status.get("code").asInt()).isEqualTo(3);
    assertThat(status.get("details").get(0).get("@type").asText()).endsWith("google.rpc.BadRequest");
    assertThat(status.get("details").get(0).get("fieldViolations").toString()).contains("\"sku\"").contains("\"cause\"");

    assertThat(get("/v1/events").statusCode()).as("no token").isEqualTo(401);
    assertThat(get("/v1/connectors", "Authorization", "Bearer " + TestGateway.READ_ONLY_TOKEN).statusCode())
        .as("wrong scope").isEqualTo(403);
    assertThat(get("/v1/cases/case_missing", "Authorization", token).statusCode()).isEqualTo(404);
    assertThat(post("/v1/cases:resolve", "{\"sku\":\"NEVER\",\"resolution\":\"RESOLUTION_RESTOCKED\"}",
        "Authorization", token).statusCode()).isEqualTo(404);
    assertThat(post("/v1/inventory-levels", "{not json", "Authorization", token).statusCode()).isEqualTo(400);
    assertThat(get("/v1/nothing-here", "Authorization", token).statusCode()).isEqualTo(404);
    assertThat(get("/v1/inventory-levels", "Authorization", token).statusCode()).as("wrong verb").isEqualTo(405);
    assertThat(post("/v1/inventory-levels", "{\"sku\":\"" + "X".repeat(4000) + "\"}", "Authorization", token).statusCode())
        .as("over the body limit").isEqualTo(413);
    assertThat(events()).isZero();
  }
}
