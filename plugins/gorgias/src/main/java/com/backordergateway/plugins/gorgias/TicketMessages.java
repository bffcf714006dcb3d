package com.backordergateway.plugins.gorgias;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.support.HtmlText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;

/**
 * The JSON bodies the connector sends Gorgias, and the external ids that make retries safe:
 *
 * <ul>
 *   <li>a ticket's {@code external_id} names its case and order ({@code backorder:<case>:<order>},
 *       or {@code backorder:<case>:staff} for the staff ticket of a case), so a retry finds the
 *       ticket an earlier attempt opened instead of opening a second one;
 *   <li>the message a delivery writes carries the delivery id as its {@code external_id}, so a
 *       retry can tell it was already written.
 * </ul>
 *
 * <p>A customer's ticket opens with an incoming API message (Gorgias requires one) that briefs
 * the agents; the customer is then emailed from the ticket as an outgoing message without
 * {@code sent_datetime}, which Gorgias sends. Without {@code proactive-email} the wording goes
 * into the opening message as a suggested reply. A staff ticket opens with an internal note.
 */
final class TicketMessages {

  private final GorgiasSettings settings;

  TicketMessages(GorgiasSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
  }

  /** The ticket's {@code external_id}: the case and the order, or the case's staff ticket. */
  static String ticketKey(Notification notification) {
    String caseId = notification.fact("case_id").strip();
    if (caseId.isEmpty()) {
      return "backorder-delivery:" + notification.deliveryId();
    }
    if (notification.audience() == Audience.STAFF) {
      return "backorder:" + caseId + ":staff";
    }
    Recipient customer = notification.recipient();
    String order = notification.fact("order_id").isBlank() ? customer.orderId() : notification.fact("order_id");
    return "backorder:" + caseId + ":" + (order.isBlank() ? customer.email().strip() : order.strip());
  }

  /**
   * Refuses, before any request, what Gorgias could not take: an empty message, or a customer
   * without an email address (the ticket's customer and the email's recipient).
   */
  static void requireSendable(Notification notification) throws PermanentDeliveryException {
    if (notification.message().body().isBlank()) {
      throw new PermanentDeliveryException("gorgias: the rendered message is empty; check the template for "
          + notification.trigger() + " / " + notification.purpose());
    }
    if (notification.audience() == Audience.CUSTOMER && notification.recipient().email().isBlank()) {
      throw new PermanentDeliveryException("gorgias: the customer has no email address; a Gorgias ticket needs one");
    }
  }

  /** Whether the delivery's message is an email sent after the ticket opens, rather than part of the opening. */
  boolean emailsCustomer(Notification notification) {
    return notification.audience() == Audience.CUSTOMER && settings.proactiveEmail();
  }

  /** {@code POST /api/tickets}: the ticket, tagged, with its opening message. */
  ObjectNode ticket(Notification notification) {
    boolean staff = notification.audience() == Audience.STAFF;
    ObjectNode ticket = PlatformJson.get().object()
        .put("external_id", ticketKey(notification))
        .put("channel", staff ? "internal-note" : "api")
        .put("via", "api")
        .put("from_agent", staff)
        .put("subject", subject(notification));
    if (!staff) {
      ObjectNode customer = ticket.putObject("customer").put("email", customerEmail(notification));
      if (!notification.recipient().name().isBlank()) {
        customer.put("name", notification.recipient().name().strip());
      }
    }
    ArrayNode tags = ticket.putArray("tags");
    tags.addObject().put("name", "backorder");
    tags.addObject().put("name", kebab(notification.trigger().name()));
    if (!notification.fact("sku").isBlank()) {
      tags.addObject().put("name", notification.fact("sku").strip());
    }
    ticket.putArray("messages").add(staff ? note(notification, body(notification)) : opening(notification));
    return ticket;
  }

  /** The delivery's message on an existing ticket: the customer's email, or an internal note. */
  ObjectNode message(Notification notification) {
    if (emailsCustomer(notification)) {
      return email(notification);
    }
    String text = notification.audience() == Audience.STAFF
        ? body(notification)
        : BackorderBrief.suggestedReply(notification);
    return note(notification, text);
  }

  /** The customer's incoming API message that opens the ticket, briefing the agents. */
  private ObjectNode opening(Notification notification) {
    boolean emailed = emailsCustomer(notification);
    String brief = BackorderBrief.of(notification, emailed);
    ObjectNode message = text(PlatformJson.get().object()
        .put("channel", "api").put("via", "api").put("from_agent", false), subject(notification), brief);
    message.putObject("sender").put("email", customerEmail(notification));
    if (!emailed) {
      // The opening carries this delivery's wording: a retry that finds the ticket sees it was written.
      message.put("external_id", notification.deliveryId());
    }
    return message;
  }

  /** An outgoing email from the support address; no {@code sent_datetime}, so Gorgias sends it. */
  private ObjectNode email(Notification notification) {
    String customerEmail = customerEmail(notification);
    ObjectNode message = text(PlatformJson.get().object()
        .put("channel", "email").put("via", "api").put("from_agent", true), subject(notification), body(notification));
    message.put("external_id", notification.deliveryId());
    message.putObject("sender").put("email", settings.email());
    message.putObject("receiver").put("email", customerEmail);
    ObjectNode source = message.putObject("source").put("type", "email");
    ObjectNode from = source.putObject("from");
    String fromName = settings.fromName().orElse(notification.fact("store_name").strip());
    if (!fromName.isEmpty()) {
      from.put("name", fromName);
    }
    from.put("address", settings.supportEmail());
    ObjectNode to = source.putArray("to").addObject();
    if (!notification.recipient().name().isBlank()) {
      to.put("name", notification.recipient().name().strip());
    }
    to.put("address", customerEmail);
    return message;
  }

  /** An internal note by the API user; never sent to the customer. */
  private ObjectNode note(Notification notification, String text) {
    ObjectNode message = PlatformJson.get().object()
        .put("channel", "internal-note").put("via", "api").put("from_agent", true)
        .put("external_id", notification.deliveryId());
    message.putObject("sender").put("email", settings.email());
    message.put("body_text", text).put("body_html", HtmlText.paragraphs(text));
    return message;
  }

  private static ObjectNode text(ObjectNode message, String subject, String text) {
    return message.put("subject", subject).put("body_text", text).put("body_html", HtmlText.paragraphs(text));
  }

  /** The rendered subject; a plain one for agents when the template has no {@code Subject:} line. */
  private static String subject(Notification notification) {
    String rendered = notification.message().subject().strip();
    if (!rendered.isEmpty()) {
      return rendered;
    }
    String item = notification.fact("product").isBlank() ? notification.fact("sku") : notification.fact("product");
    return "Backorder: " + item.strip();
  }

  private static String body(Notification notification) {
    return notification.message().body().strip();
  }

  private static String customerEmail(Notification notification) {
    return notification.recipient().email().strip();
  }

  private static String kebab(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
