package com.backordergateway.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Incoming-webhook mode against a fake {@code hooks.slack.com}: the connector contract with
 * Slack's plain-text error codes, and what a webhook cannot do (threads, message ids).
 */
class SlackWebhookModeTest extends ConnectorContractTest {

  private static final String HOOK_PATH = "/services/T0CRAFTS/B0BACKORD/Xq7Lm2Np9Rs4Tv6WzY1b3C5d";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new SlackConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("webhook-url", platformUrl + HOOK_PATH);
  }

  /** The webhook URL is the credential. */
  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("webhook-url", platform.url() + HOOK_PATH);
  }

  @Override
  protected Notification sampleNotification() {
    return SlackSamples.staffAlert();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(FakeResponse.status(200).header("Content-Type", "text/html").body("ok"));
  }

  /** Slack returns no id for a webhook post; the delivery id stands in. */
  @Override
  protected String expectedExternalId() {
    return SlackSamples.DELIVERY_ID;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(HOOK_PATH);
    assertThat(request.header("Content-Type")).contains("application/json; charset=utf-8");
    assertThat(request.header("Authorization")).as("the URL is the credential").isEmpty();
    JsonNode json = request.json();
    assertThat(json.get("text").asText()).startsWith(SlackSamples.SUBJECT);
    assertThat(json.get("blocks")).extracting(block -> block.get("type").asText())
        .containsExactly("header", "section", "section", "context");
    assertThat(json.has("channel")).as("a webhook is bound to its channel").isFalse();
  }

  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.status(429).header("Content-Type", "text/html").header("Retry-After", retryAfter)
        .body("rate_limited"));
  }

  /** The statuses Slack's incoming-webhook docs list, each with one of its codes. */
  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 403, 404, 410);
  }

  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.status(status).header("Content-Type", "text/html").body(clientErrorBody(status)));
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "invalid_payload";
      case 403 -> "action_prohibited";
      case 404 -> "no_service";
      case 410 -> "channel_is_archived";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return "Slack incoming webhook answered HTTP " + status + ": " + clientErrorBody(status);
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "webhook-url", "hooks.slack.com/services/T0CRAFTS/B0BACKORD/no-scheme",
        "channel", "#backorders");
  }

  // ---- Webhook specifics --------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
      "400, user_not_found", "400, no_service_id", "400, too_many_attachments", "403, invalid_token",
      "403, posting_to_general_channel_denied", "404, channel_not_found", "404, no_team", "404, team_disabled"})
  void everyDocumentedWebhookErrorIsPermanentWithItsCode(int status, String code) {
    platform.enqueue(FakeResponse.status(status).header("Content-Type", "text/html").body(code));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage()).contains("HTTP " + status + ": " + code);
  }

  @Test
  void followUpsArePostedAsNewMessagesBecauseAWebhookCannotThread() throws Exception {
    scriptSuccess(platform);
    DeliveryReceipt receipt = openSession().deliver(SlackSamples.followUp("dlv-slack-0002", "C0BACKORD:1772443800.000100"));
    JsonNode json = platform.onlyRequest().json();
    assertThat(json.has("thread_ts")).isFalse();
    assertThat(json.has("channel")).isFalse();
    assertThat(receipt).isEqualTo(new DeliveryReceipt("dlv-slack-0002", ""));
  }

  @Test
  void theWebhookUrlIsUsedExactlyAndLoggedByHostOnly() throws Exception {
    scriptSuccess(platform);
    var session = openSession();
    session.deliver(sampleNotification());
    assertThat(platform.onlyRequest().path()).isEqualTo(HOOK_PATH);
    assertThat(session.toString()).contains("incoming webhook on 127.0.0.1:");
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("incoming webhook on 127.0.0.1:"));
  }
}
