package com.backordergateway.plugins.salesforce;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.support.FollowUps;
import com.backordergateway.plugins.salesforce.OrderLookup.SalesforceOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured Salesforce org. A customer notice finds the Order, posts the rendered text on its
 * Chatter feed and creates a follow-up Task on it; the receipt's reference ({@code
 * order:801…;task:00T…}) brings the case's follow-ups back to both: an ETA correction moves the
 * Task's date, a resolution completes it, and each posts its text on the same Order. A Task
 * deleted meanwhile is replaced, and the receipt's note says so. Staff notices are posted on the
 * configured staff feed.
 *
 * <p>Writes that can be repeated come first and the post last ({@code PATCH} of a Task, then the
 * post); on a first notice the post comes before the Task, so a retry after a failed Task
 * creation may post twice but never leaves two Tasks. The only state is the access token, which
 * {@link AccessTokens} guards, so concurrent deliveries are safe.
 */
final class SalesforceSession implements ConnectorSession {

  private final SalesforceSettings settings;
  private final ConnectorContext context;
  private final SalesforceApi api;
  private final OrderLookup orders;

  SalesforceSession(SalesforceSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.api = new SalesforceApi(new AccessTokens(settings, context), SalesforceAnswers.rest(settings.limitWait()),
        context);
    this.orders = new OrderLookup(api, settings);
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    Optional<CaseReference> previous = FollowUps.recordOf(notification, CaseReference.PATTERN,
        "Salesforce order or feed", context).flatMap(CaseReference::parse);
    String text = ChatterPost.text(notification, "");
    if (notification.audience() == Audience.STAFF) {
      return staff(text, previous);
    }
    FollowUpTask.subject(notification); // a notice the Task cannot take is refused before anything is posted
    if (previous.isPresent() && previous.get().onOrder()) {
      return followUp(notification, previous.get(), text);
    }
    return onOrder(notification, text);
  }

  /** Finds the Order, posts on it and, unless the case is over, creates its follow-up Task. */
  private DeliveryReceipt onOrder(Notification notification, String text) throws DeliveryException {
    String value = orderValue(notification);
    Optional<SalesforceOrder> found = value.isEmpty() ? Optional.empty() : orders.find(settings.orderField(), value);
    if (found.isEmpty()) {
      return unmatched(notification, value);
    }
    SalesforceOrder order = found.get();
    String post = post(order.id(), text);
    if (notification.purpose() == Purpose.RESOLUTION) {
      return new DeliveryReceipt(post, CaseReference.order(order.id(), "").toString());
    }
    String task = createTask(notification, order, text);
    context.logger().info("delivery {}: posted {} on Salesforce Order {} and created Task {}",
        notification.deliveryId(), post, order.id(), task);
    return new DeliveryReceipt(post, CaseReference.order(order.id(), task).toString());
  }

  /** Moves or completes the case's Task (replacing it if it was deleted), then posts on the Order. */
  private DeliveryReceipt followUp(Notification notification, CaseReference previous, String text)
      throws DeliveryException {
    CaseReference reference = previous;
    String note = "";
    if (!previous.taskId().isEmpty()) {
      JsonNode update = notification.purpose() == Purpose.RESOLUTION ? FollowUpTask.complete(settings)
          : FollowUpTask.reschedule(notification, settings, context.clock());
      HttpResponse<String> answer = api.send(json(settings.taskUrl(previous.taskId()))
          .method("PATCH", context.json().body(update)));
      if (SalesforceAnswers.recordGone(answer)) {
        SalesforceOrder order = orders.find("Id", previous.orderId()).orElseThrow(() -> new PermanentDeliveryException(
            "salesforce: Order " + previous.orderId() + " and its Task " + previous.taskId() + " no longer exist"));
        reference = previous.withTask(createTask(notification, order, text));
        note = "task " + previous.taskId() + " was deleted in Salesforce; created task " + reference.taskId()
            + " on order " + previous.orderId();
        context.logger().warn("delivery {}: {}", notification.deliveryId(), note);
      } else {
        api.check(answer);
      }
    }
    DeliveryReceipt receipt = new DeliveryReceipt(post(previous.orderId(), text), reference.toString());
    return note.isEmpty() ? receipt : receipt.withNote(note);
  }

  /** No Order to post on: posted on the fallback feed if there is one, else refused for good. */
  private DeliveryReceipt unmatched(Notification notification, String value) throws DeliveryException {
    String problem = value.isEmpty() ? "the notification names no order (" + settings.orderFact() + " is empty)"
        : "no Order with " + settings.orderField() + " '" + value + "' in Salesforce";
    if (settings.fallbackSubjectId().isEmpty()) {
      throw new PermanentDeliveryException("salesforce: " + problem + "; nothing was posted. Check order-field and "
          + "order-fact, or set fallback-subject-id to post such notices on a record or group");
    }
    String fallback = settings.fallbackSubjectId().get();
    String post = post(fallback, ChatterPost.text(notification, "Not matched to a Salesforce Order (" + problem + ").\n\n"));
    context.logger().warn("delivery {}: {}; posted on fallback record {}", notification.deliveryId(), problem, fallback);
    return new DeliveryReceipt(post, CaseReference.subject(fallback).toString())
        .withNote(problem + "; posted on fallback record " + fallback);
  }

  /** Posts on the feed of the case's first staff post, else on the staff feed. */
  private DeliveryReceipt staff(String text, Optional<CaseReference> previous) throws DeliveryException {
    String subject = previous.filter(reference -> !reference.onOrder()).map(CaseReference::subjectId)
        .or(settings::staffSubjectId)
        .orElseThrow(() -> new PermanentDeliveryException("salesforce: staff notices need staff-subject-id, the "
            + "Chatter group, record or user whose feed they are posted to"));
    return new DeliveryReceipt(post(subject, text), CaseReference.subject(subject).toString());
  }

  /** The value matched against {@code order-field}: the shop's order id, or the name it shows. */
  private String orderValue(Notification notification) {
    if (settings.orderFact().equals("order_name")) {
      return notification.fact("order_name").strip();
    }
    String fromRecipient = notification.recipient().orderId().strip();
    return fromRecipient.isEmpty() ? notification.fact("order_id").strip() : fromRecipient;
  }

  private String post(String subjectId, String text) throws DeliveryException {
    HttpResponse<String> answer = api.accepted(json(settings.feedElementsUrl())
        .POST(context.json().body(ChatterPost.body(subjectId, text))));
    return SalesforceAnswers.createdId(answer, "feed item");
  }

  /** A Task on the Order for its owner (or task-owner-id); completed when the case is over. */
  private String createTask(Notification notification, SalesforceOrder order, String text) throws DeliveryException {
    String owner = settings.taskOwnerId().orElse(order.ownerId());
    JsonNode task = FollowUpTask.create(notification, order.id(), owner, text, settings, context.clock(),
        notification.purpose() == Purpose.RESOLUTION);
    HttpResponse<String> answer = api.accepted(json(settings.tasksUrl()).POST(context.json().body(task)));
    return SalesforceAnswers.createdId(answer, "Task");
  }

  private static HttpRequest.Builder json(URI uri) {
    return HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
  }

  @Override
  public String toString() {
    return "SalesforceSession[" + context.instanceId() + " → " + settings.host() + ", " + settings.flow() + "]";
  }
}
