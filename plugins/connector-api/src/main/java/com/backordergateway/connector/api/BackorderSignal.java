package com.backordergateway.connector.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform-reported backorder in the gateway's terms (a {@link SourceSignal} since 1.2).
 *
 * @param deliveryId the platform's delivery id (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID):
 *     the host answers repeats as duplicates
 * @param customer the order's customer, with {@link Recipient#orderId()} set
 * @param backorderedSkus the order's backordered SKUs
 * @param eta the expected date the platform gave, if any
 * @param orderName the name the shop shows for the order (Shopify {@code #1001}, a WooCommerce
 *     order number); empty when it is the order id (since 1.1)
 */
public record BackorderSignal(
    String deliveryId, Recipient customer, List<String> backorderedSkus, Optional<Instant> eta, String orderName)
    implements SourceSignal {

  public BackorderSignal {
    Objects.requireNonNull(deliveryId, "deliveryId is null");
    Objects.requireNonNull(customer, "customer is null");
    backorderedSkus = List.copyOf(backorderedSkus);
    Objects.requireNonNull(eta, "eta is null");
    Objects.requireNonNull(orderName, "orderName is null");
  }

  /** SPI 1.0: a signal without an order name. */
  public BackorderSignal(String deliveryId, Recipient customer, List<String> backorderedSkus, Optional<Instant> eta) {
    this(deliveryId, customer, backorderedSkus, eta, "");
  }
}
