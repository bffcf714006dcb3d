package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.support.PhoneNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The parts of Shopify's order JSON (the {@code orders/updated} webhook body, the REST order
 * resource) that say whether an order is backordered and whom to tell. Read with snake-case names;
 * every other field is ignored.
 *
 * @param id the order's numeric id, which the Admin API addresses it by
 * @param name what the customer sees, {@code #1001}
 * @param tags the order's tags, comma-separated
 * @param cancelledAt set once the order is cancelled
 */
record ShopifyOrder(
    Long id, String name, String email, String contactEmail, String phone, String tags, String customerLocale,
    String cancelledAt, Customer customer, Address billingAddress, Address shippingAddress, List<LineItem> lineItems) {

  /** The order's customer; absent (or without personal fields) if the app lacks protected data access. */
  record Customer(Long id, String email, String firstName, String lastName, String phone) {}

  /** A billing or shipping address. */
  record Address(String firstName, String lastName, String name, String phone) {}

  /**
   * One line of the order.
   *
   * @param fulfillableQuantity units still to ship: quantity minus what was fulfilled, refunded or
   *     removed, and what is in open fulfillments
   * @param fulfillmentStatus {@code null} (nothing shipped), {@code partial} or {@code fulfilled}
   */
  record LineItem(Long id, String sku, String name, Integer quantity, Integer fulfillableQuantity,
      String fulfillmentStatus) {

    /**
     * Still waiting to ship: {@code fulfillable_quantity > 0} when Shopify sends it (it drops to 0
     * for lines removed or refunded, whatever their status); otherwise a status of {@code null}
     * or {@code partial}.
     */
    boolean awaitsFulfillment() {
      if (fulfillableQuantity != null) {
        return fulfillableQuantity > 0;
      }
      return fulfillmentStatus == null || fulfillmentStatus.equals("partial");
    }
  }

  /** True if one of the order's comma-separated tags is {@code tag}, ignoring case and spaces. */
  boolean hasTag(String tag) {
    return tags != null && Arrays.stream(tags.split(",")).map(String::strip)
        .anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(tag.strip().toLowerCase(Locale.ROOT)));
  }

  boolean cancelled() {
    return cancelledAt != null && !cancelledAt.isBlank();
  }

  /** SKUs of the lines still to ship, each once, in order; lines without a SKU are skipped. */
  List<String> unfulfilledSkus() {
    Set<String> skus = new LinkedHashSet<>();
    for (LineItem item : lineItems == null ? List.<LineItem>of() : lineItems) {
      if (item != null && item.sku() != null && !item.sku().isBlank() && item.awaitsFulfillment()) {
        skus.add(item.sku().strip());
      }
    }
    return new ArrayList<>(skus);
  }

  /**
   * The customer to notify: name from the customer record (else the billing, then the shipping
   * address), email from the order (else its contact email, else the customer's), the first of
   * the customer's, the order's, the shipping and the billing phone that is a valid E.164 number,
   * the checkout locale, and the customer id.
   */
  Recipient recipient() {
    String customerName = customer == null ? "" : fullName(customer.firstName(), customer.lastName());
    String fullName = Stream.of(customerName, addressName(billingAddress), addressName(shippingAddress))
        .filter(n -> !n.isEmpty()).findFirst().orElse("");
    String mail = Stream.of(email, contactEmail, customer == null ? null : customer.email())
        .filter(e -> e != null && !e.isBlank()).map(String::strip).findFirst().orElse("");
    String e164 = Stream.of(customer == null ? null : customer.phone(), phone,
            shippingAddress == null ? null : shippingAddress.phone(), billingAddress == null ? null : billingAddress.phone())
        .map(PhoneNumbers::e164).flatMap(Optional::stream).findFirst().orElse("");
    return new Recipient(String.valueOf(id), fullName, mail, e164, customerLocale == null ? "" : customerLocale.strip(), "",
        customer == null || customer.id() == null ? "" : String.valueOf(customer.id()));
  }

  private static String addressName(Address address) {
    if (address == null) {
      return "";
    }
    String both = fullName(address.firstName(), address.lastName());
    return both.isEmpty() && address.name() != null ? address.name().strip() : both;
  }

  private static String fullName(String first, String last) {
    return (blankIfNull(first) + " " + blankIfNull(last)).strip();
  }

  private static String blankIfNull(String s) {
    return s == null ? "" : s.strip();
  }
}
