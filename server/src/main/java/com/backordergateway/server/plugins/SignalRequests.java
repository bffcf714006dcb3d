package com.backordergateway.server.plugins;

import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.PlatformSignal;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.Resolution;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.connector.api.BackorderSignal;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.ResolvedSignal;
import com.backordergateway.connector.api.ShipmentSignal;
import com.backordergateway.connector.api.StockSignal;
import com.backordergateway.connector.api.UnavailableSignal;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;

/**
 * A source plugin's signal as the API request it stands for. Each carries the idempotency key
 * the host derives from the platform's delivery id, so a platform's retry is a duplicate.
 */
final class SignalRequests {

  private SignalRequests() {}

  /**
   * A stock-out reads like a sale to zero (it opens the case; there is no order to notify), a
   * positive level like a count (it resolves an open case as restocked).
   */
  static ReportInventoryLevelRequest inventory(StockSignal s, String key) {
    ReportInventoryLevelRequest.Builder r = ReportInventoryLevelRequest.newBuilder()
        .setSku(s.sku()).setOnHand(s.onHand()).setCategory(s.category()).setIdempotencyKey(key)
        .setCause(s.stockedOut() ? InventoryCause.INVENTORY_CAUSE_SALE : InventoryCause.INVENTORY_CAUSE_COUNT);
    s.observedAt().ifPresent(at -> r.setObservedAt(timestamp(at)));
    return r.build();
  }

  static MarkUnavailableRequest unavailable(UnavailableSignal s, String key) {
    MarkUnavailableRequest.Builder r = MarkUnavailableRequest.newBuilder()
        .setSku(s.sku()).setReason(s.reason()).setActor(s.actor()).setCategory(s.category()).setIdempotencyKey(key);
    s.eta().ifPresent(eta -> r.setEta(timestamp(eta)));
    s.affectedOrders().forEach(order -> r.addAffectedOrders(order(order, "")));
    return r.build();
  }

  static ReportShipmentUpdateRequest shipment(ShipmentSignal s, String key) {
    ReportShipmentUpdateRequest.Builder r =
        ReportShipmentUpdateRequest.newBuilder().setPoNumber(s.poNumber()).setIdempotencyKey(key);
    switch (s.change()) {
      case NEW_DATE -> r.setNewExpectedAt(timestamp(s.newExpectedAt().orElseThrow()));
      case RECEIVED -> r.setReceived(true);
      case CANCELLED -> r.setCancelled(true);
    }
    return r.build();
  }

  static ResolveBackorderRequest resolution(ResolvedSignal s, String key) {
    return ResolveBackorderRequest.newBuilder().setSku(s.sku()).setMessage(s.message()).setIdempotencyKey(key)
        .setResolution(s.outcome() == ResolvedSignal.Outcome.RESTOCKED
            ? Resolution.RESOLUTION_RESTOCKED : Resolution.RESOLUTION_CANCELLED)
        .build();
  }

  static PlatformSignal backorder(BackorderSignal s) {
    PlatformSignal.Builder out = PlatformSignal.newBuilder()
        .setDeliveryId(s.deliveryId())
        .setOrder(order(s.customer(), s.orderName()))
        .addAllBackorderedSkus(s.backorderedSkus());
    s.eta().ifPresent(eta -> out.setEta(timestamp(eta)));
    return out.build();
  }

  private static CustomerOrder order(Recipient c, String orderName) {
    return CustomerOrder.newBuilder()
        .setOrderId(c.orderId())
        .setOrderName(orderName)
        .setCustomer(Customer.newBuilder().setName(c.name()).setEmail(c.email()).setPhone(c.phone())
            .setLocale(c.locale()).setTimeZone(c.timeZone()).setCustomerId(c.customerId()))
        .build();
  }

  private static Timestamp timestamp(Instant at) {
    return Timestamps.fromMillis(at.toEpochMilli());
  }
}
