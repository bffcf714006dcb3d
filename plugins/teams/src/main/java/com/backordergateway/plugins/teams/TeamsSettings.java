package com.backordergateway.plugins.teams;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One Teams instance's settings, as the host checked them against {@link #SPECS}: the channel's
 * webhook URL, kept exactly as configured (a Workflows URL's query carries its signature). The URL
 * is the credential and, as the whole endpoint, also plays the part other connectors give
 * {@code base-url}. {@link #toString()} shows only its host.
 *
 * @param webhookUrl the URL to POST cards to
 */
record TeamsSettings(URI webhookUrl) {

  static final String WEBHOOK_URL = "webhook-url";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(WEBHOOK_URL, SettingFormat.url(),
          "The channel's webhook URL: a Workflows URL (…logic.azure.com/…/triggers/manual/paths/invoke?…&sig=…, "
              + "…powerplatform.com/…) or a legacy connector URL (….webhook.office.com/webhookb2/…). "
              + "The URL is the credential.").masked());

  TeamsSettings {
    Objects.requireNonNull(webhookUrl, "webhookUrl is null");
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the key (never its value)
   */
  static TeamsSettings from(ConnectorSettings settings) {
    return new TeamsSettings(settings.getEndpoint(WEBHOOK_URL));
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
