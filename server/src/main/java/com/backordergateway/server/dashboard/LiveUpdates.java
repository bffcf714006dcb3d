package com.backordergateway.server.dashboard;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.WatchEventsResponse;
import com.backordergateway.server.errors.InvalidRequestException;
import com.backordergateway.server.grpc.EventFeed;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /dashboard/live}: Server-Sent Events fed by the same change feed as WatchEvents. Each
 * message's id is its feed cursor, so a browser that lost the connection resumes where it was
 * (EventSource sends it back as {@code Last-Event-ID}); a page starts from the cursor it was
 * rendered at ({@code ?after=}), so nothing committed between render and connect is missed.
 *
 * <p>Messages are small summaries ({@code event}: kind, trigger, SKUs, cases; {@code delivery}:
 * id, case, connector, status, attempts); the page fetches what it shows from the server, which
 * escapes it. A comment every {@link #HEARTBEAT_SECONDS} seconds finds closed connections and
 * ends streams whose session has ended; an open stream alone does not keep a session alive.
 */
@Singleton
final class LiveUpdates implements AutoCloseable {

  static final int HEARTBEAT_SECONDS = 15;
  private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventFeed feed;
  private final DashboardSessions sessions;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "dashboard-heartbeat");
    t.setDaemon(true);
    return t;
  });
  /**
   * Reads the feed and writes to browsers. Its own threads, not the API's query pool: a browser
   * that stops reading blocks its writes, and must not hold up gRPC reads while it does.
   */
  private final ExecutorService pump = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "dashboard-live");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean beating = new AtomicBoolean();
  private volatile boolean closed;

  @Inject
  LiveUpdates(EventFeed feed, DashboardSessions sessions) {
    this.feed = feed;
    this.sessions = sessions;
  }

  void stream(SseClient client) {
    DashboardSessions.Session session = DashboardGuard.session(client.ctx());
    String resumeAt = client.ctx().header("Last-Event-ID");
    if (resumeAt == null || resumeAt.isBlank()) {
      resumeAt = client.ctx().queryParam("after") == null ? "" : client.ctx().queryParam("after");
    }
    String sku = client.ctx().queryParam("sku") == null ? "" : client.ctx().queryParam("sku");
    if (closed) {
      client.close(); // the gateway is stopping
      return;
    }
    Stream stream = new Stream(client, session);
    try {
      stream.subscription = feed.subscribe(resumeAt, sku, pump, stream);
    } catch (InvalidRequestException e) {
      client.sendEvent("refused", "not a cursor from this dashboard");
      client.close();
      return;
    }
    streams.add(stream);
    if (beating.compareAndSet(false, true)) {
      // From the first stream on: a gateway nobody watches runs no heartbeat thread.
      heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }
    client.onClose(() -> {
      streams.remove(stream);
      stream.subscription.cancel();
    });
    client.keepAlive();
  }

  private void beat() {
    for (Stream stream : streams) {
      if (stream.client.terminated()) {
        continue; // its close callback is removing it
      }
      if (!sessions.stillOpen(stream.session)) {
        stream.client.close();
      } else {
        stream.client.sendComment("still here");
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    heartbeat.shutdownNow();
    streams.forEach(s -> {
      s.subscription.cancel();
      s.client.close();
    });
    pump.shutdown();
  }

  /** One browser's connection, fed from its own place in the change feed. */
  private static final class Stream implements EventFeed.Subscriber {
    private final SseClient client;
    private final DashboardSessions.Session session;
    private volatile EventFeed.Subscription subscription;

    Stream(SseClient client, DashboardSessions.Session session) {
      this.client = client;
      this.session = session;
    }

    @Override
    public boolean isReady() {
      return !client.terminated();
    }

    @Override
    public boolean isCancelled() {
      return client.terminated();
    }

    @Override
    public void onNext(WatchEventsResponse change) {
      if (client.terminated()) {
        return; // closed in the middle of a batch: the rest of it has nowhere to go
      }
      if (change.hasEvent()) {
        client.sendEvent("event", summary(change.getEvent()), change.getCursor());
      } else {
        client.sendEvent("delivery", summary(change.getDelivery()), change.getCursor());
      }
    }

    @Override
    public void onError(RuntimeException e) {
      log.warn("live dashboard stream ended: {}", e.getMessage());
      client.close();
    }
  }

  static String summary(Event e) {
    ObjectNode node = JSON.createObjectNode()
        .put("id", e.getId())
        .put("kind", DashboardText.label(e.getKind()))
        .put("trigger", e.getTriggered() ? DashboardText.label(e.getTrigger()) : "")
        .put("change", DashboardText.label(e.getCaseChange()));
    e.getSkusList().forEach(node.putArray("skus")::add);
    e.getCaseIdsList().forEach(node.putArray("cases")::add);
    return node.toString();
  }

  static String summary(Delivery d) {
    return JSON.createObjectNode()
        .put("id", d.getId())
        .put("case", d.getCaseId())
        .put("connector", d.getConnector())
        .put("status", DashboardText.label(d.getStatus()))
        .put("statusClass", CasePage.statusClass(d.getStatus()))
        .put("attempts", d.getAttempts())
        .toString();
  }
}
