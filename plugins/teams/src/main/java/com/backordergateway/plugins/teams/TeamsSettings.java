package com.backordergateway.plugins.teams;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One Teams instance's settings, validated once in {@code open}: the channel's webhook URL,
 * kept exactly as configured (a Workflows URL's query carries its signature). The URL is the
 * credential and, as the whole endpoint, also plays the part other connectors give
 * {@code base-url}. {@link #toString()} shows only its host.
 *
 * @param webhookUrl the URL to POST cards to
 */
record TeamsSettings(URI webhookUrl) {

  static final String WEBHOOK_URL = "webhook-url";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.requiredSecret(WEBHOOK_URL,
          "The channel's webhook URL: a Workflows URL (…logic.azure.com/…/triggers/manual/paths/invoke?…&sig=…, "
              + "…powerplatform.com/…) or a legacy connector URL (….webhook.office.com/webhookb2/…). "
              + "The URL is the credential."));

  TeamsSettings {
    Objects.requireNonNull(webhookUrl, "webhookUrl is null");
  }

  /**
   * Reads and checks the instance's settings.
   *
   * @throws InvalidSettingsException naming the key (never its value)
   */
  static TeamsSettings from(ConnectorSettings settings) {
    Objects.requireNonNull(settings, "settings is null");
    String value = settings.get(WEBHOOK_URL).strip();
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
    return new TeamsSettings(uri);
  }

  /** The webhook's host (and port), for logs and errors; the path and query are secret. */
  String host() {
    return webhookUrl.getPort() < 0 ? webhookUrl.getHost() : webhookUrl.getHost() + ":" + webhookUrl.getPort();
  }

  @Override
  public String toString() {
    return "TeamsSettings[host=" + host() + ", webhook-url=****]";
  }
}
