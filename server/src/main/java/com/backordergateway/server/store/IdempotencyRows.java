package com.backordergateway.server.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stored answers for replayed calls, keyed by scope (method or platform source) and key. */
public final class IdempotencyRows {

  private IdempotencyRows() {}

  /** A stored answer and the hash of the request that produced it (null for platform ids). */
  public record Stored(byte[] requestHash, byte[] response) {}

  public static Optional<Stored> find(Handle h, String scope, String key) {
    return h.createQuery("SELECT request_hash, response FROM idempotency_keys WHERE scope = ? AND key = ?")
        .bind(0, scope)
        .bind(1, key)
        .map((rs, ctx) -> new Stored(rs.getBytes("request_hash"), rs.getBytes("response")))
        .findOne();
  }

  public static void insert(Handle h, String scope, String key, byte[] requestHash, byte[] response, Instant at) {
    DirectWrites.update(h,
        "INSERT INTO idempotency_keys (scope, key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)",
        scope, key, requestHash, response, at.toEpochMilli());
  }
}
