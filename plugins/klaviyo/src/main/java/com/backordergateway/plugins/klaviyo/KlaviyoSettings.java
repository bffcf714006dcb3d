package com.backordergateway.plugins.klaviyo;

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
 * One Klaviyo instance's settings, read once in {@code open} after the host checked each value's
 * format. {@link #toString()} masks the private API key.
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

  /** Private keys start with {@code pk_}; a public key (six-character site id) cannot create server-side events. */
  private static final SettingFormat PRIVATE_KEY = SettingFormat.pattern("pk_\\S+",
      "a Klaviyo private API key (starts with pk_, no spaces); a public key cannot create server-side events");

  /** {@code YYYY-MM-DD}, optionally with a suffix such as {@code .pre} for beta endpoints. */
  private static final SettingFormat REVISION_DATE =
      SettingFormat.pattern("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?", "a revision date");

  /** Klaviyo: a metric name "must be less than 128 characters". */
  private static final SettingFormat METRIC_NAME =
      SettingFormat.pattern("[^\\p{Cntrl}]{1,127}", "a metric name shorter than 128 characters (Klaviyo's limit)");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, SettingFormat.url(), DEFAULT_BASE_URL,
          "Klaviyo API host; change it only for a proxy or a test."),
      SettingSpec.required(PRIVATE_API_KEY, PRIVATE_KEY,
          "Private API key (pk_...) with the events:write scope, sent as 'Authorization: Klaviyo-API-Key'.")
          .withExample("pk_0123456789abcdef").masked(),
      SettingSpec.optional(REVISION, REVISION_DATE, DEFAULT_REVISION,
          "API revision (YYYY-MM-DD) sent in the revision header."),
      SettingSpec.optional(METRIC_CUSTOMER_NOTICE, METRIC_NAME, "Backorder Created",
          "Metric recorded when a customer's item goes on backorder; trigger your flow on it."),
      SettingSpec.optional(METRIC_ETA_CORRECTION, METRIC_NAME, "Backorder ETA Changed",
          "Metric recorded when the expected date of a backordered item changes."),
      SettingSpec.optional(METRIC_RESOLUTION, METRIC_NAME, "Backorder Resolved",
          "Metric recorded when a backorder ends (restocked or cancelled)."));

  KlaviyoSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(privateApiKey, "privateApiKey is null");
    Objects.requireNonNull(revision, "revision is null");
    metricNames = Map.copyOf(metricNames);
  }

  /**
   * Reads the instance's settings. The one check left here: a query or fragment on the base URL
   * would end up in front of the path.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static KlaviyoSettings from(ConnectorSettings settings) {
    URI baseUrl = settings.getUrl(BASE_URL);
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new InvalidSettingsException(BASE_URL, "must be a plain http(s) URL such as " + DEFAULT_BASE_URL);
    }
    return new KlaviyoSettings(baseUrl, settings.get(PRIVATE_API_KEY).strip(), settings.get(REVISION).strip(), Map.of(
        Purpose.CUSTOMER_NOTICE, settings.get(METRIC_CUSTOMER_NOTICE).strip(),
        Purpose.ETA_CORRECTION, settings.get(METRIC_ETA_CORRECTION).strip(),
        Purpose.RESOLUTION, settings.get(METRIC_RESOLUTION).strip()));
  }

  /** The Create Event endpoint. */
  URI eventsEndpoint() {
    return URI.create(baseUrl + "/api/events");
  }

  /** The metric a customer purpose is recorded as (the host sends this connector customer notices only). */
  String metricFor(Purpose purpose) {
    return metricNames.get(purpose);
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "KlaviyoSettings[base-url=" + baseUrl + ", private-api-key=****, revision=" + revision + ", metrics="
        + new TreeMap<>(metricNames) + "]";
  }
}
