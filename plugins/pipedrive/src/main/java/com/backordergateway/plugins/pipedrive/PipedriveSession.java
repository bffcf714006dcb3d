package com.backordergateway.plugins.pipedrive;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.support.FollowUps;
import com.backordergateway.connector.support.HtmlText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One configured Pipedrive company. A customer's first notice finds the order's deal (deal
 * search on the order custom field), adds the Backorder label, adds a note with the detail and
 * gives the deal's owner an activity due on the expected day, which Pipedrive notifies them of;
 * the receipt's reference is {@code deal:<id>;activity:<id>}. A new date adds a note and moves
 * the activity; the resolution swaps the Backorder label for the restocked or cancelled one, adds
 * a note and marks the activity done. An activity deleted meanwhile is created again and the
 * receipt's note says so; an order without a deal is refused for good, never retried.
 *
 * <p>Pipedrive has no API to send mail from a user's mailbox, so the owner hears of it through the
 * activity (Pipedrive's own notifications and reminders) and the note on the deal.
 */
final class PipedriveSession implements ConnectorSession {

  /** A note's content: Pipedrive takes 100,000 characters. */
  static final int MAX_NOTE = 100_000;

  private final PipedriveSettings settings;
  private final ConnectorContext context;
  private final PipedriveApi api;
  private final RequestPacing pacing;

  PipedriveSession(PipedriveSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.pacing = new RequestPacing(context.clock());
    this.api = new PipedriveApi(settings, context, pacing);
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    String subject = notification.message().subject().strip();
    String body = notification.message().body().strip();
    if (subject.isEmpty() || body.isEmpty() || body.length() > MAX_NOTE) {
      throw new PermanentDeliveryException("pipedrive: the rendered " + (subject.isEmpty() ? "activity subject is empty"
          : body.isEmpty() ? "note is empty" : "note is longer than the " + MAX_NOTE + " characters Pipedrive takes")
          + "; check the template for " + notification.trigger() + " / " + notification.purpose());
    }
    pacing.requireWritesLeft();
    Optional<DealReference> previous = FollowUps.recordOf(notification, DealReference.PATTERN, "Pipedrive deal",
        context).flatMap(DealReference::parse);
    return previous.isEmpty() ? open(notification, subject) : followUp(notification, previous.get(), subject);
  }

  /** Search, label, note, activity. */
  private DeliveryReceipt open(Notification notification, String subject) throws DeliveryException {
    String order = orderValue(notification);
    if (order.length() < 2) {
      throw new PermanentDeliveryException("pipedrive: the notification names no order ("
          + (settings.byOrderName() ? "order_name" : "order_id") + " is " + (order.isEmpty() ? "empty" : "'" + order
          + "', shorter than the 2 characters Pipedrive's search takes") + "); nothing was written");
    }
    Deal deal = Deal.forOrder(api, settings, order).orElseThrow(() -> new PermanentDeliveryException(
        "pipedrive: no deal has " + order + " in the order field " + settings.orderFieldKey()
            + "; nothing was written. Check order-field-key and order-value, or the deal's field"));
    setLabels(deal, withBackorder(deal.labelIds()));
    long note = addNote(deal.id(), notification);
    long activity = createActivity(deal, notification, subject, notification.purpose() == Purpose.RESOLUTION);
    context.logger().info("delivery {}: labelled Pipedrive deal {}, added note {} and activity {} for user {}",
        notification.deliveryId(), deal.id(), note, activity, deal.ownerId());
    return new DeliveryReceipt(Long.toString(note), new DealReference(deal.id(), activity).toString());
  }

  /** A note, and the activity moved (a new date) or done with the label swapped (the resolution). */
  private DeliveryReceipt followUp(Notification notification, DealReference previous, String subject)
      throws DeliveryException {
    boolean resolution = notification.purpose() == Purpose.RESOLUTION;
    Deal deal = null;
    if (resolution) {
      deal = Deal.byId(api, previous.dealId()).orElseThrow(() -> gone(previous));
      setLabels(deal, resolved(deal.labelIds(), notification.fact("status")));
    }
    long note = addNote(previous.dealId(), notification);
    ObjectNode change = resolution ? context.json().object().put("done", true)
        : context.json().object().put("due_date", dueDate(notification).toString());
    HttpResponse<String> answer = api.send("PATCH", "/api/v2/activities/" + previous.activityId(), change);
    DeliveryReceipt receipt = new DeliveryReceipt(Long.toString(note), previous.toString());
    if (!PipedriveAnswers.gone(answer)) {
      api.accepted(answer);
      return receipt;
    }
    Deal owner = deal != null ? deal : Deal.byId(api, previous.dealId()).orElseThrow(() -> gone(previous));
    long activity = createActivity(owner, notification, subject, resolution);
    String text = "activity " + previous.activityId() + " was deleted in Pipedrive; created activity " + activity
        + " on deal " + previous.dealId();
    context.logger().warn("delivery {}: {}", notification.deliveryId(), text);
    return new DeliveryReceipt(receipt.externalId(), previous.withActivity(activity).toString()).withNote(text);
  }

  private PermanentDeliveryException gone(DealReference previous) {
    return new PermanentDeliveryException("pipedrive: deal " + previous.dealId() + " no longer exists; nothing was "
        + "written");
  }

  private void setLabels(Deal deal, List<Long> labels) throws DeliveryException {
    if (labels.equals(deal.labelIds())) {
      return;
    }
    ObjectNode change = context.json().object();
    ArrayNode ids = change.putArray("label_ids");
    labels.forEach(ids::add);
    api.accepted(api.send("PATCH", "/api/v2/deals/" + deal.id(), change));
  }

  private List<Long> withBackorder(List<Long> labels) {
    List<Long> with = new ArrayList<>(labels);
    if (!with.contains(settings.backorderLabel())) {
      with.add(settings.backorderLabel());
    }
    return with;
  }

  /** The Backorder label off, and the outcome's label on when one is configured. */
  private List<Long> resolved(List<Long> labels, String status) {
    List<Long> without = new ArrayList<>(labels);
    without.remove(settings.backorderLabel());
    OptionalLong outcome = status.equals("cancelled") ? settings.cancelledLabel()
        : status.equals("restocked") ? settings.restockedLabel() : OptionalLong.empty();
    if (outcome.isPresent() && !without.contains(outcome.getAsLong())) {
      without.add(outcome.getAsLong());
    }
    return without;
  }

  private long addNote(long dealId, Notification notification) throws DeliveryException {
    ObjectNode note = context.json().object()
        .put("content", HtmlText.paragraphs(notification.message().body().strip())).put("deal_id", dealId);
    return PipedriveAnswers.id(api.accepted(api.send("POST", "/api/v1/notes", note)), "note");
  }

  /** The owner's activity, due on the expected day; already done for a resolution with none open. */
  private long createActivity(Deal deal, Notification notification, String subject, boolean done)
      throws DeliveryException {
    ObjectNode activity = context.json().object().put("subject", subject).put("type", settings.activityType())
        .put("owner_id", deal.owner()).put("deal_id", deal.id()).put("due_date", dueDate(notification).toString())
        .put("note", HtmlText.paragraphs(notification.message().body().strip())).put("done", done);
    return PipedriveAnswers.id(api.accepted(api.send("POST", "/api/v2/activities", activity)), "activity");
  }

  /** The ETA's day where the customer lives; without one, today there plus {@code activity-due-days}. */
  private LocalDate dueDate(Notification notification) {
    ZoneId zone;
    try {
      String name = notification.recipient().timeZone().strip();
      zone = name.isEmpty() ? ZoneOffset.UTC : ZoneId.of(name);
    } catch (DateTimeException unknown) {
      zone = ZoneOffset.UTC;
    }
    try {
      return LocalDate.ofInstant(Instant.parse(notification.fact("eta").strip()), zone);
    } catch (DateTimeException noEta) {
      return LocalDate.now(context.clock().withZone(zone)).plusDays(settings.dueInDays());
    }
  }

  private String orderValue(Notification notification) {
    if (settings.byOrderName()) {
      return notification.fact("order_name").strip();
    }
    String fromRecipient = notification.recipient().orderId().strip();
    return fromRecipient.isEmpty() ? notification.fact("order_id").strip() : fromRecipient;
  }

  @Override
  public String toString() {
    return "PipedriveSession[" + context.instanceId() + " → " + settings.host() + ", " + settings.signIn() + "]";
  }
}
