package com.backordergateway.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bot-token mode against a fake Slack Web API: the connector contract, adapted to Slack's habit
 * of reporting failures inside HTTP 200 as {@code ok:false}, and threading of follow-ups.
 */
class SlackBotModeTest extends ConnectorContractTest {

  private static final String TOKEN = "xoxb-2741-9921-Zt8kQm3LwPx7";
  private static final String CHANNEL = "C0BACKORD";
  private static final String TS = "1772443800.000100";
  private static final String POST_MESSAGE = "/api/chat.postMessage";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new SlackConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("bot-token", TOKEN, "channel", CHANNEL, "base-url", platformUrl.toString());
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("bot-token", TOKEN);
  }

  @Override
  protected Notification sampleNotification() {
    return SlackSamples.staffAlert();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(posted(CHANNEL, TS));
  }

  @Override
  protected String expectedExternalId() {
    return CHANNEL + ":" + TS;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(POST_MESSAGE);
    assertThat(request.header("Authorization")).contains("Bearer " + TOKEN);
    assertThat(request.header("Content-Type")).contains("application/json; charset=utf-8");
    JsonNode json = request.json();
    assertThat(json.get("channel").asText()).isEqualTo(CHANNEL);
    assertThat(json.get("text").asText()).startsWith(SlackSamples.SUBJECT + "\n*Titanium White");
    assertThat(json.get("blocks").isArray()).isTrue();
    assertThat(json.get("blocks")).extracting(block -> block.get("type").asText())
        .containsExactly("header", "section", "section", "context");
    assertThat(json.has("thread_ts")).as("a first message starts its own thread").isFalse();
  }

  /** Slack's Web API rate limit: a real 429 with Retry-After and an ok:false body. */
  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.json(429, "{\"ok\":false,\"error\":\"ratelimited\"}").header("Retry-After", retryAfter));
  }

  /**
   * The Web API answers client errors with HTTP 200 and {@code ok:false}; the status numbers only
   * label what a REST API would have said for each of Slack's codes.
   */
  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404);
  }

  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.json(200, clientErrorBody(status)));
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"ok\":false,\"error\":\"invalid_blocks\",\"errors\":[\"must be less than 3001 characters\"],"
          + "\"response_metadata\":{\"messages\":[\"[ERROR] must be less than 3001 characters "
          + "[json-pointer:/blocks/1/text/text]\"]}}";
      case 401 -> "{\"ok\":false,\"error\":\"invalid_auth\"}";
      case 403 -> "{\"ok\":false,\"error\":\"not_in_channel\"}";
      case 404 -> "{\"ok\":false,\"error\":\"channel_not_found\"}";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "invalid_blocks ([ERROR] must be less than 3001 characters [json-pointer:/blocks/1/text/text])";
      case 401 -> "invalid_auth";
      case 403 -> "not_in_channel";
      case 404 -> "channel_not_found";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "bot-token", "xoxp-1234-5678-user-token",
        "channel", "#back orders",
        "base-url", "ftp://slack.example.com");
  }

  // ---- Descriptor ---------------------------------------------------------------------------------

  @Test
  void describesTheSlackType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("slack");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(1, 1));
    assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key)
        .containsExactly("webhook-url", "bot-token", "channel", "base-url");
    assertThat(descriptor.settings()).allSatisfy(spec -> assertThat(spec.required()).isFalse());
    assertThat(descriptor.setting("webhook-url")).hasValueSatisfying(s -> {
      assertThat(s.secret()).as("the URL is the credential").isTrue();
      assertThat(s.format()).isEqualTo(SettingFormat.url());
    });
    assertThat(descriptor.setting("bot-token")).hasValueSatisfying(s -> {
      assertThat(s.secret()).isTrue();
      assertThat(s.format().typeName()).isEqualTo("pattern");
    });
    assertThat(descriptor.setting("channel"))
        .hasValueSatisfying(s -> assertThat(s.format().typeName()).isEqualTo("pattern"));
    assertThat(descriptor.setting("base-url")).hasValueSatisfying(s -> {
      assertThat(s.defaultValue()).isEqualTo("https://slack.com");
      assertThat(s.format()).isEqualTo(SettingFormat.url());
    });
  }

  // ---- Threads ------------------------------------------------------------------------------------

  @Test
  void followUpIsPostedIntoTheThreadOfTheCasesFirstMessage() throws Exception {
    platform.enqueue(posted(CHANNEL, "1772447400.000200"));
    DeliveryReceipt receipt = openSession().deliver(SlackSamples.followUp("dlv-slack-0002", CHANNEL + ":" + TS));

    JsonNode json = platform.onlyRequest().json();
    assertThat(json.get("channel").asText()).isEqualTo(CHANNEL);
    assertThat(json.get("thread_ts").asText()).isEqualTo(TS);
    assertThat(receipt.externalId()).as("the reply's own id").isEqualTo(CHANNEL + ":1772447400.000200");
    assertThat(receipt.reference()).as("later follow-ups still reply to the first message").isEqualTo(CHANNEL + ":" + TS);
  }

  @Test
  void firstMessageToAChannelNameIsReferencedByTheChannelIdSlackAnswers() throws Exception {
    Map<String, String> byName = new HashMap<>(validSettings(platform.url()));
    byName.put("channel", "#backorders");
    platform.enqueue(posted(CHANNEL, TS), posted(CHANNEL, "1772447400.000200"));
    var session = openSession(byName);

    DeliveryReceipt first = session.deliver(sampleNotification());
    session.deliver(SlackSamples.followUp("dlv-slack-0002", first.reference()));

    assertThat(platform.requests().get(0).json().get("channel").asText()).isEqualTo("#backorders");
    assertThat(first.reference()).isEqualTo(CHANNEL + ":" + TS);
    JsonNode reply = platform.requests().get(1).json();
    assertThat(reply.get("channel").asText()).isEqualTo(CHANNEL);
    assertThat(reply.get("thread_ts").asText()).isEqualTo(TS);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "evt_81723", "C0BACKORD:", ":1772443800.000100", "C0BACKORD:not-a-ts", "C0 BACK:1.2"})
  void referenceThatIsNoSlackThreadStartsANewMessage(String reference) throws Exception {
    platform.enqueue(posted(CHANNEL, "1772447400.000200"));
    DeliveryReceipt receipt = openSession().deliver(SlackSamples.followUp("dlv-slack-0002", reference));
    JsonNode json = platform.onlyRequest().json();
    assertThat(json.has("thread_ts")).isFalse();
    assertThat(json.get("channel").asText()).isEqualTo(CHANNEL);
    assertThat(receipt.reference()).isEqualTo(CHANNEL + ":1772447400.000200");
  }

  // ---- Slack's answers ----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "channel_not_found", "not_in_channel", "is_archived", "invalid_auth", "not_authed", "account_inactive",
      "token_revoked", "token_expired", "no_permission", "missing_scope", "restricted_action", "msg_too_long",
      "invalid_blocks", "ekm_access_denied", "team_access_not_granted"})
  void okFalseWithAClientErrorIsPermanentAndNamesTheCode(String code) {
    platform.enqueue(FakeResponse.json(200, "{\"ok\":false,\"error\":\"" + code + "\"}"));
    PermanentDeliveryException thrown = deliverExpecting(PermanentDeliveryException.class);
    assertThat(thrown.getMessage()).contains("ok:false", "error " + code).doesNotContain(TOKEN);
  }

  @Test
  void missingScopeSaysWhichScopeTheAppNeeds() {
    platform.enqueue(FakeResponse.json(200,
        "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"chat:write\",\"provided\":\"channels:read\"}"));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage())
        .contains("missing_scope", "needs scope chat:write");
  }

  @Test
  void ratelimitedInsideA200IsRetryableAfterItsRetryAfter() {
    platform.enqueue(FakeResponse.json(200, "{\"ok\":false,\"error\":\"ratelimited\"}").header("Retry-After", "30"));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(thrown.getMessage()).contains("ratelimited");
  }

  @Test
  void ratelimitedWithoutRetryAfterLeavesTheWaitToTheHost() {
    platform.enqueue(FakeResponse.json(200, "{\"ok\":false,\"error\":\"ratelimited\"}"));
    assertThat(deliverExpecting(RetryableDeliveryException.class).retryAfter()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org"})
  void slacksTransientErrorsAreRetryable(String code) {
    platform.enqueue(FakeResponse.json(200, "{\"ok\":false,\"error\":\"" + code + "\"}"));
    assertThat(deliverExpecting(RetryableDeliveryException.class).getMessage()).contains(code);
  }

  @Test
  void okFalseWithoutACodeIsPermanent() {
    platform.enqueue(FakeResponse.json(200, "{\"ok\":false}"));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage()).contains("unknown_error");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 410})
  void realHttpClientErrorsArePermanent(int status) {
    platform.enqueue(FakeResponse.status(status).header("Content-Type", "text/plain").body("Not Found"));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage())
        .contains("Slack Web API answered HTTP " + status, "Not Found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html><body>Service Unavailable</body></html>", "", "[1,2]", "ok"})
  void aSuccessStatusWithoutSlacksJsonAnswerIsRetriedNotTakenForDelivered(String body) {
    platform.enqueue(FakeResponse.status(200).header("Content-Type", "text/html").body(body));
    assertThat(deliverExpecting(RetryableDeliveryException.class).getMessage()).contains("without its JSON answer");
  }

  @Test
  void okWithoutATimestampIsDeliveredUnderTheDeliveryId() throws Exception {
    platform.enqueue(FakeResponse.json(200, "{\"ok\":true,\"channel\":\"C0BACKORD\"}"));
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt).isEqualTo(new DeliveryReceipt(SlackSamples.DELIVERY_ID, ""));
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("without a message ts"));
  }

  // ---- What is sent -------------------------------------------------------------------------------

  @Test
  void defaultBaseUrlIsSlacksApiHost() {
    Map<String, String> withoutBase = new HashMap<>(validSettings(platform.url()));
    withoutBase.remove("base-url");
    SlackSettings parsed = SlackSettings.from(settings(withoutBase));
    assertThat(parsed.apiBase()).isEqualTo(URI.create("https://slack.com"));
    assertThat(parsed.destination()).isEqualTo("channel C0BACKORD via slack.com");
  }

  @Test
  void baseUrlWithAPathPrefixAndTrailingSlashIsJoinedCleanly() throws Exception {
    Map<String, String> prefixed = new HashMap<>(validSettings(platform.url()));
    prefixed.put("base-url", platform.url() + "/slack-proxy/");
    scriptSuccess(platform);
    openSession(prefixed).deliver(sampleNotification());
    assertThat(platform.onlyRequest().path()).isEqualTo("/slack-proxy/api/chat.postMessage");
  }

  @Test
  void sendsTheHostsUserAgentAndLogsWithoutTheToken() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    assertThat(platform.onlyRequest().header("User-Agent")).contains(TestConnectorContext.DEFAULT_USER_AGENT);
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("channel C0BACKORD"));
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains(SlackSamples.DELIVERY_ID, "HTTP 200"));
  }

  private static FakeResponse posted(String channel, String ts) {
    return FakeResponse.json(200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\","
        + "\"message\":{\"type\":\"message\",\"subtype\":\"bot_message\",\"text\":\"Sold out\",\"ts\":\"" + ts + "\","
        + "\"bot_id\":\"B0GATEWAY\"}}");
  }
}
