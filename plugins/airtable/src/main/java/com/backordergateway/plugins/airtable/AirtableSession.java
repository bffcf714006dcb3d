package com.backordergateway.plugins.airtable;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.support.RequestWindow;
import com.backordergateway.plugins.airtable.AirtableAnswers.Upserted;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * One configured Airtable table. Every delivery is one upsert ({@code PATCH} with {@code
 * performUpsert} on the case key), so a case's first notice creates its record and the new date
 * and the resolution update the same one — without remembering its id, and without a lookup
 * first. When a follow-up's upsert had to create the record (someone deleted it), the receipt's
 * note says so.
 *
 * <p>Each request first takes a slot of the base's window, shared by every instance on the same
 * base; holds no other state, so concurrent deliveries are safe.
 */
final class AirtableSession implements ConnectorSession {

  /** Airtable's long text fields hold 100,000 characters. */
  static final int MAX_TEXT = 100_000;

  private final AirtableSettings settings;
  private final ConnectorContext context;
  private final RequestWindow base;

  AirtableSession(AirtableSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.base = RequestWindow.shared(settings.baseId(), settings.requestsPerSecond(), Duration.ofSeconds(1),
        "requests a second on Airtable base " + settings.baseId());
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    if (notification.message().body().strip().length() > MAX_TEXT) {
      throw new PermanentDeliveryException("airtable: the rendered update is longer than the " + MAX_TEXT
          + " characters a long text field holds; shorten the template for " + notification.trigger() + " / "
          + notification.purpose());
    }
    base.reserve(1, context.clock());
    HttpRequest request = HttpRequest.newBuilder(settings.recordsUrl())
        .method("PATCH", context.json().body(CaseRecord.upsert(notification, settings, context.clock().instant())))
        .header("Authorization", "Bearer " + settings.token())
        .header("Content-Type", "application/json")
        .build();
    Upserted record = AirtableAnswers.upserted(AirtableAnswers.ANSWERS.check(context.http().send(request),
        context.clock()));
    String key = CaseRecord.caseKey(notification);
    context.logger().debug("delivery {}: {} Airtable record {} ({})", notification.deliveryId(),
        record.created() ? "created" : "updated", record.id(), key);
    DeliveryReceipt receipt = new DeliveryReceipt(record.id(), record.id());
    boolean followUp = notification.previousReference().filter(previous -> !previous.isBlank()).isPresent();
    if (followUp && record.created()) {
      String note = "no Airtable record had case key '" + key + "' any more (record "
          + notification.previousReference().get() + " was deleted); created record " + record.id();
      context.logger().warn("delivery {}: {}", notification.deliveryId(), note);
      return receipt.withNote(note);
    }
    return receipt;
  }

  @Override
  public String toString() {
    return "AirtableSession[" + context.instanceId() + " → " + settings.baseId() + "/" + settings.table() + "]";
  }
}
