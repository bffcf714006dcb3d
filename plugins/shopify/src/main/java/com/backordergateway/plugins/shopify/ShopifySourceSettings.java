package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Shopify webhook source instance's settings, read after the host checked their formats.
 * {@link #toString()} masks the secret and the access token.
 *
 * @param secret the key Shopify signs deliveries with: the app's client secret (API secret key)
 *     for subscriptions an app made, or the store's webhook signing key for ones made in the
 *     admin (Settings › Notifications › Webhooks)
 * @param backorderTag the order tag that marks an order as backordered, compared without regard
 *     to case or surrounding spaces
 * @param admin the Admin API the source asks for an inventory item's SKU, when configured
 *     ({@code inventory_levels/update} carries none); needs the {@code read_inventory} scope
 * @param locationId the only location whose levels count, or empty for a single-location store
 */
record ShopifySourceSettings(String secret, String backorderTag, Optional<ShopifySettings> admin, String locationId) {

  static final String SECRET = "secret";
  static final String BACKORDER_TAG = "backorder-tag";
  static final String DEFAULT_BACKORDER_TAG = "backorder";
  static final String LOCATION_ID = "location-id";

  /**
   * Shopify's keys are 32 (app client secret) or 64 (store signing key) characters; 16 catches a
   * placeholder or a truncated paste without refusing any real key.
   */
  static final int MIN_SECRET_LENGTH = 16;

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(SECRET, SettingFormat.secret(MIN_SECRET_LENGTH),
          "Key the deliveries are signed with: the app's client secret, or the store's webhook signing key."),
      SettingSpec.optional(BACKORDER_TAG, ShopifySettings.TAG, DEFAULT_BACKORDER_TAG,
          "Order tag that marks an order as backordered (case-insensitive).").withExample("backorder"),
      SettingSpec.optional(ShopifySettings.SHOP_DOMAIN, ShopifySettings.SHOP_DOMAIN_FORMAT, null,
          "For inventory_levels/update: the store's permanent domain, whose Admin API names each item's SKU.")
          .withExample("maple-thread.myshopify.com"),
      SettingSpec.optional(ShopifySettings.ACCESS_TOKEN, SettingFormat.secret(), null,
          "For inventory_levels/update: an Admin API access token with the read_inventory scope."),
      SettingSpec.optional(ShopifySettings.API_VERSION, ShopifySettings.API_VERSION_FORMAT,
          ShopifySettings.DEFAULT_API_VERSION, "Admin API version of the SKU look-ups."),
      SettingSpec.optional(ShopifySettings.BASE_URL, SettingFormat.url(), null,
          "Admin API host for the look-ups; defaults to https://{shop-domain}."),
      SettingSpec.optional(LOCATION_ID, SettingFormat.pattern("[0-9]{1,20}", "a numeric Shopify location id"), null,
          "The location whose levels count (a store with several); levels elsewhere are acknowledged and ignored.")
          .withExample("65482391"));

  ShopifySourceSettings {
    Objects.requireNonNull(secret, "secret is null");
    Objects.requireNonNull(backorderTag, "backorderTag is null");
    Objects.requireNonNull(admin, "admin is null");
    Objects.requireNonNull(locationId, "locationId is null");
  }

  /** @throws InvalidSettingsException when only one of shop-domain and access-token is set */
  static ShopifySourceSettings from(ConnectorSettings settings) {
    boolean domain = settings.find(ShopifySettings.SHOP_DOMAIN).isPresent();
    boolean token = settings.find(ShopifySettings.ACCESS_TOKEN).isPresent();
    if (domain != token) {
      throw new InvalidSettingsException(domain ? ShopifySettings.ACCESS_TOKEN : ShopifySettings.SHOP_DOMAIN,
          "required with " + (domain ? ShopifySettings.SHOP_DOMAIN : ShopifySettings.ACCESS_TOKEN)
              + ": the two together let the source look up the SKU of an inventory level");
    }
    Optional<ShopifySettings> admin = domain ? Optional.of(ShopifySettings.admin(settings)) : Optional.empty();
    return new ShopifySourceSettings(settings.get(SECRET).strip(), settings.get(BACKORDER_TAG).strip(), admin,
        settings.find(LOCATION_ID).map(String::strip).orElse(""));
  }

  @Override
  public String toString() {
    return "ShopifySourceSettings[secret=****, backorder-tag=" + backorderTag + ", admin=" + admin
        + ", location-id=" + locationId + "]";
  }
}
