package com.backordergateway.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.UnavailableSignal;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.api.WebhookSource;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.HostedPlugin;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * The packaged webhook plugin jar: the testkit's contract, with a customer notice POSTed as JSON
 * the receiver can verify against the shared secret and deduplicate on the delivery id; and its
 * generic JSON source, loaded from the jar, reading a signed WMS post. The jar ships no templates
 * (the gateway's defaults render for it).
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
  protected List<String> otherExtensions() {
    return List.of("com.backordergateway.plugins.webhook.JsonSource");
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

  @Test
  void theJarsJsonSourceReadsASignedPostAndRefusesAForgedOne(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir)) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      WebhookSource source = plugin.extensions(WebhookSource.class).get(0);
      assertThat(source.source()).isEqualTo("json");
      assertThat(source.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      ConnectorSettings settings = ConnectorSettings.of(
          Map.of("secret", SECRET, "trigger", "marked-unavailable", "sku", "/sku", "dedup", "/id"), source.settings());
      byte[] body = "{\"id\":\"e-1\",\"sku\":\"PAINT-ACR-120-RED\"}".getBytes(StandardCharsets.UTF_8);
      String signature = HexFormat.of().formatHex(WebhookSignatures.hmacSha256(SECRET, body));
      WebhookRequest post = new WebhookRequest(Map.of("X-Signature", signature), body);

      source.verify(post, settings);
      UnavailableSignal signal = (UnavailableSignal) source.read(post, settings, TestConnectorContext.create())
          .signal().orElseThrow();
      assertThat(signal.deliveryId()).isEqualTo("e-1");
      assertThat(signal.sku()).isEqualTo("PAINT-ACR-120-RED");
      assertThat(catchThrowable(() -> source.verify(new WebhookRequest(Map.of("X-Signature", signature.replace('a', 'b')),
          body), settings))).isInstanceOfSatisfying(WebhookRejectedException.class,
              e -> assertThat(e.unauthenticated()).isTrue());
    }
  }
}
