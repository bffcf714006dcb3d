package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformResponses;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured WooCommerce store: tells the customer through a customer note on their order,
 * which WooCommerce emails to them and shows on the order in their account. A customer notice
 * first puts the order on hold ({@code PUT /wp-json/wc/v3/orders/{id}} {@code {"status":"on-hold"}}),
 * then adds the note ({@code POST …/orders/{id}/notes} {@code {"note", "customer_note": true}});
 * ETA corrections and resolutions add the note only. Only customer notifications arrive: the
 * connector declares the customer audience alone, and the host enforces it.
 *
 * <p>Holds no mutable state, so concurrent deliveries are safe.
 */
final class WooCommerceSession implements ConnectorSession {

  private static final Pattern ORDER_ID = Pattern.compile("[1-9][0-9]{0,18}");

  private final WooCommerceSettings settings;
  private final ConnectorContext context;
  private final String authorization;

  WooCommerceSession(WooCommerceSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    String credentials = settings.consumerKey() + ":" + settings.consumerSecret();
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    String orderId = orderId(notification);
    String note = notification.message().body().strip();
    if (note.isEmpty()) {
      throw new PermanentDeliveryException("woocommerce: the rendered note for delivery " + notification.deliveryId()
          + " is empty; check the " + notification.trigger() + " / " + notification.purpose() + " template");
    }
    if (notification.purpose() == Purpose.CUSTOMER_NOTICE) {
      send("PUT", settings.orderUrl(orderId), context.json().object().put("status", "on-hold"),
          WooCommerceAnswers.ORDER_HOLD, notification.deliveryId());
    }
    String noteId = send("POST", settings.notesUrl(orderId),
        context.json().object().put("note", note).put("customer_note", true), WooCommerceAnswers.CUSTOMER_NOTE,
        notification.deliveryId());
    return new DeliveryReceipt(noteId, "");
  }

  /** Sends one JSON request and returns the id of the resource the store answered with. */
  private String send(String method, URI url, ObjectNode body, PlatformResponses rules, String deliveryId)
      throws DeliveryException {
    HttpRequest request = HttpRequest.newBuilder(url)
        .method(method, context.json().body(body))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", authorization)
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {}: WooCommerce {} {} {}: HTTP {}", deliveryId, settings.host(), method,
        url.getRawPath(), response.statusCode());
    return WooCommerceAnswers.resourceId(rules, response, context.clock());
  }

  /** The WooCommerce order id: the {@code order_id} fact, else the recipient's; a positive integer. */
  private static String orderId(Notification notification) throws PermanentDeliveryException {
    String fact = notification.fact("order_id").strip();
    String orderId = fact.isEmpty() ? notification.recipient().orderId().strip() : fact;
    if (!ORDER_ID.matcher(orderId).matches()) {
      throw new PermanentDeliveryException("woocommerce: order id '" + orderId + "' of delivery "
          + notification.deliveryId() + " is not a WooCommerce order id (the order's numeric id, as in its webhook)");
    }
    return orderId;
  }

  @Override
  public String toString() {
    return "WooCommerceSession[" + context.instanceId() + " → " + settings.host() + "]";
  }
}
