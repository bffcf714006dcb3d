package com.backordergateway.connector.testkit;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.Recipient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Notifications as the host delivers them, for every trigger, purpose and audience, each with
 * the full facts map the host sets, so connector tests exercise what production sends instead of
 * hand-made half-filled ones. Customer notices go to {@link #CUSTOMER}; staff notices to
 * {@link Recipient#NONE} (the instance's own channel).
 */
public final class SampleNotifications {

  /** A customer with every contact detail. */
  public static final Recipient CUSTOMER = new Recipient("5678901234567", "Maya Okafor", "maya@example.com",
      "+14155550123", "en-US", "America/Chicago", "cust-218");

  /** {@link #CUSTOMER} waiting on another order ({@code ""}: a notice that names none). */
  public static Recipient customerOf(String orderId) {
    Recipient c = CUSTOMER;
    return new Recipient(orderId, c.name(), c.email(), c.phone(), c.locale(), c.timeZone(), c.customerId());
  }

  /** The purposes each audience hears about. */
  public static final List<Purpose> CUSTOMER_PURPOSES =
      List.of(Purpose.CUSTOMER_NOTICE, Purpose.ETA_CORRECTION, Purpose.RESOLUTION);
  public static final List<Purpose> STAFF_PURPOSES =
      List.of(Purpose.STAFF_ALERT, Purpose.ETA_CORRECTION, Purpose.RESOLUTION);

  private SampleNotifications() {}

  /** A customer notice about a sold-out SKU: the most common notification. */
  public static Notification customerNotice() {
    return customer(Trigger.STOCK_DEPLETED, Purpose.CUSTOMER_NOTICE);
  }

  /** A staff alert about a sold-out SKU. */
  public static Notification staffAlert() {
    return staff(Trigger.STOCK_DEPLETED, Purpose.STAFF_ALERT);
  }

  public static Notification customer(Trigger trigger, Purpose purpose) {
    return notification(trigger, purpose, Audience.CUSTOMER);
  }

  public static Notification staff(Trigger trigger, Purpose purpose) {
    return notification(trigger, purpose, Audience.STAFF);
  }

  /** Every trigger × purpose for one audience. */
  public static List<Notification> all(Audience audience) {
    List<Notification> all = new ArrayList<>();
    for (Trigger trigger : Trigger.values()) {
      for (Purpose purpose : audience == Audience.CUSTOMER ? CUSTOMER_PURPOSES : STAFF_PURPOSES) {
        all.add(notification(trigger, purpose, audience));
      }
    }
    return all;
  }

  /** The same notification as a follow-up to an earlier delivery that returned {@code reference}. */
  public static Notification followingUp(Notification notification, String reference) {
    return new Notification(notification.deliveryId(), notification.trigger(), notification.purpose(),
        notification.audience(), notification.recipient(), notification.message(), notification.facts(),
        Optional.of(reference));
  }

  /** The same notification with one fact replaced. */
  public static Notification withFact(Notification notification, String key, String value) {
    Map<String, String> facts = new HashMap<>(notification.facts());
    facts.put(key, value);
    return new Notification(notification.deliveryId(), notification.trigger(), notification.purpose(),
        notification.audience(), notification.recipient(), notification.message(), facts,
        notification.previousReference());
  }

  /** The same notification to another recipient. */
  public static Notification to(Notification notification, Recipient recipient) {
    return new Notification(notification.deliveryId(), notification.trigger(), notification.purpose(),
        notification.audience(), recipient, notification.message(), notification.facts(),
        notification.previousReference());
  }

  private static Notification notification(Trigger trigger, Purpose purpose, Audience audience) {
    String id = "dlv_sample_" + trigger.name().toLowerCase(Locale.ROOT) + "_" + purpose.name().toLowerCase(Locale.ROOT)
        + "_" + audience.name().toLowerCase(Locale.ROOT);
    return new Notification(id, trigger, purpose, audience, audience == Audience.CUSTOMER ? CUSTOMER : Recipient.NONE,
        message(trigger, purpose, audience), facts(trigger, purpose), Optional.empty());
  }

  /** The facts the host sets on every notification (see {@link Notification#facts()}). */
  public static Map<String, String> facts(Trigger trigger, Purpose purpose) {
    boolean supplier = trigger == Trigger.SUPPLIER_DELAYED;
    Map<String, String> facts = new HashMap<>();
    facts.put("sku", "ACR-TITANIUM-WHITE");
    facts.put("product", "Titanium White Acrylic 120 ml");
    facts.put("order_id", "5678901234567");
    facts.put("order_name", "#1001");
    facts.put("case_id", "case_01JSAMPLE");
    facts.put("eta", "2026-04-14T16:00:00Z");
    facts.put("eta_source", supplier ? "supplier" : "case");
    facts.put("status", switch (purpose) {
      case RESOLUTION -> "restocked";
      case ETA_CORRECTION -> "delayed";
      default -> supplier ? "delayed" : "backordered";
    });
    facts.put("reason", reason(trigger));
    facts.put("note", purpose == Purpose.RESOLUTION ? "48 on hand after a receipt" : "");
    facts.put("category", "paint");
    facts.put("supplier", supplier ? "Golden Artist Colors" : "");
    facts.put("po_number", supplier ? "PO-2041" : "");
    facts.put("store_name", "Maple & Thread Crafts");
    return facts;
  }

  private static String reason(Trigger trigger) {
    return switch (trigger) {
      case STOCK_DEPLETED -> "sold out: 0 on hand after a sale";
      case MARKED_UNAVAILABLE -> "water damage in the stock room";
      case SUPPLIER_DELAYED -> "shipment PO-2041 is 3 days late";
      case PLATFORM_BACKORDER -> "shopify order #1001 reported backordered";
    };
  }

  private static Notification.Message message(Trigger trigger, Purpose purpose, Audience audience) {
    String product = "Titanium White Acrylic 120 ml";
    if (audience == Audience.STAFF) {
      return switch (purpose) {
        case RESOLUTION -> new Notification.Message("Back in stock: " + product,
            product + " (ACR-TITANIUM-WHITE) is back in stock: 48 on hand after a receipt. Orders waiting on it can ship.");
        case ETA_CORRECTION -> new Notification.Message("New date for " + product,
            product + " (ACR-TITANIUM-WHITE) is now expected on April 14, 2026.");
        default -> new Notification.Message("Backorder: ACR-TITANIUM-WHITE",
            product + " (ACR-TITANIUM-WHITE) is backordered: " + reason(trigger) + ". Expected back April 14, 2026. "
                + "Order #1001 is waiting.");
      };
    }
    return switch (purpose) {
      case RESOLUTION -> new Notification.Message(product + " is back in stock",
          "Hi Maya,\n\nGood news: " + product + " is back in stock and your order #1001 will ship soon.\n\n"
              + "Maple & Thread Crafts");
      case ETA_CORRECTION -> new Notification.Message("New date for " + product + " on your order #1001",
          "Hi Maya,\n\n" + product + " on your order #1001 is taking longer than we said. Our new estimate is "
              + "April 14, 2026.\n\nMaple & Thread Crafts");
      default -> new Notification.Message("Your order #1001: " + product + " is on backorder",
          "Hi Maya,\n\nThank you for your order #1001. " + product + " is on backorder right now and we expect it "
              + "back by April 14, 2026.\n\nMaple & Thread Crafts");
    };
  }
}
