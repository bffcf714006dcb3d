package com.backordergateway.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.testkit.TestConnectorContext;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Choosing the mode: exactly one of webhook-url and bot-token, with what each mode needs. */
class SlackSettingsTest {

  private static final String WEBHOOK = "https://hooks.slack.com/services/T0CRAFTS/B0BACKORD/Xq7Lm2Np9Rs4Tv6W";
  private static final String TOKEN = "xoxb-2741-9921-Zt8kQm3LwPx7";

  @Test
  void aWebhookUrlAloneIsIncomingWebhookMode() {
    SlackSettings parsed = parse(Map.of("webhook-url", WEBHOOK));
    assertThat(parsed.mode()).isEqualTo(SlackSettings.Mode.INCOMING_WEBHOOK);
    assertThat(parsed.webhookUrl()).isEqualTo(URI.create(WEBHOOK));
    assertThat(parsed.destination()).isEqualTo("incoming webhook on hooks.slack.com");
  }

  @Test
  void aBotTokenWithAChannelIsBotTokenMode() {
    SlackSettings parsed = parse(Map.of("bot-token", TOKEN, "channel", "#backorders"));
    assertThat(parsed.mode()).isEqualTo(SlackSettings.Mode.BOT_TOKEN);
    assertThat(parsed.channel()).isEqualTo("#backorders");
    assertThat(parsed.apiBase()).isEqualTo(URI.create("https://slack.com"));
  }

  @Test
  void neitherModeIsRefusedNamingWebhookUrl() {
    assertRefused(Map.of("channel", "#backorders"), "webhook-url", "set webhook-url");
    assertRefused(Map.of(), "webhook-url", "bot-token with channel");
  }

  @Test
  void bothModesAreRefusedWithoutEchoingEitherSecret() {
    InvalidSettingsException thrown = assertRefused(
        Map.of("webhook-url", WEBHOOK, "bot-token", TOKEN, "channel", "C0BACKORD"), "bot-token", "not both");
    assertThat(thrown.getMessage()).doesNotContain(WEBHOOK, TOKEN, "Xq7Lm2Np9Rs4Tv6W");
  }

  @Test
  void botTokenModeNeedsAChannel() {
    assertRefused(Map.of("bot-token", TOKEN), "channel", "required with bot-token");
    assertRefused(Map.of("bot-token", TOKEN, "channel", "   "), "channel", "required with bot-token");
  }

  @Test
  void webhookModeRefusesAChannelItWouldIgnore() {
    assertRefused(Map.of("webhook-url", WEBHOOK, "channel", "#backorders"), "channel", "chosen when it was created");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xoxb-1-2-abc", "xoxe.xoxb-1-MTIzNDU2Nzg5MA-abc", "  xoxb-2741-9921-Zt8kQm3LwPx7  "})
  void botTokensAreAccepted(String token) {
    assertThat(parse(Map.of("bot-token", token, "channel", "C0BACKORD")).botToken()).isEqualTo(token.strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "xoxp-1234-5678-user-token", "xapp-1-A0-app-level", "Bearer xoxb-1-2-abc", "xoxb-1-2-abc\r\nX-Evil: 1",
      "xoxb-1-2-abc!", "xoxb-1-2 abc"})
  void otherTokensAreRefusedWithoutEchoingThem(String token) {
    InvalidSettingsException thrown = assertRefused(Map.of("bot-token", token, "channel", "C0BACKORD"), "bot-token",
        "must be a bot token");
    assertThat(thrown.getMessage()).doesNotContain(token.strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {"C0BACKORD", "G0PRIVATE1", "#backorders", "backorders", "#在庫"})
  void channelIdsAndNamesAreAccepted(String channel) {
    assertThat(parse(Map.of("bot-token", TOKEN, "channel", channel)).channel()).isEqualTo(channel);
  }

  @ParameterizedTest
  @ValueSource(strings = {"#back orders", "@sam", "<#C0BACKORD|backorders>", "##x", "C0BACKORD:1.2"})
  void malformedChannelsAreRefused(String channel) {
    assertRefused(Map.of("bot-token", TOKEN, "channel", channel), "channel", "channel ID");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "hooks.slack.com/services/T0/B0/secret-part", "ftp://hooks.slack.com/services/T0/B0/secret-part",
      "https://user:secret-part@hooks.slack.com/services/T0/B0/x", "https://hooks slack com/secret-part"})
  void malformedWebhookUrlsAreRefusedWithoutEchoingThem(String url) {
    InvalidSettingsException thrown = assertRefused(Map.of("webhook-url", url), "webhook-url", "http(s) URL");
    assertThat(thrown.getMessage()).doesNotContain("secret-part");
  }

  @Test
  void printedSettingsHideTheSecrets() {
    assertThat(parse(Map.of("webhook-url", WEBHOOK)).toString())
        .isEqualTo("SlackSettings[mode=incoming-webhook, webhook-url=****]");
    assertThat(parse(Map.of("bot-token", TOKEN, "channel", "C0BACKORD")).toString())
        .isEqualTo("SlackSettings[mode=bot-token, channel=C0BACKORD, bot-token=****, base-url=https://slack.com]");
  }

  @Test
  void theConnectorOpensEitherMode() {
    SlackConnector connector = new SlackConnector();
    TestConnectorContext context = TestConnectorContext.create();
    assertThat(connector.open(settings(Map.of("webhook-url", WEBHOOK)), context)).isInstanceOf(SlackWebhookSession.class);
    assertThat(connector.open(settings(Map.of("bot-token", TOKEN, "channel", "C0BACKORD")), context))
        .isInstanceOf(SlackBotSession.class);
    assertThat(context.loggedLines()).noneSatisfy(line -> assertThat(line).contains(TOKEN));
    assertThat(context.loggedLines()).noneSatisfy(line -> assertThat(line).contains("Xq7Lm2Np9Rs4Tv6W"));
  }

  private static InvalidSettingsException assertRefused(Map<String, String> configured, String key, String problem) {
    InvalidSettingsException[] thrown = new InvalidSettingsException[1];
    assertThatThrownBy(() -> new SlackConnector().open(settings(configured), TestConnectorContext.create()))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo(key);
          assertThat(e.getMessage()).contains(problem);
          thrown[0] = e;
        });
    return thrown[0];
  }

  private static SlackSettings parse(Map<String, String> configured) {
    return SlackSettings.from(settings(configured));
  }

  private static ConnectorSettings settings(Map<String, String> configured) {
    return ConnectorSettings.of(new HashMap<>(configured), SlackSettings.SPECS);
  }
}
