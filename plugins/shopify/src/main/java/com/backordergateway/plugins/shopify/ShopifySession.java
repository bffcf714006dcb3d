package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One configured Shopify store: marks the customer's order while an item of it is backordered.
 * A customer notice or ETA correction adds the backorder tag ({@code tagsAdd}), a resolution
 * removes it ({@code tagsRemove}); with {@code order-note} on, the rendered text is also appended
 * to the order's note. Only customer notifications arrive: the connector declares the customer
 * audience alone, and the host enforces it.
 *
 * <p>Thread-safe: the only shared state is {@link OrderNotes}' locks.
 */
final class ShopifySession implements ConnectorSession {

  private final ShopifySettings settings;
  private final ConnectorContext context;
  private final AdminGraphql api;
  private final OrderNotes notes = new OrderNotes();

  ShopifySession(ShopifySettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.api = new AdminGraphql(settings, context);
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    String gid = OrderGid.of(notification);
    boolean resolved = notification.purpose() == Purpose.RESOLUTION;
    String field = resolved ? "tagsRemove" : "tagsAdd";
    ObjectNode variables = api.variables().put("id", gid);
    variables.putArray("tags").add(settings.backorderTag());
    JsonNode data = api.run(resolved ? OrderOperations.TAGS_REMOVE : OrderOperations.TAGS_ADD, variables,
        "delivery " + notification.deliveryId());
    JsonNode node = ShopifyAnswers.mutationPayload(data, field).path("node");
    if (!node.path("id").isTextual()) {
      throw new PermanentDeliveryException("shopify: " + field + " reported neither the order nor an error for " + gid);
    }
    if (settings.orderNote()) {
      appendNote(notification, gid);
    }
    return new DeliveryReceipt(node.path("id").asText(), "");
  }

  private void appendNote(Notification notification, String gid) throws DeliveryException {
    String text = notification.message().body().strip();
    if (text.isEmpty()) {
      context.logger().warn("delivery {}: the rendered order note is empty; {} tagged, note left as it was",
          notification.deliveryId(), gid);
      return;
    }
    notes.append(api, gid, text, notification.deliveryId());
  }

  @Override
  public String toString() {
    return "ShopifySession[" + context.instanceId() + " → " + settings.shopDomain() + " (" + settings.host()
        + "), api " + settings.apiVersion() + ", tag " + settings.backorderTag() + "]";
  }
}
