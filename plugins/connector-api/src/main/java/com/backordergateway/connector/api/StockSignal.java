package com.backordergateway.connector.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A SKU's stock level as the platform reports it (since 1.2): zero or less opens the SKU's
 * backorder case as a sale to zero would; a positive level resolves an open case as restocked.
 *
 * @param deliveryId see {@link SourceSignal#deliveryId()}
 * @param sku the SKU
 * @param onHand the units the platform says are available now
 * @param observedAt when the platform saw the level ({@code updated_at}), if it says
 * @param category the SKU's product category for routes, or empty
 */
public record StockSignal(String deliveryId, String sku, int onHand, Optional<Instant> observedAt, String category)
    implements SourceSignal {

  public StockSignal {
    Objects.requireNonNull(deliveryId, "deliveryId is null");
    Objects.requireNonNull(sku, "sku is null");
    Objects.requireNonNull(observedAt, "observedAt is null");
    Objects.requireNonNull(category, "category is null");
  }

  /** True when the level means the SKU is out: zero or less. */
  public boolean stockedOut() {
    return onHand <= 0;
  }
}
