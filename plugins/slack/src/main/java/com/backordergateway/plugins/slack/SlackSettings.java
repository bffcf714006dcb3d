package com.backordergateway.plugins.slack;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Slack instance's settings, validated once in {@code open}: either incoming-webhook mode
 * ({@code webhook-url}) or bot-token mode ({@code bot-token} and {@code channel}, against
 * {@code base-url}), never both. {@link #toString()} masks the webhook URL and the token.
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

  /** Bot tokens, also with token rotation on ({@code xoxe.xoxb-…}); letters, digits, dashes. */
  private static final Pattern BOT_TOKEN_FORMAT = Pattern.compile("(xoxe\\.)?xoxb-[A-Za-z0-9-]+");

  /** A channel ID (C…, G…) or name (with or without #); no spaces, mentions or markup. */
  private static final Pattern CHANNEL_FORMAT = Pattern.compile("#?[^\\s#@<>&:]{1,80}");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optionalSecret(WEBHOOK_URL,
          "Incoming-webhook mode: the URL Slack created for the channel (https://hooks.slack.com/services/T…/B…/…). "
              + "The URL is the credential."),
      SettingSpec.optionalSecret(BOT_TOKEN,
          "Bot-token mode: the app's bot token (xoxb-…) with the chat:write scope."),
      SettingSpec.optional(CHANNEL, null,
          "Bot-token mode: channel ID (C0123ABCD) or name (#backorders); the bot must be a member."),
      SettingSpec.optional(BASE_URL, DEFAULT_BASE_URL,
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
   * Reads and checks the instance's settings.
   *
   * @throws InvalidSettingsException naming the first bad key (never its value)
   */
  static SlackSettings from(ConnectorSettings settings) {
    Objects.requireNonNull(settings, "settings is null");
    Optional<String> webhook = present(settings, WEBHOOK_URL);
    Optional<String> token = present(settings, BOT_TOKEN);
    Optional<String> channel = present(settings, CHANNEL);
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
      return new SlackSettings(Mode.INCOMING_WEBHOOK, webhookUrl(webhook.get()), null, null, null);
    }
    if (!BOT_TOKEN_FORMAT.matcher(token.get()).matches()) {
      throw new InvalidSettingsException(BOT_TOKEN,
          "must be a bot token (xoxb-…); user (xoxp-) and app-level (xapp-) tokens are not accepted");
    }
    String target = channel.orElseThrow(() -> new InvalidSettingsException(CHANNEL, "required with bot-token"));
    if (!CHANNEL_FORMAT.matcher(target).matches()) {
      throw new InvalidSettingsException(CHANNEL, "must be a channel ID (C0123ABCD) or name (#backorders)");
    }
    return new SlackSettings(Mode.BOT_TOKEN, null, token.get(), target, settings.getUrl(BASE_URL));
  }

  private static Optional<String> present(ConnectorSettings settings, String key) {
    return settings.find(key).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static URI webhookUrl(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidSettingsException(WEBHOOK_URL, "must be an absolute http(s) URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new InvalidSettingsException(WEBHOOK_URL, "must be an absolute http(s) URL");
    }
    return uri;
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
