package com.backordergateway.connector.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform-reported backorder in the gateway's terms.
 *
 * @param deliveryId the platform's delivery id (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID):
 *     the host answers repeats as duplicates
 * @param customer the order's customer, with {@link Recipient#orderId()} set
 * @param backorderedSkus the order's backordered SKUs
 * @param eta the expected date the platform gave, if any
 */
public record BackorderSignal(String deliveryId, Recipient customer, List<String> backorderedSkus, Optional<Instant> eta) {

  public BackorderSignal {
    Objects.requireNonNull(deliveryId, "deliveryId is null");
    Objects.requireNonNull(customer, "customer is null");
    backorderedSkus = List.copyOf(backorderedSkus);
    Objects.requireNonNull(eta, "eta is null");
  }
}
