package com.backordergateway.plugins.zendesk;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.Recipient;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code {"ticket":{…}}} bodies of the two Tickets API calls the connector makes.
 *
 * <ul>
 *   <li>Creating ({@code POST /api/v2/tickets}): the rendered subject, the rendered body as the
 *       first comment, the customer as requester (staff tickets: the configured staff email, or
 *       the signed-in agent), priority, tags, {@code external_id}, ticket form and custom fields.
 *   <li>Following up ({@code PUT /api/v2/tickets/{id}}): the rendered body as a comment, the
 *       custom fields again (an ETA correction moves the date), and for a resolution the status.
 * </ul>
 *
 * Customer tickets get public comments unless {@code public-comments} is off; staff tickets always
 * get internal notes. Custom fields of customer tickets never carry the staff-only facts.
 */
final class TicketPayload {

  private static final PlatformJson JSON = PlatformJson.get();

  private TicketPayload() {}

  /**
   * The body that opens a ticket; {@code followUpOf} names the closed ticket it follows up.
   *
   * @throws PermanentDeliveryException if Zendesk would refuse it: no requester address for a
   *     customer, no subject or no body
   */
  static ObjectNode create(Notification notification, ZendeskSettings settings, OptionalLong followUpOf)
      throws PermanentDeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    Objects.requireNonNull(settings, "settings is null");
    ObjectNode root = JSON.object();
    ObjectNode ticket = root.putObject("ticket");
    String subject = notification.message().subject().strip();
    if (subject.isEmpty()) {
      throw new PermanentDeliveryException("zendesk: the rendered ticket has no subject; start the template for "
          + notification.trigger() + " / " + notification.purpose() + " with a 'Subject: …' line");
    }
    ticket.put("subject", subject);
    ticket.set("comment", comment(notification, settings));
    if (notification.audience() == Audience.CUSTOMER) {
      ticket.set("requester", customer(notification.recipient()));
    } else {
      settings.staffRequester().ifPresent(email -> ticket.putObject("requester").put("email", email));
    }
    settings.submitterId().ifPresent(id -> ticket.put("submitter_id", id));
    ticket.put("priority", settings.priority());
    ArrayNode tags = ticket.putArray("tags");
    tags(notification).forEach(tags::add);
    String externalId = externalId(notification);
    if (!externalId.isEmpty()) {
      ticket.put("external_id", externalId);
    }
    settings.ticketFormId().ifPresent(id -> ticket.put("ticket_form_id", id));
    addCustomFields(ticket, notification, settings);
    addResolutionStatus(ticket, notification, settings);
    followUpOf.ifPresent(id -> ticket.put("via_followup_source_id", id));
    return root;
  }

  /**
   * The body that adds the notification to an existing ticket.
   *
   * @throws PermanentDeliveryException if the rendered body is empty
   */
  static ObjectNode update(Notification notification, ZendeskSettings settings) throws PermanentDeliveryException {
    ObjectNode root = JSON.object();
    ObjectNode ticket = root.putObject("ticket");
    ticket.set("comment", comment(notification, settings));
    addCustomFields(ticket, notification, settings);
    addResolutionStatus(ticket, notification, settings);
    return root;
  }

  /** {@code backorder}, the trigger ({@code stock-depleted}) and the SKU ({@code sku_acr-titanium-white}). */
  static List<String> tags(Notification notification) {
    List<String> tags = new ArrayList<>(List.of("backorder", notification.trigger().name().toLowerCase(Locale.ROOT)
        .replace('_', '-')));
    String sku = tag(notification.fact("sku"));
    if (!sku.isEmpty()) {
      tags.add("sku_" + sku);
    }
    return tags;
  }

  /**
   * Text as a Zendesk tag: Zendesk splits tags at spaces and commas, lower-cases them and refuses
   * punctuation such as {@code # @ !}, so everything but letters, digits, {@code _} and {@code -}
   * becomes {@code _}.
   */
  static String tag(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_-]+", "_").replaceAll("^_+|_+$", "");
  }

  /** The case and the order ({@code case_01J…:5678901234567}); the case alone for a staff ticket. */
  static String externalId(Notification notification) {
    String order = notification.audience() == Audience.STAFF ? ""
        : notification.recipient().orderId().isBlank() ? notification.fact("order_id") : notification.recipient().orderId();
    return Stream.of(notification.fact("case_id"), order).map(String::strip).filter(part -> !part.isEmpty())
        .collect(Collectors.joining(":"));
  }

  private static ObjectNode customer(Recipient customer) throws PermanentDeliveryException {
    String email = customer.email().strip();
    if (email.isEmpty() || !email.contains("@")) {
      throw new PermanentDeliveryException("zendesk: the customer has no email address to be the ticket's requester");
    }
    ObjectNode requester = JSON.object();
    if (!customer.name().isBlank()) {
      requester.put("name", customer.name().strip());
    }
    return requester.put("email", email);
  }

  private static ObjectNode comment(Notification notification, ZendeskSettings settings)
      throws PermanentDeliveryException {
    String body = notification.message().body().strip();
    if (body.isEmpty()) {
      throw new PermanentDeliveryException("zendesk: the rendered comment is empty; check the template for "
          + notification.trigger() + " / " + notification.purpose());
    }
    boolean isPublic = notification.audience() == Audience.CUSTOMER && settings.publicComments();
    return JSON.object().put("body", body).put("public", isPublic);
  }

  private static void addCustomFields(ObjectNode ticket, Notification notification, ZendeskSettings settings) {
    Map<String, String> facts = notification.audienceFacts();
    ArrayNode fields = JSON.array();
    settings.customFields().forEach((fact, fieldId) -> {
      String value = facts.getOrDefault(fact, "").strip();
      if (!value.isEmpty()) {
        fields.addObject().put("id", fieldId).put("value", fact.equals("eta") ? date(value, notification.recipient()) : value);
      }
    });
    if (!fields.isEmpty()) {
      ticket.set("custom_fields", fields);
    }
  }

  /** A date field takes YYYY-MM-DD: the ETA's day where the customer lives (UTC for staff). */
  private static String date(String instant, Recipient recipient) {
    try {
      return LocalDate.ofInstant(Instant.parse(instant), zoneOf(recipient)).toString();
    } catch (DateTimeException notAnInstant) {
      return instant;
    }
  }

  private static ZoneId zoneOf(Recipient recipient) {
    try {
      return recipient.timeZone().isBlank() ? ZoneOffset.UTC : ZoneId.of(recipient.timeZone().strip());
    } catch (DateTimeException unknownZone) {
      return ZoneOffset.UTC;
    }
  }

  private static void addResolutionStatus(ObjectNode ticket, Notification notification, ZendeskSettings settings) {
    if (notification.purpose() == Purpose.RESOLUTION) {
      settings.resolutionStatus().ifPresent(status -> ticket.put("status", status));
    }
  }
}
