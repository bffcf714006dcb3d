package com.backordergateway.server.intake;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.EventKind;
import com.backordergateway.api.v1.IngestPlatformEventRequest;
import com.backordergateway.api.v1.PlatformSignal;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.errors.ConflictException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PLATFORM_BACKORDER: Shopify or WooCommerce reports an order with backordered lines. Each
 * backordered SKU joins (or opens, with a staff alert) its case, and the order's customer is
 * notified once per case. Replays of the platform's delivery id are answered as duplicates
 * before this rule runs.
 */
final class PlatformBackorderRule implements IntakeRule<IngestPlatformEventRequest> {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** {@code type/id} of each configured source instance: only these may report. */
  private final Set<String> configured = new HashSet<>();

  PlatformBackorderRule(List<GatewayConfig.Source> sources) {
    sources.forEach(s -> configured.add(s.type() + "/" + s.id()));
  }

  @Override
  public EventKind kind() {
    return EventKind.EVENT_KIND_PLATFORM_EVENT;
  }

  @Override
  public void validate(IngestPlatformEventRequest r, Violations v, Instant now) {
    v.check(NAME.matcher(r.getSource()).matches(), "source", "required: a source type such as shopify");
    v.check(NAME.matcher(r.getInstance()).matches(), "instance", "required: a configured source instance id");
    if (NAME.matcher(r.getSource()).matches() && NAME.matcher(r.getInstance()).matches()) {
      v.check(configured.contains(r.getSource() + "/" + r.getInstance()), "instance",
          "no source " + r.getSource() + "/" + r.getInstance() + " is configured (the gateway's sources list)");
    }
    switch (r.getPayloadCase()) {
      case SIGNAL -> validateSignal(r.getSignal(), v);
      case WEBHOOK -> v.check(!r.getWebhook().getBody().isEmpty(), "webhook.body", "required");
      case PAYLOAD_NOT_SET -> v.add("payload", "exactly one of webhook, signal is required");
    }
    v.idempotencyKey(r.getIdempotencyKey());
  }

  private static void validateSignal(PlatformSignal s, Violations v) {
    v.requiredId("signal.delivery_id", s.getDeliveryId());
    if (!s.hasOrder()) {
      v.add("signal.order", "required");
    } else {
      v.order("signal.order", s.getOrder());
    }
    v.check(s.getBackorderedSkusCount() > 0, "signal.backordered_skus", "at least one SKU");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < s.getBackorderedSkusCount(); i++) {
      v.sku("signal.backordered_skus[" + i + "]", s.getBackorderedSkus(i));
      v.check(seen.add(s.getBackorderedSkus(i)), "signal.backordered_skus[" + i + "]", "listed twice");
    }
    if (s.hasEta()) {
      v.timestamp("signal.eta", s.getEta());
    }
  }

  private static String orderName(PlatformSignal signal) {
    String name = signal.getOrder().getOrderName();
    return name.isBlank() ? signal.getOrder().getOrderId() : name;
  }

  /** The dedupe key for the platform's own retries: its delivery id, per source instance. */
  static String dedupeScope(IngestPlatformEventRequest r) {
    return "platform:" + r.getSource() + "/" + r.getInstance();
  }

  @Override
  public void apply(IntakeTransaction tx, IngestPlatformEventRequest r) {
    if (!r.hasSignal()) {
      // Raw webhooks reach intake only as signals, after their source plugin verified them.
      throw ConflictException.failedPrecondition("a raw webhook must be verified by its source plugin first");
    }
    PlatformSignal signal = r.getSignal();
    String orderId = signal.getOrder().getOrderId();
    int opened = 0;
    int notified = 0;
    for (String sku : signal.getBackorderedSkusList()) {
      tx.touchedSku(sku);
      Optional<BackorderCase> open = tx.openCase(sku);
      BackorderCase c =
          open.orElseGet(() -> tx.openCase(sku, "", Trigger.TRIGGER_PLATFORM_BACKORDER,
              r.getSource() + " order " + orderName(signal) + " reported backordered",
              signal.hasEta() ? signal.getEta() : null, signal.getOrder()));
      opened += open.isEmpty() ? 1 : 0;
      notified += tx.addOrder(c, signal.getOrder(), Trigger.TRIGGER_PLATFORM_BACKORDER) ? 1 : 0;
    }
    if (opened > 0 || notified > 0) {
      tx.fired(Trigger.TRIGGER_PLATFORM_BACKORDER,
          r.getSource() + " order " + orderId + " backordered: " + opened + " case(s) opened, customer notified for "
              + notified + " SKU(s)");
    } else {
      tx.notFired("order " + orderId + " is already on the open cases of these SKUs");
    }
  }
}
