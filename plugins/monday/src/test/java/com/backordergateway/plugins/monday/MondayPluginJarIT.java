package com.backordergateway.plugins.monday;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/**
 * The packaged monday.com plugin jar: the testkit's contract, with an item created, its status
 * set and the notice posted as an update that mentions the owner.
 */
class MondayPluginJarIT extends PluginJarContract {

  private static final String TOKEN = "it-monday-token-0123456789";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.monday.MondayConnector";
  }

  @Override
  protected String connectorType() {
    return "monday";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "api-token", TOKEN, "board-id", "1234567890",
        "status-column-id", "status", "owner-user-ids", "12345678");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(
        FakeResponse.json(200, "{\"data\":{\"create_item\":{\"id\":\"7001\"}},\"account_id\":4242}"),
        FakeResponse.json(200, "{\"data\":{\"status\":{\"id\":\"7001\"}},\"account_id\":4242}"),
        FakeResponse.json(200, "{\"data\":{\"create_update\":{\"id\":\"9001\"}},\"account_id\":4242}"));
  }

  @Override
  protected String expectedExternalId() {
    return "7001";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v2");
    assertThat(request.header("Authorization")).hasValue(TOKEN);
    assertThat(request.header("API-Version")).hasValue("2025-10");
    JsonNode graphql = request.json();
    assertThat(graphql.get("query").asText()).contains("create_update(item_id: $itemId, body: $body, "
        + "mentions_list: $mentionsList)");
    assertThat(graphql.at("/variables/itemId").asText()).isEqualTo("7001");
    assertThat(graphql.at("/variables/body").asText()).startsWith("<p><strong>Your order #1001:")
        .contains("<p>Hi Maya,</p>");
    assertThat(graphql.at("/variables/mentionsList")).hasToString("[{\"id\":\"12345678\",\"type\":\"User\"}]");
  }
}
