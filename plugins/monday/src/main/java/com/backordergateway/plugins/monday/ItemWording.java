package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.support.HtmlText;
import java.util.ArrayList;
import java.util.List;

/**
 * What people read on the board: the item's name, built from the facts so it stays the same for
 * the whole case whatever the templates say, and each update's body, which is the rendered
 * template as HTML (monday.com update bodies are HTML): the subject in bold, then the body's
 * paragraphs, every character HTML gives a meaning to escaped.
 */
final class ItemWording {

  /** monday.com refuses longer item names ({@code ItemNameTooLongException}). */
  static final int MAX_ITEM_NAME = 255;

  private ItemWording() {}

  /**
   * "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE)" for a case's staff item; "#1001 –
   * Titanium White Acrylic 120 ml – Maya Okafor" for a customer's order item.
   *
   * @throws PermanentDeliveryException if the name is longer than monday.com takes (never cut)
   */
  static String itemName(Notification notification) throws PermanentDeliveryException {
    String sku = notification.fact("sku").strip();
    String product = notification.fact("product").strip();
    String item = product.isEmpty() || product.equals(sku) ? sku : sku.isEmpty() ? product : product + " (" + sku + ")";
    List<String> parts = new ArrayList<>();
    if (notification.audience() == Audience.CUSTOMER) {
      String order = notification.fact("order_name").strip();
      String customer = notification.recipient().name().strip();
      addIfPresent(parts, order.isEmpty() ? notification.recipient().orderId().strip() : order);
      addIfPresent(parts, product.isEmpty() ? sku : product);
      addIfPresent(parts, customer.isEmpty() ? notification.recipient().email().strip() : customer);
    } else {
      addIfPresent(parts, item);
    }
    String name = String.join(" – ", parts);
    if (name.isEmpty()) {
      throw new PermanentDeliveryException("monday: the notification names no SKU or product to name the item after");
    }
    if (name.length() > MAX_ITEM_NAME) {
      throw new PermanentDeliveryException("monday: the item name would be " + name.length() + " characters; "
          + "monday.com takes at most " + MAX_ITEM_NAME);
    }
    return name;
  }

  /**
   * The update's HTML body: the rendered subject in bold (when there is one), then the body.
   *
   * @throws PermanentDeliveryException if the rendered body is empty: there would be nothing to post
   */
  static String updateBody(Notification notification) throws PermanentDeliveryException {
    String body = notification.message().body().strip();
    if (body.isEmpty()) {
      throw new PermanentDeliveryException("monday: the rendered update for " + notification.trigger() + " / "
          + notification.purpose() + " is empty; check the template");
    }
    String subject = notification.message().subject().strip();
    String html = HtmlText.paragraphs(body);
    return subject.isEmpty() ? html : "<p><strong>" + HtmlText.escape(subject) + "</strong></p>\n" + html;
  }

  private static void addIfPresent(List<String> parts, String part) {
    if (!part.isEmpty()) {
      parts.add(part);
    }
  }
}
