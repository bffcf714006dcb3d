package com.backordergateway.server.store;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.Trigger;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Backorder cases and the customer orders affected by them. */
public final class CaseRows {

  private CaseRows() {}

  public static Optional<BackorderCase> openForSku(Handle h, String sku) {
    return h.createQuery("SELECT * FROM cases WHERE sku = ? AND status = 'CASE_STATUS_OPEN'")
        .bind(0, sku)
        .map((rs, ctx) -> caseOf(rs))
        .findOne();
  }

  public static Optional<BackorderCase> find(Handle h, String id) {
    return h.createQuery("SELECT * FROM cases WHERE id = ?")
        .bind(0, id)
        .map((rs, ctx) -> caseOf(rs))
        .findOne();
  }

  /** Adds orders to {@code c} as read from the database. */
  public static BackorderCase withOrders(Handle h, BackorderCase c) {
    return c.toBuilder().clearOrders().addAllOrders(orders(h, c.getId())).build();
  }

  public static void insert(Handle h, BackorderCase c) {
    long at = Timestamps.toMillis(c.getOpenedAt());
    DirectWrites.update(h,
        "INSERT INTO cases (id, sku, category, opened_by, status, eta, reason, opened_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.getId(), c.getSku(), c.getCategory(), c.getOpenedBy().name(), c.getStatus().name(),
        c.hasEta() ? Timestamps.toMillis(c.getEta()) : null, c.getReason(), at, at);
  }

  /** Adds an order to a case; false if the case already had it. */
  public static boolean addOrder(Handle h, String caseId, CustomerOrder order, Instant at) {
    return DirectWrites.update(h,
        "INSERT INTO case_orders (case_id, order_id, customer, added_at, order_name)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        caseId, order.getOrderId(), order.getCustomer().toByteArray(), at.toEpochMilli(), order.getOrderName()) == 1;
  }

  public static List<CustomerOrder> orders(Handle h, String caseId) {
    return h.createQuery(
            "SELECT order_id, order_name, customer FROM case_orders WHERE case_id = ? ORDER BY added_at, order_id")
        .bind(0, caseId)
        .map((rs, ctx) -> CustomerOrder.newBuilder()
            .setOrderId(rs.getString("order_id"))
            .setOrderName(rs.getString("order_name"))
            .setCustomer(customer(rs.getBytes("customer")))
            .build())
        .list();
  }

  public static void setEta(Handle h, String caseId, Instant eta, Instant at) {
    h.createUpdate("UPDATE cases SET eta = ?, updated_at = ? WHERE id = ?")
        .bind(0, eta.toEpochMilli())
        .bind(1, at.toEpochMilli())
        .bind(2, caseId)
        .execute();
  }

  public static void touch(Handle h, String caseId, Instant at) {
    h.createUpdate("UPDATE cases SET updated_at = ? WHERE id = ?")
        .bind(0, at.toEpochMilli())
        .bind(1, caseId)
        .execute();
  }

  /** Moves an open case to its final status; false if it was no longer open. */
  public static boolean resolve(Handle h, String caseId, CaseStatus status, String message, Instant at) {
    return h.createUpdate(
                "UPDATE cases SET status = ?, resolution_message = ?, resolved_at = ?, updated_at = ?"
                    + " WHERE id = ? AND status = 'CASE_STATUS_OPEN'")
            .bind(0, status.name())
            .bind(1, message)
            .bind(2, at.toEpochMilli())
            .bind(3, at.toEpochMilli())
            .bind(4, caseId)
            .execute()
        == 1;
  }

  /** A page of cases, newest first, after the keyset position {@code beforeSeq}. */
  public static List<Page.Row<BackorderCase>> list(
      Handle h, String sku, CaseStatus status, long beforeSeq, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM cases WHERE seq < :before");
    if (!sku.isEmpty()) {
      sql.append(" AND sku = :sku");
    }
    if (status != CaseStatus.CASE_STATUS_UNSPECIFIED) {
      sql.append(" AND status = :status");
    }
    sql.append(" ORDER BY seq DESC LIMIT :limit");
    return h.createQuery(sql.toString())
        .bind("before", beforeSeq)
        .bind("sku", sku)
        .bind("status", status.name())
        .bind("limit", limit)
        .map((rs, ctx) -> new Page.Row<>(rs.getLong("seq"), caseOf(rs)))
        .list();
  }

  public static BackorderCase caseOf(ResultSet rs) throws SQLException {
    BackorderCase.Builder c =
        BackorderCase.newBuilder()
            .setId(rs.getString("id"))
            .setSku(rs.getString("sku"))
            .setCategory(rs.getString("category"))
            .setOpenedBy(Trigger.valueOf(rs.getString("opened_by")))
            .setStatus(CaseStatus.valueOf(rs.getString("status")))
            .setReason(rs.getString("reason"))
            .setOpenedAt(Timestamps.fromMillis(rs.getLong("opened_at")))
            .setUpdatedAt(Timestamps.fromMillis(rs.getLong("updated_at")));
    long eta = rs.getLong("eta");
    if (!rs.wasNull()) {
      c.setEta(Timestamps.fromMillis(eta));
    }
    long resolvedAt = rs.getLong("resolved_at");
    if (!rs.wasNull()) {
      c.setResolvedAt(Timestamps.fromMillis(resolvedAt));
    }
    String message = rs.getString("resolution_message");
    if (message != null) {
      c.setResolutionMessage(message);
    }
    return c.build();
  }

  static Customer customer(byte[] bytes) {
    if (bytes == null) {
      return Customer.getDefaultInstance();
    }
    try {
      return Customer.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt customer row", e);
    }
  }
}
