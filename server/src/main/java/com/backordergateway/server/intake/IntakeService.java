package com.backordergateway.server.intake;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.IngestPlatformEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.api.v1.Shipment;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.errors.InvalidRequestException;
import com.backordergateway.server.routing.NotificationRenderer;
import com.backordergateway.server.routing.RoutePlanner;
import com.backordergateway.server.store.DeliveryRows;
import com.backordergateway.server.store.DeliveryWakeups;
import com.backordergateway.server.store.EventRows;
import com.backordergateway.server.store.GroupCommitWriter;
import com.backordergateway.server.store.IdempotencyRows;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.Timestamps;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Every intake call goes through here: validate, replay or apply the trigger rule, and commit
 * the event, case changes, planned deliveries and replay record in one transaction.
 *
 * <p>Validation runs on the caller's thread and throws {@link InvalidRequestException} before
 * anything is queued; the rest runs on the group-commit writer and completes the returned
 * future after the commit.
 */
@Singleton
public final class IntakeService {

  /** A platform's own delivery id, answered as a duplicate when the platform retries. */
  private record PlatformDelivery(String scope, String deliveryId) {}

  private final GroupCommitWriter writer;
  private final DeliveryWakeups wakeups;
  private final RoutePlanner routes;
  private final NotificationRenderer renderer;
  private final Clock clock;
  private final Ids ids;
  private final KnownSkus known;
  private final Cache<String, IdempotencyRows.Stored> recentKeys =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  private final InventoryLevelRule inventoryLevel = new InventoryLevelRule();
  private final MarkUnavailableRule markUnavailable = new MarkUnavailableRule();
  private final RegisterShipmentRule registerShipment;
  private final ShipmentUpdateRule shipmentUpdate;
  private final ShipmentOverdueRule shipmentOverdue;
  private final PlatformBackorderRule platformBackorder;
  private final ResolutionRule resolution = new ResolutionRule();

  @Inject
  public IntakeService(GroupCommitWriter writer, DeliveryWakeups wakeups, RoutePlanner routes, NotificationRenderer renderer,
      Clock clock, Ids ids, KnownSkus known, GatewayConfig config) {
    this.writer = writer;
    this.wakeups = wakeups;
    this.routes = routes;
    this.renderer = renderer;
    this.clock = clock;
    this.ids = ids;
    this.known = known;
    SupplierDelays delays = new SupplierDelays(config.triggers());
    this.registerShipment = new RegisterShipmentRule(delays);
    this.shipmentUpdate = new ShipmentUpdateRule(delays);
    this.platformBackorder = new PlatformBackorderRule(config.sources());
    this.shipmentOverdue = new ShipmentOverdueRule(delays);
  }

  public CompletableFuture<IntakeResponse> reportInventoryLevel(ReportInventoryLevelRequest r) {
    return submit(inventoryLevel, r, r.getIdempotencyKey(), null);
  }

  public CompletableFuture<IntakeResponse> markUnavailable(MarkUnavailableRequest r) {
    return submit(markUnavailable, r, r.getIdempotencyKey(), null);
  }

  public CompletableFuture<IntakeResponse> registerExpectedShipment(RegisterExpectedShipmentRequest r) {
    return submit(registerShipment, r, r.getIdempotencyKey(), null);
  }

  public CompletableFuture<IntakeResponse> reportShipmentUpdate(ReportShipmentUpdateRequest r) {
    return submit(shipmentUpdate, r, r.getIdempotencyKey(), null);
  }

  public CompletableFuture<IntakeResponse> ingestPlatformEvent(IngestPlatformEventRequest r) {
    PlatformDelivery delivery =
        r.hasSignal() ? new PlatformDelivery(PlatformBackorderRule.dedupeScope(r), r.getSignal().getDeliveryId()) : null;
    return submit(platformBackorder, r, r.getIdempotencyKey(), delivery);
  }

  public CompletableFuture<IntakeResponse> resolveBackorder(ResolveBackorderRequest r) {
    return submit(resolution, r, r.getIdempotencyKey(), null);
  }

  /** For the overdue monitor: fires SUPPLIER_DELAYED if the shipment is still overdue by a new step. */
  CompletableFuture<IntakeResponse> recordOverdue(Shipment snapshot) {
    return submit(shipmentOverdue, snapshot, "", null);
  }

  private <R extends Message> CompletableFuture<IntakeResponse> submit(
      IntakeRule<R> rule, R request, String key, PlatformDelivery platform) {
    Violations violations = new Violations();
    rule.validate(request, violations, clock.instant());
    FreeText.check(request, violations);
    violations.throwIfAny();
    String scope = rule.kind().name();
    byte[] hash = key.isEmpty() ? null : hashWithoutKey(request);
    if (!key.isEmpty()) {
      IdempotencyRows.Stored recent = recentKeys.getIfPresent(scope + '\n' + key);
      if (recent != null) {
        return CompletableFuture.completedFuture(replay(recent, hash));
      }
    }
    Any packed = Any.pack(request);
    return writer.submit(h -> record(h, rule, request, packed, scope, key, hash, platform))
        .thenApply(Supplier::get)
        .whenComplete((answer, error) -> {
          if (answer == null || answer.getDuplicate()) {
            return;
          }
          // Only after the commit: a batch that fails to commit must not leave a replayable answer.
          if (!key.isEmpty()) {
            recentKeys.put(scope + '\n' + key, new IdempotencyRows.Stored(hash, answer.toByteArray()));
          }
          if (answer.getPlannedDeliveriesCount() > 0) {
            wakeups.signal();
          }
        });
  }

