package com.backordergateway.plugins.intercom;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Intercom instance's settings, validated once in {@code open}. {@link #toString()} masks the
 * access token.
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

  private static final Pattern VERSION_FORMAT = Pattern.compile("\\d+\\.\\d+|Unstable");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, DEFAULT_BASE_URL,
          "Intercom API host of the workspace's region: https://api.intercom.io (US), https://api.eu.intercom.io "
              + "or https://api.au.intercom.io."),
      SettingSpec.requiredSecret(ACCESS_TOKEN, "Access token of the Intercom app, sent as a Bearer token."),
      SettingSpec.optional(INTERCOM_VERSION, DEFAULT_VERSION, "REST API version sent in the Intercom-Version header."),
      SettingSpec.optional(EVENT_CUSTOMER_NOTICE, "backorder-created",
          "Data event submitted when a customer's item goes on backorder."),
      SettingSpec.optional(EVENT_ETA_CORRECTION, "backorder-eta-changed",
          "Data event submitted when the expected date of a backordered item changes."),
      SettingSpec.optional(EVENT_RESOLUTION, "backorder-resolved",
          "Data event submitted when a backorder ends (restocked or cancelled)."));

  IntercomSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(accessToken, "accessToken is null");
    Objects.requireNonNull(intercomVersion, "intercomVersion is null");
    Map<Purpose, String> copy = new EnumMap<>(Purpose.class);
    copy.putAll(eventNames);
    eventNames = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads and checks the instance's settings.
   *
   * @throws InvalidSettingsException naming the first bad key (never its value)
   */
  static IntercomSettings from(ConnectorSettings settings) {
    Objects.requireNonNull(settings, "settings is null");
    URI baseUrl = settings.getUrl(BASE_URL);
    if (baseUrl.getHost() == null || baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null
        || baseUrl.getRawFragment() != null) {
      throw new InvalidSettingsException(BASE_URL, "must be a plain http(s) URL such as " + DEFAULT_BASE_URL);
    }
    String token = settings.get(ACCESS_TOKEN).strip();
    if (token.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      throw new InvalidSettingsException(ACCESS_TOKEN,
          "must be the access token alone, without spaces or a 'Bearer' prefix");
    }
    String version = settings.get(INTERCOM_VERSION).strip();
    if (!VERSION_FORMAT.matcher(version).matches()) {
      throw new InvalidSettingsException(INTERCOM_VERSION, "must be an API version such as " + DEFAULT_VERSION
          + " (or Unstable)");
    }
    Map<Purpose, String> events = new EnumMap<>(Purpose.class);
    events.put(Purpose.CUSTOMER_NOTICE, eventName(settings, EVENT_CUSTOMER_NOTICE));
    events.put(Purpose.ETA_CORRECTION, eventName(settings, EVENT_ETA_CORRECTION));
    events.put(Purpose.RESOLUTION, eventName(settings, EVENT_RESOLUTION));
    return new IntercomSettings(baseUrl, token, version, events);
  }

  private static String eventName(ConnectorSettings settings, String key) {
    String name = settings.get(key).strip();
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSettingsException(key, "must not contain control characters");
    }
    return name;
  }

  /** The Submit a data event endpoint. */
  URI eventsEndpoint() {
    return URI.create(baseUrl + "/events");
  }

  /** The event a purpose is submitted as; empty for purposes Intercom is not used for (staff alerts). */
  Optional<String> eventFor(Purpose purpose) {
    return Optional.ofNullable(eventNames.get(purpose));
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "IntercomSettings[base-url=" + baseUrl + ", access-token=****, intercom-version=" + intercomVersion
        + ", events=" + eventNames + "]";
  }
}
