package com.backordergateway.server.testing;

import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;

/** Builders for the requests tests send most. */
public final class Requests {

  private Requests() {}

  public static CustomerOrder order(String orderId) {
    return CustomerOrder.newBuilder()
        .setOrderId(orderId)
        .setCustomer(Customer.newBuilder()
            .setName("Customer " + orderId)
            .setEmail(orderId.toLowerCase() + "@example.com")
            .setPhone("+14155550123")
            .setTimeZone("America/New_York"))
        .build();
  }

  public static ReportInventoryLevelRequest sale(String sku, int onHand, String orderId) {
    return ReportInventoryLevelRequest.newBuilder()
        .setSku(sku)
        .setOnHand(onHand)
        .setCause(InventoryCause.INVENTORY_CAUSE_SALE)
        .setOrder(order(orderId))
        .build();
  }

  public static ReportInventoryLevelRequest level(String sku, int onHand, InventoryCause cause) {
    return ReportInventoryLevelRequest.newBuilder().setSku(sku).setOnHand(onHand).setCause(cause).build();
  }

  public static Timestamp at(Instant instant) {
    return Timestamps.fromMillis(instant.toEpochMilli());
  }
}
