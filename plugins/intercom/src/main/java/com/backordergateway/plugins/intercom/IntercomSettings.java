package com.backordergateway.plugins.intercom;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Intercom instance's settings, read once in {@code open} after the host checked each value's
 * format. {@link #toString()} masks the access token.
 *
 * @param baseUrl the regional API host: {@code https://api.intercom.io} (US, the default),
 *     {@code https://api.eu.intercom.io} or {@code https://api.au.intercom.io}
 * @param accessToken the workspace's access token, sent as a Bearer token
 * @param intercomVersion the REST API version sent in the {@code Intercom-Version} header
 * @param eventNames the data event name each customer purpose is submitted as
 */
record IntercomSettings(URI baseUrl, String accessToken, String intercomVersion, Map<Purpose, String> eventNames) {

  static final String BASE_URL = "base-url";
  static final String ACCESS_TOKEN = "access-token";
  static final String INTERCOM_VERSION = "intercom-version";
  static final String EVENT_CUSTOMER_NOTICE = "event-customer-notice";
  static final String EVENT_ETA_CORRECTION = "event-eta-correction";
  static final String EVENT_RESOLUTION = "event-resolution";

  static final String DEFAULT_BASE_URL = "https://api.intercom.io";

  /** The version Intercom's REST API reference documents and its own SDKs send by default. */
  static final String DEFAULT_VERSION = "2.14";

  private static final SettingFormat EVENT_NAME =
      SettingFormat.pattern("[^\\p{Cntrl}]+", "an event name without control characters");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, SettingFormat.url(), DEFAULT_BASE_URL,
          "Intercom API host of the workspace's region: https://api.intercom.io (US), https://api.eu.intercom.io "
              + "or https://api.au.intercom.io.").withExample("https://api.eu.intercom.io"),
      SettingSpec.required(ACCESS_TOKEN, SettingFormat.secret(),
          "Access token of the Intercom app, sent as a Bearer token (the token alone, without 'Bearer')."),
      SettingSpec.optional(INTERCOM_VERSION, SettingFormat.pattern("\\d+\\.\\d+|Unstable", "an API version"),
          DEFAULT_VERSION, "REST API version sent in the Intercom-Version header."),
      SettingSpec.optional(EVENT_CUSTOMER_NOTICE, EVENT_NAME, "backorder-created",
          "Data event submitted when a customer's item goes on backorder."),
      SettingSpec.optional(EVENT_ETA_CORRECTION, EVENT_NAME, "backorder-eta-changed",
          "Data event submitted when the expected date of a backordered item changes."),
      SettingSpec.optional(EVENT_RESOLUTION, EVENT_NAME, "backorder-resolved",
          "Data event submitted when a backorder ends (restocked or cancelled)."));

  IntercomSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(accessToken, "accessToken is null");
    Objects.requireNonNull(intercomVersion, "intercomVersion is null");
    eventNames = Map.copyOf(eventNames);
  }

  /**
   * Reads the instance's settings. The one check left here: a query or fragment on the base URL
   * would end up in front of the path.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static IntercomSettings from(ConnectorSettings settings) {
    URI baseUrl = settings.getUrl(BASE_URL);
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new InvalidSettingsException(BASE_URL, "must be a plain http(s) URL such as " + DEFAULT_BASE_URL);
    }
    return new IntercomSettings(baseUrl, settings.get(ACCESS_TOKEN).strip(), settings.get(INTERCOM_VERSION).strip(),
        Map.of(Purpose.CUSTOMER_NOTICE, settings.get(EVENT_CUSTOMER_NOTICE).strip(),
            Purpose.ETA_CORRECTION, settings.get(EVENT_ETA_CORRECTION).strip(),
            Purpose.RESOLUTION, settings.get(EVENT_RESOLUTION).strip()));
  }

  /** The Submit a data event endpoint. */
  URI eventsEndpoint() {
    return URI.create(baseUrl + "/events");
  }

  /** The event a customer purpose is submitted as (the host sends this connector customer notices only). */
  String eventFor(Purpose purpose) {
    return eventNames.get(purpose);
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "IntercomSettings[base-url=" + baseUrl + ", access-token=****, intercom-version=" + intercomVersion
        + ", events=" + new TreeMap<>(eventNames) + "]";
  }
}
