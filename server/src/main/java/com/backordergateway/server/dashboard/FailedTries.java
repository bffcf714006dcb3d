package com.backordergateway.server.dashboard;

/**
 * Which rows of {@code delivery_changes} (aliased {@code c}) are failed tries. A failed try moves
 * a delivery back to PENDING with one attempt more than before; a dead letter an operator requeued
 * also moves to PENDING, but with the attempts it already had, which an earlier row of the same
 * delivery carries too.
 */
final class FailedTries {

  static final String CONDITION = "(c.status = 'DELIVERY_STATUS_PENDING' AND c.attempts > 0 AND NOT EXISTS"
      + " (SELECT 1 FROM delivery_changes p WHERE p.delivery_id = c.delivery_id AND p.seq < c.seq"
      + " AND p.attempts = c.attempts))";

  private FailedTries() {}
}
