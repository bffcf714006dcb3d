package com.backordergateway.plugins.freshdesk;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.support.HtmlText;
import com.backordergateway.connector.support.PhoneNumbers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON bodies the connector sends Freshdesk:
 *
 * <ul>
 *   <li>Create a Ticket: the requester (the customer by {@code email}, else {@code phone} with the
 *       {@code name} Freshdesk then requires; for staff, the configured staff requester), {@code
 *       subject}, the rendered body as escaped HTML {@code description}, {@code status}, {@code
 *       priority}, {@code tags}, {@code custom_fields} and the routed {@code group_id} / {@code
 *       responder_id};
 *   <li>Create a Note: the follow-up as HTML, private unless a customer may read it;
 *   <li>Update a Ticket: {@code status} alone.
 * </ul>
 *
 * Custom fields of a customer's ticket are filled from {@link Notification#audienceFacts()}, so the
 * staff-only {@code reason} and {@code note} never reach a ticket the customer can see.
 */
final class TicketPayloads {

  /** Freshdesk's "Resolved" status. */
  static final int RESOLVED = 4;

  private TicketPayloads() {}

  /**
   * Create a Ticket, with {@code status}.
   *
   * @throws PermanentDeliveryException if there is no requester, subject or body Freshdesk would take
   */
  static ObjectNode ticket(Notification notification, FreshdeskSettings settings, int status)
      throws PermanentDeliveryException {
    Notification.Message message = notification.message();
    if (message.subject().isBlank()) {
      throw new PermanentDeliveryException("freshdesk: the rendered ticket has no subject; start the template for "
          + notification.trigger() + " / " + notification.purpose() + " with a 'Subject: …' line");
    }
    ObjectNode ticket = requester(notification, settings);
    ticket.put("subject", message.subject().strip());
    ticket.put("description", html(notification));
    ticket.put("status", status);
    ticket.put("priority", settings.priority());
    ArrayNode tags = ticket.putArray("tags");
    tags(notification, settings).forEach(tags::add);
    ObjectNode fields = PlatformJson.get().object();
    settings.customFields().forEach((fact, field) -> source(notification, fact)
        .filter(value -> !value.isBlank()).ifPresent(value -> fields.put(field, value)));
    if (!fields.isEmpty()) {
      ticket.set("custom_fields", fields);
    }
    settings.routing().assignmentFor(notification.fact("category"), notification.fact("supplier")).ifPresent(to -> {
      to.groupId().ifPresent(id -> ticket.put("group_id", id));
      to.agentId().ifPresent(id -> ticket.put("responder_id", id));
    });
    return ticket;
  }

  /** Create a Note: the subject in bold, then the body; public only for a customer's notification. */
  static ObjectNode note(Notification notification) throws PermanentDeliveryException {
    String subject = notification.message().subject().strip();
    String body = subject.isEmpty() ? html(notification)
        : "<p><strong>" + HtmlText.escape(subject) + "</strong></p>\n" + html(notification);
    return PlatformJson.get().object().put("body", body).put("private", notification.audience() == Audience.STAFF);
  }

  /** Update a Ticket's status. */
  static ObjectNode status(int status) {
    return PlatformJson.get().object().put("status", status);
  }

  private static ObjectNode requester(Notification notification, FreshdeskSettings settings)
      throws PermanentDeliveryException {
    ObjectNode ticket = PlatformJson.get().object();
    if (notification.audience() == Audience.STAFF) {
      String staff = settings.staffRequester().orElseThrow(() -> new PermanentDeliveryException("freshdesk: a staff "
          + "notification needs the " + FreshdeskSettings.STAFF_REQUESTER_EMAIL + " setting, the requester of its ticket"));
      return ticket.put("email", staff);
    }
    Recipient customer = notification.recipient();
    String name = customer.name().strip();
    Optional<String> phone = PhoneNumbers.e164(customer.phone());
    if (!customer.email().isBlank()) {
      ticket.put("email", customer.email().strip());
    } else if (phone.isPresent() && !name.isEmpty()) {
      ticket.put("phone", phone.get());
    } else if (phone.isPresent()) {
      throw new PermanentDeliveryException("freshdesk: the customer has a phone number but no email address or name; "
          + "Freshdesk needs a name with a phone-only requester");
    } else {
      throw new PermanentDeliveryException("freshdesk: the customer has neither an email address nor a phone number");
    }
    if (!name.isEmpty()) {
      ticket.put("name", name);
    }
    return ticket;
  }

  private static String html(Notification notification) throws PermanentDeliveryException {
    if (notification.message().body().isBlank()) {
      throw new PermanentDeliveryException("freshdesk: the rendered body is empty; check the template for "
          + notification.trigger() + " / " + notification.purpose());
    }
    return HtmlText.paragraphs(notification.message().body());
  }

  /** The configured tags, then the trigger and the SKU, each once. */
  private static Set<String> tags(Notification notification, FreshdeskSettings settings) {
    Set<String> tags = new LinkedHashSet<>(settings.tags());
    tags.add(kebab(notification.trigger().name()));
    if (!notification.fact("sku").isBlank()) {
      tags.add(notification.fact("sku").strip());
    }
    return tags;
  }

  /** A custom field's value: a fact the audience may see, or one the connector derives. */
  private static Optional<String> source(Notification notification, String fact) {
    Map<String, String> facts = notification.audienceFacts();
    return switch (fact) {
      case "trigger" -> Optional.of(kebab(notification.trigger().name()));
      case "purpose" -> Optional.of(kebab(notification.purpose().name()));
      case "eta_date" -> date(facts.getOrDefault("eta", ""));
      default -> Optional.ofNullable(facts.get(fact));
    };
  }

  /** The ETA's date (UTC), as a Freshdesk date field takes it: {@code 2026-04-14}. */
  private static Optional<String> date(String eta) {
    try {
      return eta.isBlank() ? Optional.empty() : Optional.of(Instant.parse(eta.strip()).atOffset(ZoneOffset.UTC)
          .toLocalDate().toString());
    } catch (DateTimeException notAnInstant) {
      return Optional.empty();
    }
  }

  private static String kebab(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
