package com.backordergateway.plugins.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The connector contract for one kind of Teams webhook URL, mimicked on the fake by its path (and
 * query): what both kinds share. Subclasses say how their kind answers.
 */
abstract class TeamsContractBase extends ConnectorContractTest {

  /** The webhook URL's path and query on the fake, in the shape of the real kind. */
  protected abstract String hookPathAndQuery();

  @Override
  protected Connector connector() {
    return new TeamsConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("webhook-url", platformUrl + hookPathAndQuery());
  }

  /** The webhook URL is the credential. */
  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("webhook-url", platform.url() + hookPathAndQuery());
  }

  @Override
  protected Notification sampleNotification() {
    return TeamsSamples.staffAlert();
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    String pathAndQuery = request.path() + (request.query().isEmpty() ? "" : "?" + request.query());
    assertThat(request.method()).isEqualTo("POST");
    assertThat(pathAndQuery).as("the URL is posted to exactly as configured").isEqualTo(hookPathAndQuery());
    assertThat(request.header("Content-Type")).contains("application/json; charset=utf-8");
    assertThat(request.header("Authorization")).as("the URL is the credential").isEmpty();
    JsonNode json = request.json();
    assertThat(json.get("type").asText()).isEqualTo("message");
    assertThat(json.get("attachments")).hasSize(1);
    JsonNode attachment = json.get("attachments").get(0);
    assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.get("content");
    assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.get("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
    assertThat(card.get("version").asText()).isEqualTo("1.2");
    assertThat(card.get("body")).extracting(block -> block.get("type").asText())
        .containsExactly("TextBlock", "TextBlock", "FactSet", "TextBlock");
    assertThat(card.at("/body/0/text").asText()).isEqualTo(TeamsSamples.SUBJECT);
    assertThat(card.at("/body/2/facts/0/title").asText()).isEqualTo("SKU");
    assertThat(card.at("/body/2/facts/0/value").asText()).isEqualTo("ACR-TITANIUM-WHITE");
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of("webhook-url", "prod-27.westus.logic.azure.com/workflows/no-scheme?sig=abc");
  }

  @Test
  void sessionAndLogsNameTheHostOnlyAndTheHostSetsTheUserAgent() throws Exception {
    scriptSuccess(platform);
    var session = openSession();
    session.deliver(sampleNotification());
    assertThat(session.toString()).contains("test-instance", "127.0.0.1:");
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("Teams webhook on 127.0.0.1:"));
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains(TeamsSamples.DELIVERY_ID, "HTTP"));
    assertThat(platform.onlyRequest().header("User-Agent")).contains(TestConnectorContext.DEFAULT_USER_AGENT);
  }
}
