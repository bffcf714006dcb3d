package com.backordergateway.connector.api;

/** What a connector can do beyond sending a message. */
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
