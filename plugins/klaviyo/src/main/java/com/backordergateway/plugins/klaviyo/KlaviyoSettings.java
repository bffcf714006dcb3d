package com.backordergateway.plugins.klaviyo;

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
 * One Klaviyo instance's settings, validated once in {@code open}. {@link #toString()} masks the
 * private API key.
 *
 * @param baseUrl the API host, {@code https://a.klaviyo.com} unless a test or proxy says otherwise
 * @param privateApiKey the account's private API key ({@code pk_...}) with the {@code events:write} scope
 * @param revision the API revision sent in the {@code revision} header
 * @param metricNames the metric (Klaviyo's event type) each customer purpose is recorded as
 */
record KlaviyoSettings(URI baseUrl, String privateApiKey, String revision, Map<Purpose, String> metricNames) {

  static final String BASE_URL = "base-url";
  static final String PRIVATE_API_KEY = "private-api-key";
  static final String REVISION = "revision";
  static final String METRIC_CUSTOMER_NOTICE = "metric-customer-notice";
  static final String METRIC_ETA_CORRECTION = "metric-eta-correction";
  static final String METRIC_RESOLUTION = "metric-resolution";

  static final String DEFAULT_BASE_URL = "https://a.klaviyo.com";

  /**
   * The latest stable revision when this connector was written (Klaviyo publishes one each
   * quarter and supports it for two years; 2025 revisions are already deprecated).
   */
  static final String DEFAULT_REVISION = "2026-10-15";

  /** Klaviyo: a metric name "must be less than 128 characters". */
  static final int MAX_METRIC_NAME = 127;

  /** Klaviyo private keys start with {@code pk_}; public keys (site ids) are six characters. */
  private static final String PRIVATE_KEY_PREFIX = "pk_";

  /** {@code YYYY-MM-DD}, optionally with a suffix such as {@code .pre} for beta endpoints. */
  private static final Pattern REVISION_FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, DEFAULT_BASE_URL, "Klaviyo API host; change it only for a proxy or a test."),
      SettingSpec.requiredSecret(PRIVATE_API_KEY,
          "Private API key (pk_...) with the events:write scope, sent as 'Authorization: Klaviyo-API-Key'."),
      SettingSpec.optional(REVISION, DEFAULT_REVISION, "API revision (YYYY-MM-DD) sent in the revision header."),
      SettingSpec.optional(METRIC_CUSTOMER_NOTICE, "Backorder Created",
          "Metric recorded when a customer's item goes on backorder; trigger your flow on it."),
      SettingSpec.optional(METRIC_ETA_CORRECTION, "Backorder ETA Changed",
          "Metric recorded when the expected date of a backordered item changes."),
      SettingSpec.optional(METRIC_RESOLUTION, "Backorder Resolved",
          "Metric recorded when a backorder ends (restocked or cancelled)."));

  KlaviyoSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(privateApiKey, "privateApiKey is null");
    Objects.requireNonNull(revision, "revision is null");
    Map<Purpose, String> copy = new EnumMap<>(Purpose.class);
    copy.putAll(metricNames);
    metricNames = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads and checks the instance's settings.
   *
   * @throws InvalidSettingsException naming the first bad key (never its value)
   */
  static KlaviyoSettings from(ConnectorSettings settings) {
    Objects.requireNonNull(settings, "settings is null");
    URI baseUrl = baseUrl(settings);
    String key = settings.get(PRIVATE_API_KEY).strip();
    if (!key.startsWith(PRIVATE_KEY_PREFIX) || key.length() <= PRIVATE_KEY_PREFIX.length()
        || key.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      throw new InvalidSettingsException(PRIVATE_API_KEY,
          "must be a Klaviyo private API key (starts with pk_, no spaces); a public key cannot create server-side events");
    }
    String revision = settings.get(REVISION).strip();
    if (!REVISION_FORMAT.matcher(revision).matches()) {
      throw new InvalidSettingsException(REVISION, "must be a revision date such as " + DEFAULT_REVISION);
    }
    Map<Purpose, String> metrics = new EnumMap<>(Purpose.class);
    metrics.put(Purpose.CUSTOMER_NOTICE, metricName(settings, METRIC_CUSTOMER_NOTICE));
    metrics.put(Purpose.ETA_CORRECTION, metricName(settings, METRIC_ETA_CORRECTION));
    metrics.put(Purpose.RESOLUTION, metricName(settings, METRIC_RESOLUTION));
    return new KlaviyoSettings(baseUrl, key, revision, metrics);
  }

  private static URI baseUrl(ConnectorSettings settings) {
    URI url = settings.getUrl(BASE_URL);
    if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null
        || url.getRawFragment() != null) {
      throw new InvalidSettingsException(BASE_URL, "must be a plain http(s) URL such as " + DEFAULT_BASE_URL);
    }
    return url;
  }

  private static String metricName(ConnectorSettings settings, String key) {
    String name = settings.get(key).strip();
    if (name.length() > MAX_METRIC_NAME) {
      throw new InvalidSettingsException(key, "must be shorter than 128 characters (Klaviyo's limit)");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSettingsException(key, "must not contain control characters");
    }
    return name;
  }

  /** The Create Event endpoint. */
  URI eventsEndpoint() {
    return URI.create(baseUrl + "/api/events");
  }

  /** The metric a purpose is recorded as; empty for purposes Klaviyo is not used for (staff alerts). */
  Optional<String> metricFor(Purpose purpose) {
    return Optional.ofNullable(metricNames.get(purpose));
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "KlaviyoSettings[base-url=" + baseUrl + ", private-api-key=****, revision=" + revision + ", metrics="
        + metricNames + "]";
  }
}
