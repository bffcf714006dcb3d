package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One WooCommerce webhook source instance's settings, read after the host checked their formats.
 * {@link #toString()} masks the secret.
 *
 * @param secret the webhook's Secret (WooCommerce › Settings › Advanced › Webhooks)
 * @param backorderedMetaKey the line-item meta key WooCommerce writes with the backordered
 *     quantity: {@code Backordered}, translated in stores running another language
 * @param orderStatuses the order statuses (lower case, without {@code wc-}) in which such lines count
 */
record WooCommerceSourceSettings(String secret, String backorderedMetaKey, Set<String> orderStatuses) {

  static final String SECRET = "secret";
  static final String BACKORDERED_META_KEY = "backordered-meta-key";
  static final String ORDER_STATUSES = "order-statuses";
  static final String DEFAULT_META_KEY = "Backordered";
  static final String DEFAULT_STATUSES = "on-hold";

  static final List<SettingSpec> SPECS = List.of(
      // Masked text, not SettingFormat.secret(): the shop owner types this secret into
      // WooCommerce's webhook form, which accepts spaces.
      SettingSpec.required(SECRET, SettingFormat.text(),
          "The webhook's secret, which WooCommerce signs each delivery with.").masked(),
      SettingSpec.optional(BACKORDERED_META_KEY, SettingFormat.text(), DEFAULT_META_KEY,
          "Line-item meta key WooCommerce marks backordered items with (translated in non-English stores)."),
      SettingSpec.optional(ORDER_STATUSES, SettingFormat.list(SettingFormat.pattern("(?i)(wc-)?[a-z0-9_-]{1,20}",
              "an order status slug such as on-hold (a wc- prefix is dropped)")), DEFAULT_STATUSES,
          "Order statuses in which backordered items count.").withExample("on-hold, processing"));

  WooCommerceSourceSettings {
    Objects.requireNonNull(secret, "secret is null");
    Objects.requireNonNull(backorderedMetaKey, "backorderedMetaKey is null");
    orderStatuses = Set.copyOf(orderStatuses);
  }

  /**
   * Reads a source instance's settings.
   *
   * @throws InvalidSettingsException if {@code order-statuses} names no status at all
   */
  static WooCommerceSourceSettings from(ConnectorSettings settings) {
    Set<String> statuses = settings.getList(ORDER_STATUSES).stream().map(s -> s.toLowerCase(Locale.ROOT))
        .map(s -> s.startsWith("wc-") ? s.substring(3) : s).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    if (statuses.isEmpty()) {
      throw new InvalidSettingsException(ORDER_STATUSES, "must list order status slugs such as on-hold,processing");
    }
    return new WooCommerceSourceSettings(settings.get(SECRET).strip(), settings.get(BACKORDERED_META_KEY).strip(),
        statuses);
  }

  @Override
  public String toString() {
    return "WooCommerceSourceSettings[secret=****, backordered-meta-key=" + backorderedMetaKey + ", order-statuses="
        + orderStatuses + "]";
  }
}
