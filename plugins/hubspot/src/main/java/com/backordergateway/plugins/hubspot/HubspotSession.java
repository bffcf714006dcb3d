package com.backordergateway.plugins.hubspot;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.support.FollowUps;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured HubSpot account. A customer's first notice of a case upserts their contact by
 * email (creating it when missing) with the backorder properties, so the merchant's workflow,
 * triggered by the status property, emails the customer; the contact id is the receipt's
 * reference. The case's follow-ups (a new date, the resolution) carry it and update the same
 * contact by id; when that contact was deleted meanwhile, the contact is upserted by email again
 * and the receipt's note says so. With {@code event-name} set, a custom event follows on the
 * contact.
 *
 * <p>Holds no mutable state, so concurrent deliveries are safe.
 */
final class HubspotSession implements ConnectorSession {

  private static final Pattern CONTACT_ID = Pattern.compile("[1-9][0-9]{0,19}");

  private final HubspotSettings settings;
  private final ConnectorContext context;
  private final PlatformResponses answers;

  HubspotSession(HubspotSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.answers = HubspotAnswers.on(context.clock(), settings.accountZone());
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    ObjectNode properties = ContactPayload.properties(notification, settings);
    Optional<String> previous = FollowUps.recordOf(notification, CONTACT_ID, "HubSpot contact", context);
    DeliveryReceipt receipt = previous.isEmpty() ? upsert(notification, properties)
        : update(notification, previous.get(), properties);
    return settings.eventName().isEmpty() ? receipt : sendEvent(notification, settings.eventName().get(), receipt);
  }

  /** Updates the contact by id; upserts by email when it is gone. */
  private DeliveryReceipt update(Notification notification, String contact, ObjectNode properties)
      throws DeliveryException {
    HttpResponse<String> answer = send(request(settings.contactUrl(contact))
        .method("PATCH", context.json().body(ContactPayload.patch(properties))).build());
    if (HubspotAnswers.contactNotFound(answer)) {
      DeliveryReceipt upserted = upsert(notification, properties);
      context.logger().warn("delivery {}: HubSpot contact {} was not found; upserted the customer's contact {} by email",
          notification.deliveryId(), contact, upserted.externalId());
      return upserted.withNote("contact " + contact + " was not found on HubSpot (deleted or merged); upserted the "
          + "customer's contact by email: " + upserted.externalId());
    }
    String id = HubspotAnswers.contactIdIn(answers.check(answer, context.clock())).orElse(contact);
    return new DeliveryReceipt(id, id);
  }

  /** Creates or updates the customer's contact by email. */
  private DeliveryReceipt upsert(Notification notification, ObjectNode properties) throws DeliveryException {
    HttpResponse<String> answer = send(request(settings.upsertUrl())
        .POST(context.json().body(ContactPayload.upsert(email(notification), properties))).build());
    String id = HubspotAnswers.contactId(answers.check(answer, context.clock()));
    return new DeliveryReceipt(id, id);
  }

  /**
   * Sends the custom event on the contact just written. Refused for good (an event not defined,
   * a missing scope), the delivery still counts: the contact is updated and the workflow runs,
   * so the receipt's note says what HubSpot refused instead of sending the notice again elsewhere.
   */
  private DeliveryReceipt sendEvent(Notification notification, String eventName, DeliveryReceipt receipt)
      throws DeliveryException {
    HttpResponse<String> answer = send(request(settings.eventsUrl()).POST(context.json().body(
        BackorderEvent.of(notification, settings, eventName, receipt.externalId(), context.clock().instant()))).build());
    try {
      answers.check(answer, context.clock());
      return receipt;
    } catch (PermanentDeliveryException refused) {
      context.logger().warn("delivery {}: HubSpot contact {} updated, but the custom event {} was refused: {}",
          notification.deliveryId(), receipt.externalId(), eventName, refused.getMessage());
      String note = "contact updated; custom event " + eventName + " refused: " + refused.getMessage();
      return receipt.withNote(receipt.note().isEmpty() ? note : receipt.note() + "; " + note);
    }
  }

  /** HubSpot finds and creates contacts by email, and keeps emails in lower case. */
  private static String email(Notification notification) throws PermanentDeliveryException {
    String email = notification.recipient().email().strip().toLowerCase(Locale.ROOT);
    if (email.isEmpty() || !email.contains("@")) {
      throw new PermanentDeliveryException("hubspot: the customer has no email address; HubSpot finds and creates "
          + "contacts by email, so no contact was updated");
    }
    return email;
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + settings.accessToken());
  }

  private HttpResponse<String> send(HttpRequest request) throws DeliveryException {
    HttpResponse<String> answer = context.http().send(request);
    context.logger().debug("HubSpot {} {}: HTTP {}", request.method(), request.uri().getPath(), answer.statusCode());
    HubspotAnswers.warnIfLimitLow(answer, context.logger());
    return answer;
  }

  @Override
  public String toString() {
    return "HubspotSession[" + context.instanceId() + " → " + settings.host() + ", properties "
        + settings.contactProperties().values() + settings.eventName().map(name -> ", event " + name).orElse("") + "]";
  }
}
