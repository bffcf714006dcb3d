package com.backordergateway.connector.api;

/**
 * What a connector can do beyond sending a message. The audience capabilities are enforced by
 * the host: a route that sends a connector an audience it does not declare is a configuration
 * error, and such a notification never reaches {@link ConnectorSession#deliver}. A connector that
 * declares neither audience (SPI 1.0) takes both.
 */
public enum Capability {
  /** Follow-ups update what the first delivery created (ticket comment, card, row, thread). */
  UPDATE_IN_PLACE,
  /** The platform deduplicates on a key; the host passes the delivery id as that key. */
  IDEMPOTENCY_KEY,
  /** Addresses customers (SMS, email, marketing events). */
  CUSTOMER_AUDIENCE,
  /** Addresses the retailer's staff (chat, tickets, CRM, sheets). */
  STAFF_AUDIENCE
}
