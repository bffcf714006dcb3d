package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One WooCommerce connector instance's settings, read once in {@code open} after the host checked
 * each value's format. {@link #toString()} masks both keys.
 *
 * @param baseUrl the store's address, where WordPress serves {@code /wp-json/}; https, because the
 *     REST API keys travel in every request's Basic credentials
 * @param consumerKey the REST API key's consumer key ({@code ck_…}), the Basic user
 * @param consumerSecret its consumer secret ({@code cs_…}), the Basic password
 */
record WooCommerceSettings(URI baseUrl, String consumerKey, String consumerSecret) {

  static final String BASE_URL = "base-url";
  static final String CONSUMER_KEY = "consumer-key";
  static final String CONSUMER_SECRET = "consumer-secret";

  /**
   * Hosts where plain http is accepted: a store on the gateway's own machine, and the tests' fake.
   * WooCommerce itself accepts Basic credentials over https only (over http it wants OAuth 1.0a
   * signatures), so anything else would fail at the first delivery, or leak the keys to a proxy.
   */
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(BASE_URL, SettingFormat.url(),
          "The store's https address, where WordPress serves /wp-json/ (plain http only for localhost).")
          .withExample("https://shop.example.com"),
      SettingSpec.required(CONSUMER_KEY, SettingFormat.secret(),
          "REST API consumer key (ck_...) with Read/Write permission."),
      SettingSpec.required(CONSUMER_SECRET, SettingFormat.secret(),
          "REST API consumer secret (cs_...) of the same key."));

  WooCommerceSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(consumerKey, "consumerKey is null");
    Objects.requireNonNull(consumerSecret, "consumerSecret is null");
  }

  /**
   * Reads the instance's settings. Left here are the checks no format expresses: https unless the
   * host is local, no query or fragment, and the keys' {@code ck_} / {@code cs_} prefixes and the
   * colon that would break the Basic credentials (a secret format checks spaces and control
   * characters, but cannot say what a secret starts with without showing it).
   *
   * @throws InvalidSettingsException naming the first bad key (never its value)
   */
  static WooCommerceSettings from(ConnectorSettings settings) {
    URI baseUrl = settings.getUrl(BASE_URL);
    if (!"https".equals(baseUrl.getScheme()) && !LOCAL_HOSTS.contains(String.valueOf(baseUrl.getHost()))) {
      throw new InvalidSettingsException(BASE_URL, "must be https: WooCommerce takes the API keys as Basic "
          + "credentials over https only (plain http only for localhost)");
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new InvalidSettingsException(BASE_URL, "must be the store's address without query or fragment");
    }
    String key = key(settings, CONSUMER_KEY, "ck_");
    String secret = key(settings, CONSUMER_SECRET, "cs_");
    return new WooCommerceSettings(baseUrl, key, secret);
  }

  private static String key(ConnectorSettings settings, String name, String prefix) {
    String value = settings.get(name).strip();
    if (!value.startsWith(prefix) || value.length() <= prefix.length()) {
      throw new InvalidSettingsException(name, "must be the " + prefix + "... value WooCommerce showed when the key was "
          + "created (WooCommerce › Settings › Advanced › REST API)");
    }
    if (value.indexOf(':') >= 0) {
      throw new InvalidSettingsException(name, "must not contain a colon (it separates the key from the secret)");
    }
    return value;
  }

  /** {@code {base-url}/wp-json/wc/v3/orders/{id}}. */
  URI orderUrl(String orderId) {
    return URI.create(baseUrl + "/wp-json/wc/v3/orders/" + orderId);
  }

  /** {@code {base-url}/wp-json/wc/v3/orders/{id}/notes}. */
  URI notesUrl(String orderId) {
    return URI.create(baseUrl + "/wp-json/wc/v3/orders/" + orderId + "/notes");
  }

  /** The store's host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "WooCommerceSettings[base-url=" + baseUrl + ", consumer-key=****, consumer-secret=****]";
  }
}
