package com.backordergateway.bench;

import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.OrderLine;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Intake requests, one SKU per sequence number so no call finds another's case:
 * a {@link #sale} to zero with an order opens a case and plans a staff alert and a customer notice;
 * a {@link #count} records a level and plans nothing.
 */
final class IntakeRequests {

  /** A per-run prefix, so runs against one database never share a SKU. */
  private final String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
  private final String prefix;

  IntakeRequests() {
    this("BENCH");
  }

  /** SKUs start with {@code prefix}, which routes can match ({@code sku: "BACKLOG-*"}). */
  IntakeRequests(String prefix) {
    this.prefix = prefix;
  }

  ReportInventoryLevelRequest sale(long seq) {
    String sku = sku(seq);
    return ReportInventoryLevelRequest.newBuilder()
        .setSku(sku)
        .setOnHand(0)
        .setCause(InventoryCause.INVENTORY_CAUSE_SALE)
        .setOrder(CustomerOrder.newBuilder()
            .setOrderId("ORD-" + run + "-" + seq)
            .setCustomer(Customer.newBuilder()
                .setName("Bench Customer " + seq)
                .setEmail("customer" + seq + "@example.com")
                .setPhone("+1555" + String.format("%07d", seq % 10_000_000))
                .setLocale("en-US")
                .setTimeZone("UTC")
                .setCustomerId("cust-" + seq))
            .addLines(OrderLine.newBuilder().setSku(sku).setQuantity(1)))
        .build();
  }

  ReportInventoryLevelRequest count(long seq) {
    return ReportInventoryLevelRequest.newBuilder()
        .setSku(sku(seq))
        .setOnHand(12)
        .setCause(InventoryCause.INVENTORY_CAUSE_COUNT)
        .build();
  }

  private String sku(long seq) {
    return prefix + "-" + run + "-" + seq;
  }
}
