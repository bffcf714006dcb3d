package com.backordergateway.server.grpc;

import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.api.v1.WatchEventsResponse;
import com.backordergateway.server.errors.ErrorStatus;
import com.backordergateway.server.errors.InvalidRequestException;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.EventRows;
import com.backordergateway.server.store.GroupCommitWriter;
import io.grpc.stub.ServerCallStreamObserver;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;

/**
 * WatchEvents: every subscriber reads committed events from the log after its own cursor.
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
    long after = request.getAfterCursor().isEmpty() ? FROM_NOW : cursor(request.getAfterCursor());
    Subscription subscription = new Subscription(request.getSku(), after, observer);
    observer.setOnCancelHandler(() -> subscriptions.remove(subscription));
    observer.setOnReadyHandler(subscription::wake);
    subscriptions.add(subscription);
    subscription.wake();
  }

  int subscriberCount() {
    return subscriptions.size();
  }

  private static long cursor(String text) {
    try {
      long value = Long.parseLong(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // same answer as a negative cursor
    }
    throw InvalidRequestException.of("after_cursor", "not a cursor from an event or a watch response");
  }

  private final class Subscription {
    private final String sku;
    private final ServerCallStreamObserver<WatchEventsResponse> observer;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile long lastSeq;

    Subscription(String sku, long lastSeq, ServerCallStreamObserver<WatchEventsResponse> observer) {
      this.sku = sku;
      this.lastSeq = lastSeq;
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
      if (lastSeq == FROM_NOW) {
        lastSeq = jdbi.withHandle(EventRows::lastSeq);
      }
      while (!observer.isCancelled() && observer.isReady()) {
        List<Event> events = jdbi.withHandle(h -> EventRows.after(h, lastSeq, sku, BATCH));
        for (Event event : events) {
          observer.onNext(WatchEventsResponse.newBuilder().setCursor(event.getCursor()).setEvent(event).build());
          lastSeq = Long.parseLong(event.getCursor());
        }
        if (events.size() < BATCH) {
          return;
        }
      }
    }
  }
}
