package com.backordergateway.server.grpc;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.api.v1.WatchEventsResponse;
import com.backordergateway.server.errors.ErrorStatus;
import com.backordergateway.server.errors.InvalidRequestException;
import com.backordergateway.server.store.ChangeNotifications;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.DeliveryChangeRows;
import com.backordergateway.server.store.EventRows;
import com.backordergateway.server.store.FeedPosition;
import io.grpc.stub.ServerCallStreamObserver;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;

/**
 * WatchEvents: every subscriber reads committed events and delivery status changes from the
 * log after its own cursor ({@code <event position>.<change position>}, see {@link FeedPosition}).
 * Commits of other replicas sharing the store wake subscribers through {@link ChangeNotifications}.
 *
 * <p>Commits only wake subscribers; each one pulls at the pace its client reads (gRPC flow
 * control), so a slow subscriber falls behind in the log instead of holding up intake or
 * buffering without bound.
 */
@Singleton
public final class EventFeed {

  /** Where a subscription's changes go: a gRPC stream, or the dashboard's Server-Sent Events. */
  public interface Subscriber {
    /** Whether it can take a change now; when it cannot, it calls {@link Subscription#wake} once it can. */
    boolean isReady();

    boolean isCancelled();

    void onNext(WatchEventsResponse change);

    /** The feed could not be read; the subscription has ended. */
    void onError(RuntimeException e);
  }

  private static final int BATCH = 200;

  private final Jdbi jdbi;
  private final Executor executor;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

  @Inject
  EventFeed(Database database, ChangeNotifications changes, @Named("queries") Executor executor) {
    this.jdbi = database.jdbi();
    this.executor = executor;
    changes.onFeedChange(() -> subscriptions.forEach(Subscription::wake));
  }

  /** Called on the transport thread: gRPC only takes stream handlers before the method returns. */
  void subscribe(WatchEventsRequest request, ServerCallStreamObserver<WatchEventsResponse> observer) {
    Subscription subscription = open(request.getAfterCursor(), request.getSku(), executor, new Subscriber() {
      @Override
      public boolean isReady() {
        return observer.isReady();
      }

      @Override
      public boolean isCancelled() {
        return observer.isCancelled();
      }

      @Override
      public void onNext(WatchEventsResponse change) {
        observer.onNext(change);
      }

      @Override
      public void onError(RuntimeException e) {
        observer.onError(ErrorStatus.toStatus(e));
      }
    });
    observer.setOnCancelHandler(subscription::cancel);
    observer.setOnReadyHandler(subscription::wake);
    subscriptions.add(subscription); // only now may a commit wake it
    subscription.wake();
  }

  /**
   * Streams changes after {@code afterCursor} (empty: from now on) about {@code sku} (empty: all)
   * to {@code subscriber} until it is cancelled, reading and sending on {@code pump}; a malformed
   * cursor is an {@link InvalidRequestException}.
   */
  public Subscription subscribe(String afterCursor, String sku, Executor pump, Subscriber subscriber) {
    Subscription subscription = open(afterCursor, sku, pump, subscriber);
    subscriptions.add(subscription);
    subscription.wake();
    return subscription;
  }

  private Subscription open(String afterCursor, String sku, Executor pump, Subscriber subscriber) {
    FeedPosition[] cursor = afterCursor.isEmpty() ? new FeedPosition[2] : cursor(afterCursor);
    return new Subscription(sku, cursor[0], cursor[1], pump, subscriber);
  }

  /** The cursor of the newest change committed now: a subscription after it sees every change from here on. */
  public String currentCursor() {
    return jdbi.withHandle(h -> EventRows.lastPosition(h) + "." + DeliveryChangeRows.lastPosition(h));
  }

  int subscriberCount() {
    return subscriptions.size();
  }

  /** {@code E.D}, or just {@code E} (an event's own cursor: deliveries from now on); null means "from now". */
  private static FeedPosition[] cursor(String text) {
    try {
      String[] parts = text.split("\\.", -1);
      if (parts.length == 1) {
        return new FeedPosition[] {FeedPosition.parse(parts[0]), null};
      }
      if (parts.length == 2) {
        return new FeedPosition[] {FeedPosition.parse(parts[0]), FeedPosition.parse(parts[1])};
      }
    } catch (IllegalArgumentException e) {
      // same answer as any other malformed cursor
    }
    throw InvalidRequestException.of("after_cursor", "not a cursor from an event or a watch response");
  }

  /** One subscriber's place in the feed. */
  public final class Subscription {
    private final String sku;
    private final Executor pump;
    private final Subscriber observer;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** Where this subscriber is in each feed; null until the first pump places it at "now". */
    private volatile FeedPosition lastEvent;
    private volatile FeedPosition lastChange;

    private Subscription(String sku, FeedPosition lastEvent, FeedPosition lastChange, Executor pump, Subscriber observer) {
      this.sku = sku;
      this.pump = pump;
      this.lastEvent = lastEvent;
      this.lastChange = lastChange;
      this.observer = observer;
    }

    /** Reads what is new now, on the subscription's pump. */
    public void wake() {
      dirty.set(true);
      if (draining.compareAndSet(false, true)) {
        try {
          pump.execute(this::drain);
        } catch (RejectedExecutionException e) {
          // Overloaded or stopping: this subscriber's stream ends (RESOURCE_EXHAUSTED on gRPC).
          draining.set(false);
          subscriptions.remove(this);
          observer.onError(io.grpc.Status.RESOURCE_EXHAUSTED
              .withDescription("too many watchers are catching up; resume from the last cursor").asRuntimeException());
        }
      }
    }

    private void drain() {
      try {
        while (dirty.getAndSet(false)) {
          pump();
        }
      } catch (RuntimeException e) {
        subscriptions.remove(this);
        observer.onError(e);
        return;
      } finally {
        draining.set(false);
      }
      if (dirty.get()) {
        wake();
      }
    }

    /** Stops reading for this subscriber. */
    public void cancel() {
      subscriptions.remove(this);
    }

    /** Sends what the client can take now; the ready handler wakes us for the rest. */
    private void pump() {
      if (lastEvent == null) {
        lastEvent = jdbi.withHandle(EventRows::lastPosition);
      }
      if (lastChange == null) {
        lastChange = jdbi.withHandle(DeliveryChangeRows::lastPosition);
      }
      while (!observer.isCancelled() && observer.isReady()) {
        List<Event> events = jdbi.withHandle(h -> EventRows.after(h, lastEvent, sku, BATCH));
        for (Event event : events) {
          lastEvent = FeedPosition.parse(event.getCursor());
          observer.onNext(WatchEventsResponse.newBuilder().setCursor(cursor()).setEvent(event).build());
        }
        List<DeliveryChangeRows.Change> changes = jdbi.withHandle(h -> DeliveryChangeRows.after(h, lastChange, BATCH));
        for (DeliveryChangeRows.Change change : changes) {
          lastChange = change.position();
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
