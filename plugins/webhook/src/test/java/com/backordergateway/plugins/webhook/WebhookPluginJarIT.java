package com.backordergateway.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import java.net.URI;
import java.util.Map;

/**
 * The packaged webhook plugin jar: the testkit's contract, with a customer notice POSTed as JSON
 * the receiver can verify against the shared secret and deduplicate on the delivery id. The jar
 * ships no templates (the gateway's defaults render for it).
 */
class WebhookPluginJarIT extends PluginJarContract {

  private static final String SECRET = "it-secret-0123456789abcdef";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.webhook.WebhookConnector";
  }

  @Override
  protected String connectorType() {
    return "webhook";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("url", platformUrl + "/in", "signing-secret", SECRET, "headers", "X-Tenant: crafts-eu");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200, "{\"id\":\"rcv-1\"}"));
  }

  @Override
  protected String expectedExternalId() {
    return "rcv-1";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo("/in");
    assertThat(request.header("X-Backorder-Signature")).hasValueSatisfying(
        signature -> assertThat(WebhookSignatures.matchesBase64(SECRET, request.body(), signature)).isTrue());
    assertThat(request.header("X-Backorder-Delivery-Id")).contains(sample().deliveryId());
    assertThat(request.header("X-Tenant")).contains("crafts-eu");
    assertThat(request.json().get("delivery_id").asText()).isEqualTo(sample().deliveryId());
    assertThat(request.json().get("audience").asText()).isEqualTo("CUSTOMER");
  }
}
