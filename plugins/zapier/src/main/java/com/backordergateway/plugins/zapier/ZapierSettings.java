package com.backordergateway.plugins.zapier;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One Zapier instance's settings: the Zap's Catch Hook URL and the zone for dates of staff
 * messages. The URL is the only credential (anyone holding it can start the Zap), so it is masked
 * wherever settings are shown and never logged; {@link #toString()} shows only its host.
 *
 * @param hookUrl the Catch Hook URL exactly as Zapier shows it (its trailing slash kept)
 * @param zone where {@code eta_date} is counted when the customer's zone is not known
 */
record ZapierSettings(URI hookUrl, ZoneId zone) {

  static final String HOOK_URL = "hook-url";
  static final String TIME_ZONE = "time-zone";

  /** Every Catch Hook URL Zapier gives has this path, {@code /hooks/catch/<account>/<hook>/}. */
  static final String CATCH_PATH = "/hooks/catch/";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(HOOK_URL, SettingFormat.url(),
          "The Zap's Catch Hook URL (Webhooks by Zapier, Catch Hook): https://hooks.zapier.com/hooks/catch/…/…/. "
              + "Masked: anyone holding it can start the Zap.").masked(),
      SettingSpec.optional(TIME_ZONE, SettingFormat.text(), "UTC",
          "Zone of eta_date when the customer's time zone is not known (staff messages): an IANA id.")
          .withExample("America/New_York"));

  ZapierSettings {
    Objects.requireNonNull(hookUrl, "hookUrl is null");
    Objects.requireNonNull(zone, "zone is null");
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static ZapierSettings from(ConnectorSettings settings) {
    URI hook = settings.getEndpoint(HOOK_URL);
    if (hook.getHost() == null || hook.getRawPath() == null || !hook.getRawPath().startsWith(CATCH_PATH)) {
      throw new InvalidSettingsException(HOOK_URL, "must be a Catch Hook URL, https://hooks.zapier.com"
          + CATCH_PATH + "<account>/<hook>/ (copy it from the Zap's trigger step)");
    }
    try {
      return new ZapierSettings(hook, ZoneId.of(settings.get(TIME_ZONE).strip()));
    } catch (DateTimeException e) {
      throw new InvalidSettingsException(TIME_ZONE, "must be an IANA time zone such as America/New_York");
    }
  }

  /** The hook's host (and port), for logs: the path is the secret. */
  String host() {
    return hookUrl.getPort() < 0 ? hookUrl.getHost() : hookUrl.getHost() + ":" + hookUrl.getPort();
  }

  @Override
  public String toString() {
    return "ZapierSettings[hook-url=https://" + host() + "/****, time-zone=" + zone + "]";
  }
}
