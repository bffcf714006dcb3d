package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One WooCommerce webhook source instance's settings. {@link #toString()} masks the secret.
 *
 * @param secret the webhook's Secret (WooCommerce › Settings › Advanced › Webhooks)
 * @param backorderedMetaKey the line-item meta key WooCommerce writes with the backordered
 *     quantity: {@code Backordered}, translated in stores running another language
 * @param orderStatuses the order statuses (without {@code wc-}) in which such lines count
 */
record WooCommerceSourceSettings(String secret, String backorderedMetaKey, Set<String> orderStatuses) {

  static final String SECRET = "secret";
  static final String BACKORDERED_META_KEY = "backordered-meta-key";
  static final String ORDER_STATUSES = "order-statuses";
  static final String DEFAULT_META_KEY = "Backordered";
  static final String DEFAULT_STATUSES = "on-hold";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.requiredSecret(SECRET, "The webhook's secret, which WooCommerce signs each delivery with."),
      SettingSpec.optional(BACKORDERED_META_KEY, DEFAULT_META_KEY,
          "Line-item meta key WooCommerce marks backordered items with (translated in non-English stores)."),
      SettingSpec.optional(ORDER_STATUSES, DEFAULT_STATUSES,
          "Comma-separated order statuses in which backordered items count, e.g. on-hold,processing."));

  WooCommerceSourceSettings {
    Objects.requireNonNull(secret, "secret is null");
    Objects.requireNonNull(backorderedMetaKey, "backorderedMetaKey is null");
    orderStatuses = Set.copyOf(orderStatuses);
  }

  /**
   * Reads and checks a source instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static WooCommerceSourceSettings from(ConnectorSettings settings) {
    Objects.requireNonNull(settings, "settings is null");
    String secret = settings.get(SECRET);
    String metaKey = settings.find(BACKORDERED_META_KEY).orElse(DEFAULT_META_KEY).strip();
    if (metaKey.isEmpty()) {
      throw new InvalidSettingsException(BACKORDERED_META_KEY, "must not be empty");
    }
    Set<String> statuses = Arrays.stream(settings.find(ORDER_STATUSES).orElse(DEFAULT_STATUSES).split(","))
        .map(s -> s.strip().toLowerCase(Locale.ROOT)).map(s -> s.startsWith("wc-") ? s.substring(3) : s)
        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    if (statuses.isEmpty() || statuses.stream().anyMatch(s -> !s.matches("[a-z0-9_-]{1,20}"))) {
      throw new InvalidSettingsException(ORDER_STATUSES, "must list order status slugs such as on-hold,processing");
    }
    return new WooCommerceSourceSettings(secret, metaKey, statuses);
  }

  @Override
  public String toString() {
    return "WooCommerceSourceSettings[secret=****, backordered-meta-key=" + backorderedMetaKey + ", order-statuses="
        + orderStatuses + "]";
  }
}
