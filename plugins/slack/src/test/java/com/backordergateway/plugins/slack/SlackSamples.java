package com.backordergateway.plugins.slack;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.Notification.Message;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.Recipient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Notifications the Slack tests deliver: the staff alert the shipped template renders, and variants. */
final class SlackSamples {

  static final String DELIVERY_ID = "dlv-slack-0001";
  static final String SUBJECT = "Sold out: Titanium White Acrylic 120 ml";
  static final String BODY = "*Titanium White Acrylic 120 ml* (ACR-TITANIUM-WHITE) sold out on order ORD-5001 and is "
      + "now on backorder. Expected back April 14, 2026.";

  private SlackSamples() {}

  static Map<String, String> facts() {
    Map<String, String> facts = new HashMap<>();
    facts.put("sku", "ACR-TITANIUM-WHITE");
    facts.put("product", "Titanium White Acrylic 120 ml");
    facts.put("order_id", "ORD-5001");
    facts.put("case_id", "case_01JSAMPLE");
    facts.put("eta", "2026-04-14T16:00:00Z");
    facts.put("status", "backordered");
    facts.put("reason", "sold out after a sale");
    facts.put("supplier", "");
    facts.put("po_number", "");
    facts.put("store_name", "Maple & Thread Crafts");
    return facts;
  }

  static Notification staffAlert() {
    return new Notification(DELIVERY_ID, Trigger.STOCK_DEPLETED, Purpose.STAFF_ALERT, Audience.STAFF, Recipient.NONE,
        new Message(SUBJECT, BODY), facts(), Optional.empty());
  }

  static Notification followUp(String deliveryId, String previousReference) {
    Map<String, String> facts = facts();
    facts.put("status", "restocked");
    facts.put("eta", "");
    return new Notification(deliveryId, Trigger.STOCK_DEPLETED, Purpose.RESOLUTION, Audience.STAFF, Recipient.NONE,
        new Message("Back in stock: Titanium White Acrylic 120 ml",
            "*Titanium White Acrylic 120 ml* (ACR-TITANIUM-WHITE) is back in stock. Orders waiting on it can ship now."),
        facts, Optional.of(previousReference));
  }

  static Notification withMessage(String subject, String body, Map<String, String> facts) {
    return new Notification(DELIVERY_ID, Trigger.MARKED_UNAVAILABLE, Purpose.STAFF_ALERT, Audience.STAFF,
        Recipient.NONE, new Message(subject, body), facts, Optional.empty());
  }
}
