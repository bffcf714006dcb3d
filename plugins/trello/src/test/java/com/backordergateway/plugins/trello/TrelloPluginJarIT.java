package com.backordergateway.plugins.trello;

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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * The packaged Trello plugin jar: the testkit's contract, with a customer notice as a new card,
 * and the jar's webhook source verifying and reading a signed card creation.
 */
class TrelloPluginJarIT extends PluginJarContract {

  private static final String TOKEN = "ATTAit0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final String SOURCE = "com.backordergateway.plugins.trello.TrelloWebhookSource";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.trello.TrelloConnector";
  }

  @Override
  protected String connectorType() {
    return "trello";
  }

  @Override
  protected List<String> otherExtensions() {
    return List.of(SOURCE);
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "api-key", "0123456789abcdef0123456789abcdef", "token", TOKEN,
        "backorder-list-id", "65f1c0ffee0ddba11a5e0001", "resolved-list-id", "65f1c0ffee0ddba11a5e0002");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200, "{\"id\":\"65f1c0ffee0ddba11a5ec0de\",\"shortUrl\":\"https://trello.com/c/AbC123\"}"));
  }

  @Override
  protected String expectedExternalId() {
    return "65f1c0ffee0ddba11a5ec0de";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/1/cards");
    assertThat(request.queryParameter("token")).hasValue(TOKEN);
    assertThat(request.json().get("idList").asText()).isEqualTo("65f1c0ffee0ddba11a5e0001");
    assertThat(request.json().get("name").asText()).isEqualTo(sample().message().subject());
  }

  @Test
  void theJarsWebhookSourceVerifiesAndReadsASignedCardCreationAndRefusesAnUnsignedOne(@TempDir Path pluginsDir)
      throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir)) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<WebhookSource> sources = plugin.extensions(WebhookSource.class);
      assertThat(sources).hasSize(1);
      WebhookSource source = sources.get(0);
      assertThat(source.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(source.getClass().getName()).isEqualTo(SOURCE);
      assertThat(source.source()).isEqualTo("trello");

      ConnectorSettings settings = ConnectorSettings.of(Map.of("app-secret", TrelloPayloads.SECRET,
          "callback-url", TrelloPayloads.CALLBACK, "backorder-list", TrelloPayloads.BACKORDER), source.settings());
      String body = TrelloPayloads.createCard(TrelloPayloads.CARD_NAME, TrelloPayloads.BACKORDER, "Backorder");
      WebhookRequest delivery = TrelloPayloads.delivery(body);
      source.verify(delivery, settings);
      WebhookOutcome outcome = source.read(delivery, settings, TestConnectorContext.create());
      assertThat(outcome.signal()).contains(UnavailableSignal.of(TrelloPayloads.ACTION, "ACR-TITANIUM-WHITE",
          "card \"" + TrelloPayloads.CARD_NAME + "\" created in Backorder on Trello", "Dana Whitfield"));

      WebhookRequest unsigned = new WebhookRequest(Map.of("Content-Type", "application/json"),
          body.getBytes(StandardCharsets.UTF_8));
      assertThat(catchThrowable(() -> source.verify(unsigned, settings)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.unauthenticated()).isTrue());
    }
  }
}
