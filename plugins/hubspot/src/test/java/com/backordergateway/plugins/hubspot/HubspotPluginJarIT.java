package com.backordergateway.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/** The packaged HubSpot plugin jar: the testkit's contract, with a contact upserted by email. */
class HubspotPluginJarIT extends PluginJarContract {

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.hubspot.HubspotConnector";
  }

  @Override
  protected String connectorType() {
    return "hubspot";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "access-token", "pat-na1-it-token-0123456789",
        "message-property", "backorder_message");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200, "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"7001\",\"new\":true,"
        + "\"properties\":{\"email\":\"maya@example.com\"}}]}"));
  }

  @Override
  protected String expectedExternalId() {
    return "7001";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/crm/v3/objects/contacts/batch/upsert");
    assertThat(request.header("Authorization")).hasValue("Bearer pat-na1-it-token-0123456789");
    JsonNode input = request.json().at("/inputs/0");
    assertThat(input.get("idProperty").asText()).isEqualTo("email");
    assertThat(input.get("id").asText()).isEqualTo("maya@example.com");
    assertThat(input.at("/properties/backorder_status").asText()).isEqualTo("backordered");
    assertThat(input.at("/properties/backorder_message").asText()).startsWith("Hi Maya,");
  }
}
