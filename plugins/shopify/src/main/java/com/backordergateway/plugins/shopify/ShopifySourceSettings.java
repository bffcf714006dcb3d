package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.util.List;
import java.util.Objects;

/**
 * One Shopify webhook source instance's settings, read after the host checked their formats.
 * {@link #toString()} masks the secret.
 *
 * @param secret the key Shopify signs deliveries with: the app's client secret (API secret key)
 *     for subscriptions an app made, or the store's webhook signing key for ones made in the
 *     admin (Settings › Notifications › Webhooks)
 * @param backorderTag the order tag that marks an order as backordered, compared without regard
 *     to case or surrounding spaces
 */
record ShopifySourceSettings(String secret, String backorderTag) {

  static final String SECRET = "secret";
  static final String BACKORDER_TAG = "backorder-tag";
  static final String DEFAULT_BACKORDER_TAG = "backorder";

  /**
   * Shopify's keys are 32 (app client secret) or 64 (store signing key) characters; 16 catches a
   * placeholder or a truncated paste without refusing any real key.
   */
  static final int MIN_SECRET_LENGTH = 16;

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(SECRET, SettingFormat.secret(MIN_SECRET_LENGTH),
          "Key the deliveries are signed with: the app's client secret, or the store's webhook signing key."),
      SettingSpec.optional(BACKORDER_TAG, ShopifySettings.TAG, DEFAULT_BACKORDER_TAG,
          "Order tag that marks an order as backordered (case-insensitive).").withExample("backorder"));

  ShopifySourceSettings {
    Objects.requireNonNull(secret, "secret is null");
    Objects.requireNonNull(backorderTag, "backorderTag is null");
  }

  static ShopifySourceSettings from(ConnectorSettings settings) {
    return new ShopifySourceSettings(settings.get(SECRET).strip(), settings.get(BACKORDER_TAG).strip());
  }

  @Override
  public String toString() {
    return "ShopifySourceSettings[secret=****, backorder-tag=" + backorderTag + "]";
  }
}
