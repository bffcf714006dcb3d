package com.backordergateway.plugins.monday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.UnavailableSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSource;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.HostedPlugin;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * The packaged monday.com plugin jar: the testkit's contract, with an item created, its status
 * set and the notice posted as an update that mentions the owner, and the jar's webhook source
 * answering monday.com's challenge, reading a signed status change and refusing an unsigned one.
 */
class MondayPluginJarIT extends PluginJarContract {

  private static final String TOKEN = "it-monday-token-0123456789";
  private static final String SOURCE = "com.backordergateway.plugins.monday.MondayWebhookSource";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.monday.MondayConnector";
  }

  @Override
  protected String connectorType() {
    return "monday";
  }

  @Override
  protected List<String> otherExtensions() {
    return List.of(SOURCE);
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

  @Test
  void theJarsWebhookSourceAnswersTheChallengeReadsASignedChangeAndRefusesAnUnsignedOne(@TempDir Path pluginsDir)
      throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir)) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<WebhookSource> sources = plugin.extensions(WebhookSource.class);
      assertThat(sources).hasSize(1);
      WebhookSource source = sources.get(0);
      assertThat(source.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(source.getClass().getName()).isEqualTo(SOURCE);
      assertThat(source.source()).isEqualTo("monday");

      TestConnectorContext context = TestConnectorContext.create();
      ConnectorSettings settings = ConnectorSettings.of(Map.of("url-secret", MondayPayloads.URL_SECRET,
          "signing-secret", MondayPayloads.SIGNING_SECRET, "endpoint-url", MondayPayloads.ENDPOINT), source.settings());

      WebhookRequest challenge = MondayPayloads.withUrlSecret(MondayPayloads.CHALLENGE, MondayPayloads.URL_SECRET);
      source.verify(challenge, settings);
      WebhookOutcome answered = source.read(challenge, settings, context);
      ObjectMapper json = new ObjectMapper();
      assertThat(json.readTree(answered.reply().orElseThrow().body()))
          .isEqualTo(json.readTree(MondayPayloads.CHALLENGE));

      String token = MondayPayloads.appToken(MondayPayloads.SIGNING_SECRET, Instant.parse("2026-03-02T09:29:41Z"),
          MondayPayloads.ENDPOINT);
      WebhookRequest change = MondayPayloads.withToken(MondayPayloads.STATUS_TO_BACKORDER, token);
      source.verify(change, settings);
      assertThat(source.read(change, settings, context).signal()).hasValue(UnavailableSignal.of(
          MondayPayloads.TRIGGER_UUID, MondayPayloads.SKU,
          "status set to Backorder on monday.com (board 3139815742, item 3139815770)", "monday.com user 9603417"));

      WebhookRequest unsigned = MondayPayloads.unsigned(MondayPayloads.STATUS_TO_BACKORDER);
      assertThat(catchThrowable(() -> source.verify(unsigned, settings)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.unauthenticated()).isTrue());
    }
  }
}
