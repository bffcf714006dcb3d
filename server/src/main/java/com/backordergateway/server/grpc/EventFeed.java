package com.backordergateway.server.grpc;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.api.v1.WatchEventsResponse;
import com.backordergateway.server.errors.ErrorStatus;
import com.backordergateway.server.errors.InvalidRequestException;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.DeliveryChangeRows;
import com.backordergateway.server.store.EventRows;
import com.backordergateway.server.store.GroupCommitWriter;
import io.grpc.stub.ServerCallStreamObserver;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;

/**
 * WatchEvents: every subscriber reads committed events and delivery status changes from the
 * log after its own cursor ({@code <event seq>.<change seq>}).
 *
 * <p>Commits only wake subscribers; each one pulls at the pace its client reads (gRPC flow
 * control), so a slow subscriber falls behind in the log instead of holding up intake or
 * buffering without bound.
 */
@Singleton
final class EventFeed {

  private static final int BATCH = 200;
  private static final long FROM_NOW = -1;

  private final Jdbi jdbi;
  private final Executor executor;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

  @Inject
  EventFeed(Database database, GroupCommitWriter writer, @Named("queries") Executor executor) {
    this.jdbi = database.jdbi();
    this.executor = executor;
    writer.onCommit(() -> subscriptions.forEach(Subscription::wake));
  }

  /** Called on the transport thread: gRPC only takes stream handlers before the method returns. */
  void subscribe(WatchEventsRequest request, ServerCallStreamObserver<WatchEventsResponse> observer) {
    long[] cursor = request.getAfterCursor().isEmpty() ? new long[] {FROM_NOW, FROM_NOW} : cursor(request.getAfterCursor());
    Subscription subscription = new Subscription(request.getSku(), cursor[0], cursor[1], observer);
    observer.setOnCancelHandler(() -> subscriptions.remove(subscription));
    observer.setOnReadyHandler(subscription::wake);
    subscriptions.add(subscription);
    subscription.wake();
  }

  int subscriberCount() {
    return subscriptions.size();
  }

  /** {@code E.D}, or just {@code E} (an event's own cursor: deliveries from now on). */
  private static long[] cursor(String text) {
    try {
      long[] parts = Arrays.stream(text.split("\\.", -1)).mapToLong(Long::parseLong).toArray();
      if (parts.length == 1 && parts[0] >= 0) {
        return new long[] {parts[0], FROM_NOW};
      }
      if (parts.length == 2 && parts[0] >= 0 && parts[1] >= 0) {
        return parts;
      }
    } catch (NumberFormatException e) {
      // same answer as any other malformed cursor
    }
    throw InvalidRequestException.of("after_cursor", "not a cursor from an event or a watch response");
  }

  private final class Subscription {
    private final String sku;
    private final ServerCallStreamObserver<WatchEventsResponse> observer;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile long lastEvent;
    private volatile long lastChange;

    Subscription(String sku, long lastEvent, long lastChange, ServerCallStreamObserver<WatchEventsResponse> observer) {
      this.sku = sku;
      this.lastEvent = lastEvent;
      this.lastChange = lastChange;
      this.observer = observer;
    }

    void wake() {
      dirty.set(true);
      if (draining.compareAndSet(false, true)) {
        executor.execute(this::drain);
      }
    }

    private void drain() {
      try {
        while (dirty.getAndSet(false)) {
          pump();
        }
      } catch (RuntimeException e) {
        subscriptions.remove(this);
        observer.onError(ErrorStatus.toStatus(e));
        return;
      } finally {
        draining.set(false);
      }
      if (dirty.get()) {
        wake();
      }
    }

    /** Sends what the client can take now; the ready handler wakes us for the rest. */
    private void pump() {
      if (lastEvent == FROM_NOW) {
        lastEvent = jdbi.withHandle(EventRows::lastSeq);
      }
      if (lastChange == FROM_NOW) {
        lastChange = jdbi.withHandle(DeliveryChangeRows::lastSeq);
      }
      while (!observer.isCancelled() && observer.isReady()) {
        List<Event> events = jdbi.withHandle(h -> EventRows.after(h, lastEvent, sku, BATCH));
        for (Event event : events) {
          lastEvent = Long.parseLong(event.getCursor());
          observer.onNext(WatchEventsResponse.newBuilder().setCursor(cursor()).setEvent(event).build());
        }
        List<DeliveryChangeRows.Change> changes = jdbi.withHandle(h -> DeliveryChangeRows.after(h, lastChange, BATCH));
        for (DeliveryChangeRows.Change change : changes) {
          lastChange = change.seq();
          if (about(change.delivery())) {
            observer.onNext(WatchEventsResponse.newBuilder().setCursor(cursor()).setDelivery(change.delivery()).build());
          }
        }
        if (events.size() < BATCH && changes.size() < BATCH) {
          return;
        }
      }
    }

    private boolean about(Delivery d) {
      return sku.isEmpty() || Arrays.asList(d.getFactsOrDefault("sku", "").split(", ")).contains(sku);
    }

    private String cursor() {
      return lastEvent + "." + lastChange;
    }
  }
}
