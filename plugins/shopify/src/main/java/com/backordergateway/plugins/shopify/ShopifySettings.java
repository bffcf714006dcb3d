package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Shopify connector instance's settings, validated once in {@code open}. {@link #toString()}
 * masks the access token.
 *
 * @param shopDomain the store's permanent {@code *.myshopify.com} domain
 * @param baseUrl where the Admin API is served: {@code https://{shop-domain}} unless a proxy or a
 *     test says otherwise
 * @param accessToken the Admin API access token ({@code X-Shopify-Access-Token}); needs the
 *     {@code write_orders} scope
 * @param apiVersion the Admin API version in the path, e.g. {@code 2026-10}
 * @param backorderTag the tag added to (and removed from) orders
 * @param orderNote whether the rendered text is also appended to the order's note
 */
record ShopifySettings(
    String shopDomain, URI baseUrl, String accessToken, String apiVersion, String backorderTag, boolean orderNote) {

  static final String SHOP_DOMAIN = "shop-domain";
  static final String BASE_URL = "base-url";
  static final String ACCESS_TOKEN = "access-token";
  static final String API_VERSION = "api-version";
  static final String BACKORDER_TAG = "backorder-tag";
  static final String ORDER_NOTE = "order-note";

  /**
   * The newest stable Admin API version when this plugin was released. Shopify releases one every
   * quarter and supports each for at least twelve months (shopify.dev/docs/api/usage/versioning);
   * operators pin another with {@code api-version}.
   */
  static final String DEFAULT_API_VERSION = "2026-10";

  /**
   * Not {@code backorder}: the Shopify webhook source treats an order tagged {@code backorder} as
   * backordered, and a tag this connector adds fires {@code orders/updated}; the same tag would
   * turn every unfulfilled item of a notified order into a backorder.
   */
  static final String DEFAULT_BACKORDER_TAG = "backorder-notified";

  /** A store's permanent domain; the Admin API is not served on custom domains. */
  private static final Pattern MYSHOPIFY_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");
  /** Stable versions are named after the first month of a quarter. */
  private static final Pattern API_VERSION_FORMAT = Pattern.compile("20[0-9]{2}-(01|04|07|10)");
  /** Shopify's limit on the length of one tag. */
  static final int MAX_TAG_LENGTH = 40;
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(SHOP_DOMAIN, "The store's permanent domain, e.g. example.myshopify.com."),
      SettingSpec.optional(BASE_URL, null, "Admin API host; defaults to https://{shop-domain}."),
      SettingSpec.requiredSecret(ACCESS_TOKEN,
          "Admin API access token of the store's app (X-Shopify-Access-Token); needs the write_orders scope."),
      SettingSpec.optional(API_VERSION, DEFAULT_API_VERSION, "Admin API version, YYYY-MM (a stable quarterly release)."),
      SettingSpec.optional(BACKORDER_TAG, DEFAULT_BACKORDER_TAG,
          "Tag added to an order on a customer notice or ETA correction and removed on resolution."),
      SettingSpec.optional(ORDER_NOTE, "false",
          "true to also append the rendered text to the order's note (read first, never overwritten)."));

  ShopifySettings {
    Objects.requireNonNull(shopDomain, "shopDomain is null");
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(accessToken, "accessToken is null");
    Objects.requireNonNull(apiVersion, "apiVersion is null");
    Objects.requireNonNull(backorderTag, "backorderTag is null");
  }

  /**
   * Reads and checks the instance's settings.
   *
   * @throws InvalidSettingsException naming the first bad key (never its value)
   */
  static ShopifySettings from(ConnectorSettings settings) {
    Objects.requireNonNull(settings, "settings is null");
    String shopDomain = settings.get(SHOP_DOMAIN).strip().toLowerCase(java.util.Locale.ROOT);
    if (!MYSHOPIFY_DOMAIN.matcher(shopDomain).matches()) {
      throw new InvalidSettingsException(SHOP_DOMAIN,
          "must be the store's permanent myshopify.com domain, such as example.myshopify.com");
    }
    String accessToken = settings.get(ACCESS_TOKEN).strip();
    if (accessToken.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new InvalidSettingsException(ACCESS_TOKEN, "must not contain spaces or control characters");
    }
    URI baseUrl = settings.find(BASE_URL).isPresent()
        ? settings.getUrl(BASE_URL) : URI.create("https://" + shopDomain);
    if (!"https".equals(baseUrl.getScheme()) && !LOCAL_HOSTS.contains(String.valueOf(baseUrl.getHost()))) {
      throw new InvalidSettingsException(BASE_URL,
          "must be https: the access token travels in every request (plain http only for localhost)");
    }
    String apiVersion = settings.get(API_VERSION).strip();
    if (!API_VERSION_FORMAT.matcher(apiVersion).matches()) {
      throw new InvalidSettingsException(API_VERSION, "must be a stable Admin API version such as "
          + DEFAULT_API_VERSION + " (year and the first month of a quarter)");
    }
    String tag = settings.get(BACKORDER_TAG).strip();
    if (tag.isEmpty() || tag.length() > MAX_TAG_LENGTH || tag.contains(",")) {
      throw new InvalidSettingsException(BACKORDER_TAG,
          "must be one tag of 1 to " + MAX_TAG_LENGTH + " characters without commas");
    }
    return new ShopifySettings(shopDomain, baseUrl, accessToken, apiVersion, tag, settings.getBoolean(ORDER_NOTE));
  }

  /** {@code {base-url}/admin/api/{api-version}/graphql.json}. */
  URI graphqlUrl() {
    return URI.create(baseUrl + "/admin/api/" + apiVersion + "/graphql.json");
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "ShopifySettings[shop-domain=" + shopDomain + ", host=" + host() + ", access-token=****, api-version="
        + apiVersion + ", backorder-tag=" + backorderTag + ", order-note=" + orderNote + "]";
  }
}
