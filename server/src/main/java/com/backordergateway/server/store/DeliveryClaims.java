package com.backordergateway.server.store;

import com.backordergateway.api.v1.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The delivery engine's side of the outbox: claiming due deliveries under a lease, and
 * recording how each attempt ended. Every outcome is conditional on still holding the lease, so
 * a node whose lease expired (and whose delivery another node took over) changes nothing.
 * On PostgreSQL claims lock what they take ({@code FOR UPDATE SKIP LOCKED}) and pass over what
 * another replica's claim is taking at the same moment.
 */
public final class DeliveryClaims {

  private DeliveryClaims() {}

  /** A claimed delivery and what the engine needs beyond its API shape. */
  public record Claimed(Delivery delivery, long createdAtMillis, long leaseUntilMillis) {}

  /**
   * Claims for {@code owner} until {@code leaseUntil}, per connector instance, at most as many
   * deliveries as {@code room} gives it: due ones, or ones whose lease expired (their node crashed
   * or hung), oldest due first. Nothing is claimed for an instance that has no room, so nothing
   * claimed waits in a queue long enough to be handed back.
   */
  public static List<Claimed> claim(Handle h, String owner, Instant now, Instant leaseUntil,
      Map<String, Integer> room) {
    List<Claimed> claimed = new ArrayList<>();
    room.forEach((connector, limit) -> claimed.addAll(claimFor(h,
        "connector = :connector", q -> q.bind("connector", connector), owner, now, leaseUntil, limit)));
    return claimed;
  }

  /**
   * Claims deliveries of connector ids that are not in {@code configured} (the config no longer
   * has them), so the engine can settle them.
   */
  public static List<Claimed> claimUnconfigured(Handle h, Collection<String> configured, String owner,
      Instant now, Instant leaseUntil, int limit) {
    if (configured.isEmpty()) {
      return claimFor(h, "1 = 1", q -> { }, owner, now, leaseUntil, limit);
    }
    return claimFor(h, "connector NOT IN (<configured>)", q -> q.bindList("configured", List.copyOf(configured)),
        owner, now, leaseUntil, limit);
  }

  private static List<Claimed> claimFor(Handle h, String which,
      Consumer<Query> bindWhich, String owner, Instant now,
      Instant leaseUntil, int limit) {
    if (Dialect.of(h) == Dialect.POSTGRESQL) {
      // Expired leases first (they are the oldest), then due ones; each skips rows another
      // replica's claim holds locked, so two replicas never wait for or take the same delivery.
      List<Claimed> claimed = new ArrayList<>(claimShared(h, which, bindWhich, owner, now, leaseUntil, limit,
          "status = 'DELIVERY_STATUS_IN_FLIGHT' AND lease_until < :now"));
      if (claimed.size() < limit) {
        claimed.addAll(claimShared(h, which, bindWhich, owner, now, leaseUntil, limit - claimed.size(),
            "status = 'DELIVERY_STATUS_PENDING' AND next_attempt_at <= :now"));
      }
      return claimed;
    }
    var query = h.createQuery(
        "UPDATE deliveries SET status = 'DELIVERY_STATUS_IN_FLIGHT', lease_owner = :owner,"
            + " lease_until = :until, updated_at = :now WHERE id IN (SELECT id FROM ("
            // Two index ranges merged in due order, so a long backlog costs only the rows taken.
            + " SELECT id, next_attempt_at FROM deliveries WHERE " + which
            + " AND status = 'DELIVERY_STATUS_PENDING' AND next_attempt_at <= :now"
            + " UNION ALL SELECT id, next_attempt_at FROM deliveries WHERE " + which
            + " AND status = 'DELIVERY_STATUS_IN_FLIGHT' AND lease_until < :now"
            + " ORDER BY 2 LIMIT :limit)) RETURNING *");
    return bindClaim(query, bindWhich, owner, now, leaseUntil, limit);
  }

