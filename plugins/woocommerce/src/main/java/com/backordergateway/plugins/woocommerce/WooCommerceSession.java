package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured WooCommerce store: tells the customer through a customer note on their order,
 * which WooCommerce emails to them and shows on the order in their account. A customer notice
 * first puts the order on hold ({@code PUT /wp-json/wc/v3/orders/{id}} {@code {"status":"on-hold"}}),
 * then adds the note ({@code POST …/orders/{id}/notes} {@code {"note", "customer_note": true}});
 * ETA corrections and resolutions add the note only. Staff alerts are refused.
 *
 * <p>Holds no mutable state, so concurrent deliveries are safe.
 */
final class WooCommerceSession implements ConnectorSession {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ORDER_ID = Pattern.compile("[1-9][0-9]{0,18}");

  private final WooCommerceSettings settings;
  private final ConnectorContext context;
  private final String userAgent;
  private final String authorization;
  private final WooCommerceAnswers answers;

  WooCommerceSession(WooCommerceSettings settings, ConnectorContext context, String userAgent) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent is null");
    String credentials = settings.consumerKey() + ":" + settings.consumerSecret();
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.answers = new WooCommerceAnswers(settings, context.clock());
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    if (notification.audience() != Notification.Audience.CUSTOMER || notification.purpose() == Purpose.STAFF_ALERT) {
      throw new PermanentDeliveryException("woocommerce writes customer notes; instance " + context.instanceId() + " got a "
          + notification.audience() + " " + notification.purpose() + " notification: route staff alerts to a staff channel");
    }
    String orderId = orderId(notification);
    String note = notification.message().body().strip();
    if (note.isEmpty()) {
      throw new PermanentDeliveryException("woocommerce: the rendered note for delivery " + notification.deliveryId()
          + " is empty; check the " + notification.trigger() + " / " + notification.purpose() + " template");
    }
    if (notification.purpose() == Purpose.CUSTOMER_NOTICE) {
      send("PUT", settings.orderUrl(orderId), Map.of("status", "on-hold"), "put order " + orderId + " on hold",
          notification.deliveryId());
    }
    String noteId = send("POST", settings.notesUrl(orderId), Map.of("note", note, "customer_note", true),
        "add a customer note to order " + orderId, notification.deliveryId());
    return new DeliveryReceipt(noteId, "");
  }

  /** Sends one JSON request and returns the id of the resource the store answered with. */
  private String send(String method, URI url, Map<String, ?> body, String what, String deliveryId)
      throws DeliveryException {
    HttpRequest request = HttpRequest.newBuilder(url)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(json(body)))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", authorization)
        .header("User-Agent", userAgent)
        .build();
    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {}: WooCommerce {} {} {}: HTTP {}", deliveryId, settings.host(), method,
        url.getRawPath(), response.statusCode());
    return answers.resource(response, what).path("id").asText();
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

  private static byte[] json(Map<String, ?> body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "WooCommerceSession[" + context.instanceId() + " → " + settings.host() + "]";
  }
}
