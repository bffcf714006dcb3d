package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Shopify order a notification is about, as a GraphQL global id ({@code
 * gid://shopify/Order/450789469}): from the {@code order_id} fact, else the recipient's order id.
 * Shopify's order id is the numeric {@code id} its webhooks carry (what the Shopify source
 * reports), not the {@code #1001} name customers see.
 */
final class OrderGid {

  private static final Pattern NUMERIC = Pattern.compile("[1-9][0-9]{0,19}");
  private static final Pattern GID = Pattern.compile("gid://shopify/Order/([1-9][0-9]{0,19})");

  private OrderGid() {}

  static String of(Notification notification) throws PermanentDeliveryException {
    String fact = notification.fact("order_id").strip();
    String orderId = fact.isEmpty() ? notification.recipient().orderId().strip() : fact;
    if (orderId.isEmpty()) {
      throw new PermanentDeliveryException("shopify: delivery " + notification.deliveryId()
          + " names no order; the Shopify connector tags orders and needs the order's numeric id");
    }
    if (NUMERIC.matcher(orderId).matches()) {
      return "gid://shopify/Order/" + orderId;
    }
    Matcher gid = GID.matcher(orderId);
    if (gid.matches()) {
      return orderId;
    }
    throw new PermanentDeliveryException("shopify: order id '" + orderId + "' of delivery " + notification.deliveryId()
        + " is not a Shopify order id: it must be the order's numeric id (as in the orders/updated webhook), "
        + "not its name such as #1001");
  }
}