  /** What a stored answer for these calls is tagged with until it is written (see GroupCommitWriter#handOff). */
  private static String answerTag(String scope, String key) {
    return "answer:" + scope + "\n" + key;
  }

  /**
   * Decides on the writer: the rule against the store's state, the event and case rows. Rendering
   * the deliveries and serializing the answer are handed off the writer; their rows (deliveries,
   * stored answers) are written before the same commit.
   */
  private <R extends Message> Supplier<IntakeResponse> record(Handle h, IntakeRule<R> rule, R request, Any packed,
      String scope, String key, byte[] hash, PlatformDelivery platform) {
    List<String> tags = new ArrayList<>();
    if (!key.isEmpty()) {
      String tag = answerTag(scope, key);
      tags.add(tag);
      writer.writeHandedOff(tag); // a retry in the same batch as its first call
      var stored = IdempotencyRows.find(h, scope, key);
      if (stored.isPresent()) {
        IntakeResponse answer = replay(stored.get(), hash);
        return () -> answer;
      }
    }
    if (platform != null) {
      String tag = answerTag(platform.scope(), platform.deliveryId());
      tags.add(tag);
      writer.writeHandedOff(tag);
      var stored = IdempotencyRows.find(h, platform.scope(), platform.deliveryId());
      if (stored.isPresent()) {
        IntakeResponse answer = replay(stored.get(), null);
        return () -> answer;
      }
    }
    Instant now = clock.instant();
    IntakeTransaction tx = new IntakeTransaction(h, now, ids.next("evt"), ids, routes, renderer, known, writer);
    rule.apply(tx, request);
    Event event =
        Event.newBuilder()
            .setId(tx.eventId)
            .setKind(rule.kind())
            .setTrigger(tx.trigger())
            .setTriggered(tx.trigger().getNumber() != 0)
            .setReason(tx.reason())
            .setCaseChange(tx.caseChange())
            .addAllSkus(tx.skus())
            .addAllCaseIds(tx.caseIds())
            .setReceivedAt(Timestamps.fromMillis(now.toEpochMilli()))
            .setRequest(packed)
            .build();
    EventRows.insert(h, event);
    IntakeResponse.Builder decided =
        IntakeResponse.newBuilder()
            .setEventId(event.getId())
            .addAllCaseIds(tx.caseIds())
            .setTriggered(event.getTriggered())
            .setTrigger(tx.trigger())
            .setReason(tx.reason())
            .setCaseChange(tx.caseChange());
    tx.shipmentResult().ifPresent(decided::setShipment);
    List<PlannedDelivery> planned = List.copyOf(tx.deliveries());
    planned.forEach(p -> {
      if (!p.about().caseId().isEmpty()) {
        tags.add(PlannedDelivery.caseTag(p.about().caseId()));
      }
    });
    var prepared = writer.handOff(tags, () -> prepare(decided, planned),
        (w, ready) -> {
          ready.rows().forEach(row -> DeliveryRows.insert(w, row));
          if (!key.isEmpty()) {
            IdempotencyRows.insert(w, scope, key, hash, ready.stored(), now);
          }
          if (platform != null) {
            IdempotencyRows.insert(w, platform.scope(), platform.deliveryId(), null, ready.stored(), now);
          }
        });
    return () -> prepared.get().answer();
  }

  /** The answer and the rows of an intake call, made ready off the writer. */
  private record Prepared(IntakeResponse answer, byte[] stored, List<DeliveryRows.Row> rows) {}

  private Prepared prepare(IntakeResponse.Builder decided, List<PlannedDelivery> planned) {
    List<DeliveryRows.Row> rows = new ArrayList<>(planned.size());
    for (PlannedDelivery p : planned) {
      Delivery d = p.render(renderer);
      decided.addPlannedDeliveries(d);
      rows.add(DeliveryRows.row(d));
    }
    IntakeResponse answer = decided.build();
    return new Prepared(answer, answer.toByteArray(), rows);
  }

  private static IntakeResponse replay(IdempotencyRows.Stored stored, byte[] hash) {
    if (hash != null && stored.requestHash() != null && !Arrays.equals(hash, stored.requestHash())) {
      throw InvalidRequestException.of("idempotency_key", "already used for a different request");
    }
    try {
      return IntakeResponse.parseFrom(stored.response()).toBuilder().setDuplicate(true).build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt stored answer", e);
    }
  }

  /** SHA-256 of the request without its idempotency key, so a retry with the same key matches. */
  private static byte[] hashWithoutKey(Message request) {
    Message withoutKey =
        request.toBuilder()
            .clearField(request.getDescriptorForType().findFieldByName("idempotency_key"))
            .build();
    try {
      return MessageDigest.getInstance("SHA-256").digest(withoutKey.toByteArray());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
