package com.backordergateway.connector.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A supplier shipment changed (since 1.2): a new expected date (which may fire SUPPLIER_DELAYED),
 * arrival or cancellation of a purchase order registered with the gateway.
 *
 * @param deliveryId see {@link SourceSignal#deliveryId()}
 * @param poNumber the registered purchase order number
 * @param change what changed
 * @param newExpectedAt the new date; present exactly when {@code change} is {@link Change#NEW_DATE}
 */
public record ShipmentSignal(String deliveryId, String poNumber, Change change, Optional<Instant> newExpectedAt)
    implements SourceSignal {

  /** What happened to the shipment. */
  public enum Change {
    NEW_DATE,
    RECEIVED,
    CANCELLED
  }

  public ShipmentSignal {
    Objects.requireNonNull(deliveryId, "deliveryId is null");
    Objects.requireNonNull(poNumber, "poNumber is null");
    Objects.requireNonNull(change, "change is null");
    Objects.requireNonNull(newExpectedAt, "newExpectedAt is null");
    if (newExpectedAt.isPresent() != (change == Change.NEW_DATE)) {
      throw new IllegalArgumentException("newExpectedAt is given exactly for NEW_DATE");
    }
  }

  public static ShipmentSignal newDate(String deliveryId, String poNumber, Instant expectedAt) {
    return new ShipmentSignal(deliveryId, poNumber, Change.NEW_DATE, Optional.of(expectedAt));
  }

  public static ShipmentSignal received(String deliveryId, String poNumber) {
    return new ShipmentSignal(deliveryId, poNumber, Change.RECEIVED, Optional.empty());
  }

  public static ShipmentSignal cancelled(String deliveryId, String poNumber) {
    return new ShipmentSignal(deliveryId, poNumber, Change.CANCELLED, Optional.empty());
  }
}
