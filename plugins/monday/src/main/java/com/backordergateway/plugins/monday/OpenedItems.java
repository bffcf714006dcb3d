package com.backordergateway.plugins.monday;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The items this session created for deliveries that have not finished yet, by delivery id.
 *
 * <p>Why: monday.com has no idempotency key, and a new item takes three calls (create it, set its
 * status, post the update). When a later call fails and the host retries the delivery, the retry
 * finds the item here and carries on with it instead of creating a second one. Forgotten once the
 * delivery succeeds; bounded, so deliveries that never succeed cannot grow it. Lives as long as
 * the session: a gateway restarted between the attempts creates the item again.
 */
final class OpenedItems {

  static final int CAPACITY = 1_000;

  private final Map<String, String> byDelivery = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The item an earlier attempt of this delivery created, if any. */
  synchronized Optional<String> of(String deliveryId) {
    return Optional.ofNullable(byDelivery.get(deliveryId));
  }

  synchronized void remember(String deliveryId, String itemId) {
    byDelivery.put(deliveryId, itemId);
  }

  synchronized void forget(String deliveryId) {
    byDelivery.remove(deliveryId);
  }

  synchronized int size() {
    return byDelivery.size();
  }
}
