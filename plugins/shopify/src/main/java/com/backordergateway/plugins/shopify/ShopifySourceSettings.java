package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingSpec;
import java.util.List;
import java.util.Objects;

/**
 * One Shopify webhook source instance's settings. {@link #toString()} masks the secret.
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

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.requiredSecret(SECRET,
          "Key the deliveries are signed with: the app's client secret, or the store's webhook signing key."),
      SettingSpec.optional(BACKORDER_TAG, DEFAULT_BACKORDER_TAG,
          "Order tag that marks an order as backordered (case-insensitive)."));

  ShopifySourceSettings {
    Objects.requireNonNull(secret, "secret is null");
    Objects.requireNonNull(backorderTag, "backorderTag is null");
  }

  /**
   * Reads and checks a source instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static ShopifySourceSettings from(ConnectorSettings settings) {
    Objects.requireNonNull(settings, "settings is null");
    String secret = settings.get(SECRET);
    String tag = settings.find(BACKORDER_TAG).orElse(DEFAULT_BACKORDER_TAG).strip();
    if (tag.isEmpty() || tag.length() > ShopifySettings.MAX_TAG_LENGTH || tag.contains(",")) {
      throw new InvalidSettingsException(BACKORDER_TAG,
          "must be one tag of 1 to " + ShopifySettings.MAX_TAG_LENGTH + " characters without commas");
    }
    return new ShopifySourceSettings(secret, tag);
  }

  @Override
  public String toString() {
    return "ShopifySourceSettings[secret=****, backorder-tag=" + backorderTag + "]";
  }
}
