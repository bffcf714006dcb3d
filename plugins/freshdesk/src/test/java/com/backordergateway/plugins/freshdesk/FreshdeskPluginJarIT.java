package com.backordergateway.plugins.freshdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/** The packaged Freshdesk plugin jar: the testkit's contract, with a customer's ticket opened. */
class FreshdeskPluginJarIT extends PluginJarContract {

  private static final String API_KEY = "fd-it-key-0123456789";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.freshdesk.FreshdeskConnector";
  }

  @Override
  protected String connectorType() {
    return "freshdesk";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("domain", "example-crafts", "base-url", platformUrl.toString(), "api-key", API_KEY,
        "category-routing", "paint=group:101");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(201, "{\"id\":4521,\"status\":2}"));
  }

  @Override
  protected String expectedExternalId() {
    return "4521";
  }

  /** The description and the phone check come from the bundled connector-support: this also checks it is in the jar. */
  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v2/tickets");
    assertThat(request.header("Authorization")).hasValue("Basic ZmQtaXQta2V5LTAxMjM0NTY3ODk6WA==");
    JsonNode ticket = request.json();
    assertThat(ticket.get("email").asText()).isEqualTo("maya@example.com");
    assertThat(ticket.get("subject").asText()).isEqualTo("Your order #1001: Titanium White Acrylic 120 ml is on backorder");
    assertThat(ticket.get("description").asText()).startsWith("<p>Hi Maya,</p>").contains("Maple &amp; Thread Crafts");
    assertThat(ticket.get("group_id").asLong()).isEqualTo(101);
  }
}
