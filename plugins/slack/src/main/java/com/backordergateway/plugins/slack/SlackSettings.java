package com.backordergateway.plugins.slack;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Slack instance's settings, as the host checked them against {@link #SPECS}: either
 * incoming-webhook mode ({@code webhook-url}) or bot-token mode ({@code bot-token} and {@code
 * channel}, against {@code base-url}), never both. Only the choice of mode, and that a webhook URL
 * are checked here. {@link #toString()} masks the webhook URL and the token.
 *
 * @param mode which of the two ways this instance posts
 * @param webhookUrl the incoming webhook, exactly as configured (incoming-webhook mode), else null
 * @param botToken the bot token (bot-token mode), else null
 * @param channel the channel ID or name to post to (bot-token mode), else null
 * @param apiBase the Web API base URL without trailing slash (bot-token mode), else null
 */
record SlackSettings(Mode mode, URI webhookUrl, String botToken, String channel, URI apiBase) {

  /** How an instance posts. */
  enum Mode { INCOMING_WEBHOOK, BOT_TOKEN }

  static final String WEBHOOK_URL = "webhook-url";
  static final String BOT_TOKEN = "bot-token";
  static final String CHANNEL = "channel";
  static final String BASE_URL = "base-url";

  static final String DEFAULT_BASE_URL = "https://slack.com";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(WEBHOOK_URL, SettingFormat.url(), null,
          "Incoming-webhook mode: the URL Slack created for the channel (https://hooks.slack.com/services/T…/B…/…). "
              + "The URL is the credential.").masked(),
      // Bot tokens, also with token rotation on (xoxe.xoxb-…): a secret of a known shape.
      SettingSpec.optional(BOT_TOKEN, SettingFormat.pattern("(xoxe\\.)?xoxb-[A-Za-z0-9-]+",
              "a bot token (xoxb-…); user (xoxp-) and app-level (xapp-) tokens are not accepted"),
          null, "Bot-token mode: the app's bot token with the chat:write scope.").masked(),
      SettingSpec.optional(CHANNEL, SettingFormat.pattern("#?[^\\s#@<>&:]{1,80}",
              "a channel ID (C0123ABCD) or name (#backorders), without spaces, mentions or markup"),
          null, "Bot-token mode: the channel to post to; the bot must be a member.").withExample("C0BACKORD"),
      SettingSpec.optional(BASE_URL, SettingFormat.url(), DEFAULT_BASE_URL,
          "Bot-token mode: Slack Web API base URL; chat.postMessage is called at {base-url}/api/chat.postMessage."));

  SlackSettings {
    Objects.requireNonNull(mode, "mode is null");
    if (mode == Mode.INCOMING_WEBHOOK) {
      Objects.requireNonNull(webhookUrl, "webhookUrl is null");
    } else {
      Objects.requireNonNull(botToken, "botToken is null");
      Objects.requireNonNull(channel, "channel is null");
      Objects.requireNonNull(apiBase, "apiBase is null");
    }
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static SlackSettings from(ConnectorSettings settings) {
    Optional<String> webhook = settings.find(WEBHOOK_URL);
    Optional<String> token = settings.find(BOT_TOKEN).map(String::strip);
    Optional<String> channel = settings.find(CHANNEL).map(String::strip);
    if (webhook.isPresent() && token.isPresent()) {
      throw new InvalidSettingsException(BOT_TOKEN,
          "set either webhook-url (incoming-webhook mode) or bot-token with channel (bot-token mode), not both");
    }
    if (webhook.isEmpty() && token.isEmpty()) {
      throw new InvalidSettingsException(WEBHOOK_URL,
          "set webhook-url (incoming-webhook mode) or bot-token with channel (bot-token mode)");
    }
    if (webhook.isPresent()) {
      if (channel.isPresent()) {
        throw new InvalidSettingsException(CHANNEL,
            "is for bot-token mode; an incoming webhook posts to the channel chosen when it was created");
      }
      return new SlackSettings(Mode.INCOMING_WEBHOOK, settings.getEndpoint(WEBHOOK_URL), null, null, null);
    }
    String target = channel.orElseThrow(() -> new InvalidSettingsException(CHANNEL, "required with bot-token"));
    return new SlackSettings(Mode.BOT_TOKEN, null, token.get(), target, settings.getUrl(BASE_URL));
  }

  /** Where messages go, for logs: the webhook's host, or the channel and API host. Never a secret. */
  String destination() {
    return mode == Mode.INCOMING_WEBHOOK
        ? "incoming webhook on " + hostOf(webhookUrl)
        : "channel " + channel + " via " + hostOf(apiBase);
  }

  private static String hostOf(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  @Override
  public String toString() {
    return mode == Mode.INCOMING_WEBHOOK
        ? "SlackSettings[mode=incoming-webhook, webhook-url=****]"
        : "SlackSettings[mode=bot-token, channel=" + channel + ", bot-token=****, base-url=" + apiBase + "]";
  }
}
