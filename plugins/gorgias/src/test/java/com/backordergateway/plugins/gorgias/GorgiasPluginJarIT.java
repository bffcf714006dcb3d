package com.backordergateway.plugins.gorgias;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/**
 * The packaged Gorgias plugin jar: the testkit's contract, with a customer notice that looks the
 * ticket up, opens it and emails the customer from it.
 */
class GorgiasPluginJarIT extends PluginJarContract {

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.gorgias.GorgiasConnector";
  }

  @Override
  protected String connectorType() {
    return "gorgias";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "domain", "example-crafts", "email", "ops@example-crafts.com",
        "api-key", "it-gorgias-key-0123456789", "support-email", "support@example-crafts.com");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200, "{\"data\":[],\"meta\":{\"next_cursor\":null}}"),
        FakeResponse.json(201, "{\"id\":7001}"), FakeResponse.json(201, "{\"id\":88001}"));
  }

  @Override
  protected String expectedExternalId() {
    return "7001";
  }

  /** The email's HTML part is built by the bundled connector-support, so this also checks that it is in the jar. */
  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/tickets/7001/messages");
    assertThat(request.header("Authorization")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic "));
    JsonNode email = request.json();
    assertThat(email.get("channel").asText()).isEqualTo("email");
    assertThat(email.at("/source/from/address").asText()).isEqualTo("support@example-crafts.com");
    assertThat(email.at("/receiver/email").asText()).isEqualTo("maya@example.com");
    assertThat(email.has("sent_datetime")).isFalse();
    assertThat(email.get("body_html").asText()).startsWith("<p>Hi Maya,</p>").contains("Maple &amp; Thread Crafts");
  }
}
