package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.support.PhoneNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The parts of WooCommerce's order JSON (the REST API v3 order, which {@code order.*} webhooks
 * carry) that say whether an order is backordered and whom to tell. Read with snake-case names;
 * every other field is ignored.
 *
 * @param id the order's id, which the REST API addresses it by
 * @param number what the store shows as the order number (the id, unless a plugin renumbers)
 * @param status the status slug, e.g. {@code on-hold}
 * @param customerId the registered customer, 0 for a guest
 */
record WooOrder(Long id, String number, String status, Long customerId, Address billing, Address shipping,
    List<LineItem> lineItems) {

  /** A billing or shipping address; shipping has no email, and a phone only since WooCommerce 5.6. */
  record Address(String firstName, String lastName, String email, String phone) {}

  /** One product line; {@code metaData} holds WooCommerce's {@code Backordered} entry when it is. */
  record LineItem(Long id, String name, String sku, Integer quantity, List<Meta> metaData) {

    /** True if a meta entry with {@code key} holds a backordered quantity above zero. */
    boolean backordered(String key) {
      return metaData != null && metaData.stream().anyMatch(m -> m != null && m.key() != null
          && m.key().strip().equalsIgnoreCase(key) && m.positive());
    }
  }

  /** One meta entry: {@code key} and a {@code value} of any JSON type. */
  record Meta(Long id, String key, JsonNode value) {

    /** WooCommerce stores the backordered quantity; anything but an explicit zero counts. */
    boolean positive() {
      if (value == null || value.isNull()) {
        return false;
      }
      String text = value.asText("").strip();
      if (text.isEmpty()) {
        return false;
      }
      try {
        return Double.parseDouble(text) > 0;
      } catch (NumberFormatException notANumber) {
        return true;
      }
    }
  }

  boolean inStatus(Set<String> statuses) {
    return status != null && statuses.contains(status.strip().toLowerCase(Locale.ROOT));
  }

  /** SKUs of the lines WooCommerce marked backordered, each once, in order; lines without a SKU are skipped. */
  List<String> backorderedSkus(String metaKey) {
    Set<String> skus = new LinkedHashSet<>();
    for (LineItem item : lineItems == null ? List.<LineItem>of() : lineItems) {
      if (item != null && item.sku() != null && !item.sku().isBlank() && item.backordered(metaKey)) {
        skus.add(item.sku().strip());
      }
    }
    return new ArrayList<>(skus);
  }

  /**
   * The customer to notify, from the billing address (the name from the shipping address if
   * billing has none), the first of the billing and shipping phones that is a valid E.164 number,
   * and the customer id for registered customers.
   */
  Recipient recipient() {
    String name = Stream.of(billing, shipping).map(WooOrder::fullName).filter(n -> !n.isEmpty()).findFirst().orElse("");
    String email = billing == null || billing.email() == null ? "" : billing.email().strip();
    String phone = Stream.of(billing, shipping).map(a -> a == null ? null : a.phone()).map(PhoneNumbers::e164)
        .flatMap(Optional::stream).findFirst().orElse("");
    String customer = customerId == null || customerId <= 0 ? "" : String.valueOf(customerId);
    return new Recipient(String.valueOf(id), name, email, phone, "", "", customer);
  }

  private static String fullName(Address address) {
    if (address == null) {
      return "";
    }
    String first = address.firstName() == null ? "" : address.firstName().strip();
    String last = address.lastName() == null ? "" : address.lastName().strip();
    return (first + " " + last).strip();
  }
}
