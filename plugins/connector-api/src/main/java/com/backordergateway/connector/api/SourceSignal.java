package com.backordergateway.connector.api;

/**
 * What a verified webhook reports, in the gateway's terms (since 1.2). The host records each kind
 * like the matching API call — {@link StockSignal} as ReportInventoryLevel,
 * {@link UnavailableSignal} as MarkUnavailable, {@link BackorderSignal} as a platform backorder,
 * {@link ShipmentSignal} as ReportShipmentUpdate, {@link ResolvedSignal} as ResolveBackorder —
 * and answers a repeat of one delivery id from the same source instance as a duplicate.
 */
public sealed interface SourceSignal
    permits BackorderSignal, StockSignal, UnavailableSignal, ShipmentSignal, ResolvedSignal {

  /**
   * The platform's id for this delivery (X-Shopify-Webhook-Id, a Trello action id, a monday
   * trigger uuid...), the same on the platform's retries; at most 128 characters is best (longer
   * ids are hashed).
   */
  String deliveryId();
}
