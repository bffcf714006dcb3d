package com.backordergateway.plugins.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/** The packaged SendGrid plugin jar: the testkit's contract, with an email sent through Mail Send. */
class SendGridPluginJarIT extends PluginJarContract {

  private static final String API_KEY = "SG.it-key.0123456789abcdef";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.sendgrid.SendGridConnector";
  }

  @Override
  protected String connectorType() {
    return "sendgrid";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "api-key", API_KEY, "from-email", "orders@example-crafts.com");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.status(202).header("X-Message-Id", "it-message-1"));
  }

  @Override
  protected String expectedExternalId() {
    return "it-message-1";
  }

  /** The HTML part is built by the bundled connector-support, so this also checks that it is in the jar. */
  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo("/v3/mail/send");
    assertThat(request.header("Authorization")).contains("Bearer " + API_KEY);
    JsonNode json = request.json();
    assertThat(json.at("/personalizations/0/to/0/email").asText()).isEqualTo("maya@example.com");
    assertThat(json.get("subject").asText()).isEqualTo("Your order #1001: Titanium White Acrylic 120 ml is on backorder");
    assertThat(json.at("/content/0/value").asText()).startsWith("Hi Maya,");
    assertThat(json.at("/content/1/value").asText()).startsWith("<p>Hi Maya,</p>").contains("Maple &amp; Thread Crafts");
  }
}
