package com.backordergateway.server.store;

import org.jdbi.v3.core.Handle;

/**
 * What retention deletes: deliveries that are settled (delivered or cancelled) and last changed
 * before the cut-off, except those of open cases, whose follow-ups update what they created; the
 * delivery status changes and stored answers of the same age. Events, cases and dead letters stay.
 */
public final class RetentionRows {

  private RetentionRows() {}

  /** Deletes up to {@code limit} rows of each kind older than {@code cutoffMillis}; how many went. */
  public static int purge(Handle h, long cutoffMillis, int limit) {
    int deleted = DirectWrites.update(h,
        "DELETE FROM deliveries WHERE seq IN (SELECT seq FROM deliveries"
            + " WHERE status IN ('DELIVERY_STATUS_DELIVERED', 'DELIVERY_STATUS_CANCELLED') AND updated_at < ?"
            + " AND (case_id IS NULL OR case_id NOT IN (SELECT id FROM cases WHERE status = 'CASE_STATUS_OPEN'))"
            + " LIMIT ?)", cutoffMillis, limit);
    deleted += DirectWrites.update(h,
        "DELETE FROM delivery_changes WHERE seq IN (SELECT seq FROM delivery_changes WHERE changed_at < ? LIMIT ?)",
        cutoffMillis, limit);
    deleted += DirectWrites.update(h,
        "DELETE FROM idempotency_keys WHERE (scope, key) IN"
            + " (SELECT scope, key FROM idempotency_keys WHERE created_at < ? LIMIT ?)", cutoffMillis, limit);
    return deleted;
  }
}
