package com.backordergateway.plugins.teams;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.Notification.Message;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.Recipient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Notifications the Teams tests deliver: the staff alert the shipped template renders, and variants. */
final class TeamsSamples {

  static final String DELIVERY_ID = "dlv-teams-0001";
  static final String SUBJECT = "Sold out: Titanium White Acrylic 120 ml";
  static final String BODY = "**Titanium White Acrylic 120 ml** (ACR-TITANIUM-WHITE) sold out on order ORD-5001 and is "
      + "now on backorder. Expected back April 14, 2026.";

  private TeamsSamples() {}

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

  static Notification withMessage(String subject, String body, Map<String, String> facts) {
    return new Notification(DELIVERY_ID, Trigger.SUPPLIER_DELAYED, Purpose.STAFF_ALERT, Audience.STAFF, Recipient.NONE,
        new Message(subject, body), facts, Optional.empty());
  }
}
