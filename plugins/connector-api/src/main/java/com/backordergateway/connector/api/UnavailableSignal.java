package com.backordergateway.connector.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Staff, a warehouse system or a board marked a SKU unavailable (since 1.2): opens its case, alerts
 * staff and notifies the customers of the orders given.
 *
 * @param deliveryId see {@link SourceSignal#deliveryId()}
 * @param sku the SKU
 * @param reason why, for staff ("card moved to Backorder by Dana"); never shown to customers
 * @param actor who marked it, or empty
 * @param eta when it is expected back, if known
 * @param affectedOrders open orders with the SKU, each with {@link Recipient#orderId()} set
 * @param category the SKU's product category for routes, or empty
 */
public record UnavailableSignal(
    String deliveryId, String sku, String reason, String actor, Optional<Instant> eta, List<Recipient> affectedOrders,
    String category) implements SourceSignal {

  public UnavailableSignal {
    Objects.requireNonNull(deliveryId, "deliveryId is null");
    Objects.requireNonNull(sku, "sku is null");
    Objects.requireNonNull(reason, "reason is null");
    Objects.requireNonNull(actor, "actor is null");
    Objects.requireNonNull(eta, "eta is null");
    affectedOrders = List.copyOf(affectedOrders);
    Objects.requireNonNull(category, "category is null");
  }

  /** A SKU marked unavailable with no orders, date or category: what a board move says. */
  public static UnavailableSignal of(String deliveryId, String sku, String reason, String actor) {
    return new UnavailableSignal(deliveryId, sku, reason, actor, Optional.empty(), List.of(), "");
  }
}
