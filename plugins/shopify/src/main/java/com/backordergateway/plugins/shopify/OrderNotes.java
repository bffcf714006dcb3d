package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends a line to an order's note without losing what is there. Shopify can only replace the
 * note ({@code orderUpdate(input: {note})}), so the note is read, the text appended on a new line
 * and the whole written back:
 *
 * <ul>
 *   <li>a text the note already contains is not appended again, so a retry after a lost answer
 *       (or a repeated follow-up with the same wording) leaves one copy;
 *   <li>deliveries of one instance for the same order take turns (a lock per order, striped), so
 *       two backordered SKUs of one order cannot overwrite each other's line.
 * </ul>
 *
 * What this cannot prevent: an edit of the note in the Shopify admin, or by another app or another
 * gateway replica, between the read and the write (a window of one round trip) is overwritten.
 */
final class OrderNotes {

  private static final int STRIPES = 64;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  OrderNotes() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** Appends {@code text} to the note of order {@code gid} unless the note already contains it. */
  void append(AdminGraphql api, String gid, String text, String deliveryId) throws DeliveryException {
    Objects.requireNonNull(text, "text is null");
    ReentrantLock lock = locks[Math.floorMod(gid.hashCode(), STRIPES)];
    lock.lock();
    try {
      JsonNode order =
          api.run(OrderOperations.ORDER_NOTE, api.variables().put("id", gid), "delivery " + deliveryId).path("order");
      if (!order.isObject()) {
        throw new PermanentDeliveryException("shopify: there is no order " + gid + " in the store");
      }
      String note = order.path("note").isTextual() ? order.path("note").asText() : "";
      if (note.contains(text)) {
        return;
      }
      String updated = note.isEmpty() ? text : note.endsWith("\n") ? note + text : note + "\n" + text;
      ObjectNode variables = api.variables();
      variables.putObject("input").put("id", gid).put("note", updated);
      ShopifyAnswers.mutationPayload(api.run(OrderOperations.NOTE_UPDATE, variables, "delivery " + deliveryId), "orderUpdate");
    } finally {
      lock.unlock();
    }
  }
}
