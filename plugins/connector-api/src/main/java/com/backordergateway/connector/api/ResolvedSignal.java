package com.backordergateway.connector.api;

import java.util.Objects;

/**
 * A SKU's backorder is over (since 1.2), as a board says when its card or item leaves the
 * Backorder list or status: the open case is resolved and those already told hear how it ended.
 *
 * @param deliveryId see {@link SourceSignal#deliveryId()}
 * @param sku the SKU whose open case ends
 * @param outcome how it ends
 * @param message text for the resolution notices, shown to customers and staff alike, or empty
 */
public record ResolvedSignal(String deliveryId, String sku, Outcome outcome, String message) implements SourceSignal {

  /** How the backorder ends. */
  public enum Outcome {
    RESTOCKED,
    CANCELLED
  }

  public ResolvedSignal {
    Objects.requireNonNull(deliveryId, "deliveryId is null");
    Objects.requireNonNull(sku, "sku is null");
    Objects.requireNonNull(outcome, "outcome is null");
    Objects.requireNonNull(message, "message is null");
  }
}
