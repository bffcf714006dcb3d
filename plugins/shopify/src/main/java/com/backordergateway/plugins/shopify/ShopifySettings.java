package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One Shopify connector instance's settings, read once in {@code open} after the host checked
 * each value's format. {@link #toString()} masks the access token.
 *
 * @param shopDomain the store's permanent {@code *.myshopify.com} domain, lower case
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

  /** One Shopify tag: at most 40 characters (Shopify's limit), no comma (the tag separator). */
  static final SettingFormat TAG = SettingFormat.pattern("[^,]{1,40}", "one tag of 1 to 40 characters without commas");

  static final SettingFormat SHOP_DOMAIN_FORMAT = SettingFormat.pattern("(?i)[a-z0-9][a-z0-9-]*\\.myshopify\\.com",
      "the store's permanent myshopify.com domain, such as example.myshopify.com");

  static final SettingFormat API_VERSION_FORMAT = SettingFormat.pattern("20[0-9]{2}-(01|04|07|10)",
      "a stable Admin API version: the year and the first month of a quarter, such as 2026-10");

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(SHOP_DOMAIN, SHOP_DOMAIN_FORMAT,
          "The store's permanent domain (the Admin API is not served on custom domains).")
          .withExample("maple-thread.myshopify.com"),
      SettingSpec.optional(BASE_URL, SettingFormat.url(), null,
          "Admin API host; defaults to https://{shop-domain}. https unless the host is localhost."),
      SettingSpec.required(ACCESS_TOKEN, SettingFormat.secret(),
          "Admin API access token of the store's app (X-Shopify-Access-Token); needs the write_orders scope."),
      SettingSpec.optional(API_VERSION, API_VERSION_FORMAT, DEFAULT_API_VERSION, "Admin API version in the request path."),
      SettingSpec.optional(BACKORDER_TAG, TAG, DEFAULT_BACKORDER_TAG,
          "Tag added to an order on a customer notice or ETA correction and removed on resolution."),
      SettingSpec.optional(ORDER_NOTE, SettingFormat.bool(), "false",
          "true to also append the rendered text to the order's note (read first, never overwritten)."));

  ShopifySettings {
    Objects.requireNonNull(shopDomain, "shopDomain is null");
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(accessToken, "accessToken is null");
    Objects.requireNonNull(apiVersion, "apiVersion is null");
    Objects.requireNonNull(backorderTag, "backorderTag is null");
  }

  /**
   * Reads the instance's settings; the one check left here is the scheme of {@code base-url}, which
   * depends on its host.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static ShopifySettings from(ConnectorSettings settings) {
    ShopifySettings admin = admin(settings);
    return new ShopifySettings(admin.shopDomain(), admin.baseUrl(), admin.accessToken(), admin.apiVersion(),
        settings.get(BACKORDER_TAG).strip(), settings.getBoolean(ORDER_NOTE));
  }

  /**
   * The Admin API part alone (domain, host, token, version), as the webhook source reads it for
   * its SKU look-ups; no tag, no order note.
   */
  static ShopifySettings admin(ConnectorSettings settings) {
    String shopDomain = settings.get(SHOP_DOMAIN).strip().toLowerCase(Locale.ROOT);
    URI baseUrl = settings.find(BASE_URL).isPresent() ? settings.getUrl(BASE_URL) : URI.create("https://" + shopDomain);
    if (!"https".equals(baseUrl.getScheme()) && !LOCAL_HOSTS.contains(String.valueOf(baseUrl.getHost()))) {
      throw new InvalidSettingsException(BASE_URL,
          "must be https: the access token travels in every request (plain http only for localhost)");
    }
    return new ShopifySettings(shopDomain, baseUrl, settings.get(ACCESS_TOKEN).strip(), settings.get(API_VERSION).strip(),
        "", false);
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
