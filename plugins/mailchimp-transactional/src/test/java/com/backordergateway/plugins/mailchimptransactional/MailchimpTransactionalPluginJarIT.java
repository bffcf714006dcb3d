package com.backordergateway.plugins.mailchimptransactional;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The packaged Mailchimp Transactional plugin jar: the testkit's contract, with an email sent through send-template. */
class MailchimpTransactionalPluginJarIT extends PluginJarContract {

  private static final String API_KEY = "it-mandrill-key-0123";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.mailchimptransactional.MailchimpTransactionalConnector";
  }

  @Override
  protected String connectorType() {
    return "mailchimp-transactional";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl + "/api/1.0", "api-key", API_KEY, "template-name", "backorder-notice");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200,
        "[{\"email\":\"maya@example.com\",\"status\":\"sent\",\"_id\":\"it-id-1\",\"reject_reason\":null}]"));
  }

  @Override
  protected String expectedExternalId() {
    return "it-id-1";
  }

  /** body_html is built by the bundled connector-support, so this also checks that it is in the jar. */
  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo("/api/1.0/messages/send-template");
    JsonNode json = request.json();
    assertThat(json.get("key").asText()).isEqualTo(API_KEY);
    assertThat(json.get("template_name").asText()).isEqualTo("backorder-notice");
    assertThat(json.at("/message/to/0/email").asText()).isEqualTo("maya@example.com");
    Map<String, String> vars = new HashMap<>();
    json.at("/message/global_merge_vars").forEach(v -> vars.put(v.get("name").asText(), v.get("content").asText()));
    assertThat(vars.get("body")).startsWith("Hi Maya,");
    assertThat(vars.get("body_html")).startsWith("<p>Hi Maya,</p>").contains("Maple &amp; Thread Crafts");
  }
}