  private static List<Claimed> claimShared(Handle h, String which, Consumer<Query> bindWhich, String owner,
      Instant now, Instant leaseUntil, int limit, String state) {
    var query = h.createQuery(
        "UPDATE deliveries SET status = 'DELIVERY_STATUS_IN_FLIGHT', lease_owner = :owner,"
            + " lease_until = :until, updated_at = :now WHERE id IN (SELECT id FROM deliveries WHERE " + which
            + " AND " + state + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING *");
    return bindClaim(query, bindWhich, owner, now, leaseUntil, limit);
  }

  private static List<Claimed> bindClaim(Query query, Consumer<Query> bindWhich, String owner, Instant now,
      Instant leaseUntil, int limit) {
    bindWhich.accept(query);
    return query
        .bind("owner", owner)
        .bind("until", leaseUntil.toEpochMilli())
        .bind("now", now.toEpochMilli())
        .bind("limit", limit)
        .map((rs, ctx) -> new Claimed(DeliveryRows.deliveryOf(rs), rs.getLong("created_at"), rs.getLong("lease_until")))
        .list();
  }

  /**
   * Claims every other pending staff alert of the same connector and route, for one digest
   * message with {@code lead}, whenever each was due.
   */
  public static List<Claimed> claimDigest(Handle h, Delivery lead, String owner, Instant now, Instant leaseUntil) {
    return h.createQuery(
            "UPDATE deliveries SET status = 'DELIVERY_STATUS_IN_FLIGHT', lease_owner = :owner,"
                + " lease_until = :until, updated_at = :now WHERE connector = :connector AND route = :route"
                + " AND audience = 'AUDIENCE_STAFF' AND status = 'DELIVERY_STATUS_PENDING' AND id <> :lead RETURNING *")
        .bind("owner", owner)
        .bind("until", leaseUntil.toEpochMilli())
        .bind("now", now.toEpochMilli())
        .bind("connector", lead.getConnector())
        .bind("route", lead.getRoute())
        .bind("lead", lead.getId())
        .map((rs, ctx) -> new Claimed(DeliveryRows.deliveryOf(rs), rs.getLong("created_at"), rs.getLong("lease_until")))
        .list();
  }

  /**
   * True while the delivery is still claimed by {@code owner} under an unexpired lease: not
   * cancelled, not taken over, and not claimed again after its lease ran out.
   */
  private static boolean stillClaimed(Handle h, String id, String owner, Instant now, long leaseUntilMillis) {
    return h.createQuery("SELECT COUNT(*) FROM deliveries WHERE id = ? AND lease_owner = ?"
            + " AND status = 'DELIVERY_STATUS_IN_FLIGHT' AND lease_until = ? AND lease_until >= ?")
        .bind(0, id).bind(1, owner).bind(2, leaseUntilMillis).bind(3, now.toEpochMilli()).mapTo(Integer.class).one() == 1;
  }

  /**
   * Just before the platform is called: true if the delivery is still claimed by {@code owner}
   * (see {@link #stillClaimed}). On a shared store, a lease with less than half of {@code lease}
   * left is also renewed, so the call and its outcome have at least half a lease however long the
   * delivery waited in its lane: a lease that ran out during the call would let another replica
   * send it too. (The renewal commits without waiting for the disk: lost in a database crash, the
   * lease is only shorter.)
   */
  public static boolean startAttempt(Handle h, String id, String owner, Instant now, long leaseUntilMillis,
      Duration lease) {
    boolean plenty = leaseUntilMillis - now.toEpochMilli() >= lease.toMillis() / 2;
    if (!Dialect.of(h).shared() || plenty) {
      return stillClaimed(h, id, owner, now, leaseUntilMillis);
    }
    return h.inTransaction(tx -> {
      tx.execute("SET LOCAL synchronous_commit = off");
      return tx.createUpdate("UPDATE deliveries SET lease_until = ? WHERE id = ? AND lease_owner = ?"
              + " AND status = 'DELIVERY_STATUS_IN_FLIGHT' AND lease_until = ? AND lease_until >= ?")
          .bind(0, now.plus(lease).toEpochMilli()).bind(1, id).bind(2, owner).bind(3, leaseUntilMillis)
          .bind(4, now.toEpochMilli())
          .execute() == 1;
    });
  }

  /** The platform accepted it; {@code note} is what the connector said about it, if anything. */
  public static boolean delivered(Handle h, String id, String owner, int attempts, String externalId, String reference,
      String note, Instant now) {
    return DirectWrites.update(h,
        "UPDATE deliveries SET status = 'DELIVERY_STATUS_DELIVERED', attempts = ?, external_id = ?,"
            + " external_ref = ?, delivery_note = ?, last_error = NULL, lease_owner = NULL, lease_until = NULL,"
            + " updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'DELIVERY_STATUS_IN_FLIGHT'",
        attempts, externalId, reference, note, now.toEpochMilli(), id, owner) == 1;
  }

  /** Back to PENDING, due at {@code nextAttempt}; {@code attempts} counts only real tries. */
  public static boolean retryLater(Handle h, String id, String owner, int attempts, Instant nextAttempt, String error,
      Instant now) {
    return h.createUpdate(
                "UPDATE deliveries SET status = 'DELIVERY_STATUS_PENDING', attempts = ?, next_attempt_at = ?,"
                    + " last_error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?"
                    + " WHERE id = ? AND lease_owner = ? AND status = 'DELIVERY_STATUS_IN_FLIGHT'")
            .bind(0, attempts).bind(1, nextAttempt.toEpochMilli()).bind(2, error).bind(3, now.toEpochMilli())
            .bind(4, id).bind(5, owner)
            .execute()
        == 1;
  }

  /** Failed for good: a dead letter, replayable with RetryDeliveries. */
  public static boolean dead(Handle h, String id, String owner, int attempts, String error, Instant now) {
    return h.createUpdate(
                "UPDATE deliveries SET status = 'DELIVERY_STATUS_DEAD', attempts = ?, last_error = ?,"
                    + " lease_owner = NULL, lease_until = NULL, updated_at = ?"
                    + " WHERE id = ? AND lease_owner = ? AND status = 'DELIVERY_STATUS_IN_FLIGHT'")
            .bind(0, attempts).bind(1, error).bind(2, now.toEpochMilli()).bind(3, id).bind(4, owner)
            .execute()
        == 1;
  }

  /**
   * What the newest delivered notice of the same case, connector and order left for follow-ups
   * to update in place.
   */
  public static Optional<String> previousReference(Handle h, Delivery d) {
    if (d.getCaseId().isEmpty()) {
      return Optional.empty();
    }
    return h.createQuery(
            "SELECT external_ref FROM deliveries WHERE case_id = ? AND connector = ?"
                + " AND COALESCE(order_id, '') = ? AND status = 'DELIVERY_STATUS_DELIVERED'"
                + " AND external_ref IS NOT NULL AND external_ref <> '' AND id <> ? ORDER BY seq DESC LIMIT 1")
        .bind(0, d.getCaseId()).bind(1, d.getConnector()).bind(2, d.getRecipient().getOrderId()).bind(3, d.getId())
        .mapTo(String.class)
        .findOne();
  }
}
