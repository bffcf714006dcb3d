package com.backordergateway.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.api.v1.WatchEventsResponse;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.EventRows;
import com.backordergateway.server.store.FeedPosition;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import com.backordergateway.server.testing.WatchStreams;
import com.backordergateway.server.testing.TestPostgres;
import io.grpc.Context;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change feed on a shared store: rows commit out of sequence order when replicas write at
 * once, and a watcher on any replica still sees every event and delivery change exactly once, and
 * resumes after its last cursor without gaps or repeats.
 */
class SharedFeedTest {

  @TempDir Path root;

  /** The case a sequence-number cursor gets wrong, staged with two open transactions. */
  @Test
  void aRowCommittedAfterAHigherSequenceNumberIsNotSkipped() throws Exception {
    String url = TestPostgres.newDatabase();
    try (Database db = Database.open(url, "postgres", null);
        Connection early = connect(url);
        Connection late = connect(url)) {
      early.setAutoCommit(false);
      late.setAutoCommit(false);
      insertEvent(early, "evt_early"); // takes seq 1 and keeps its transaction open
      insertEvent(late, "evt_late");   // takes seq 2
      late.commit();

      // A cursor past seq 2 would never see seq 1: the feed holds evt_late back until evt_early is settled.
      assertThat(ids(db, FeedPosition.START)).isEmpty();

      early.commit();
      List<String> cursors = new ArrayList<>();
      List<String> all = db.jdbi().withHandle(h -> EventRows.after(h, FeedPosition.START, "", 10)).stream()
          .peek(e -> cursors.add(e.getCursor())).map(e -> e.getId()).toList();
      assertThat(all).containsExactly("evt_early", "evt_late");
      assertThat(ids(db, FeedPosition.parse(cursors.get(0)))).containsExactly("evt_late");
      assertThat(ids(db, FeedPosition.parse(cursors.get(1)))).isEmpty();
    }
  }

  @Test
  void watchersOnEitherReplicaSeeEveryChangeOnceWhileBothWrite() throws Exception {
    try (Replicas replicas = new Replicas(root)) {
      TestGateway first = replicas.start(Clock.systemUTC(), Replicas.PLANNED_ONLY);
      TestGateway second = replicas.start(Clock.systemUTC(), Replicas.PLANNED_ONLY);
      Watcher onFirst = new Watcher(first, "0.0");
      Watcher onSecond = new Watcher(second, "0.0");

      // Four writers, two on each replica, commit concurrently: events (half of them sales to
      // zero, which plan a customer notice) interleave in sequence order across the replicas.
      Set<String> events = ConcurrentHashMap.newKeySet();
      Set<String> deliveries = ConcurrentHashMap.newKeySet();
      List<CompletableFuture<Void>> writers = new ArrayList<>();
      ExecutorService writerThreads = Executors.newFixedThreadPool(4);
      for (int w = 0; w < 4; w++) {
        TestGateway replica = w % 2 == 0 ? first : second;
        int writer = w;
        writers.add(CompletableFuture.runAsync(() -> {
          for (int i = 0; i < 150; i++) {
            String sku = "FEED-" + writer + "-" + i;
            IntakeResponse r = replica.backorder().reportInventoryLevel(Requests.sale(sku, i % 2 == 0 ? 0 : 3, "O-" + sku));
            events.add(r.getEventId());
            r.getPlannedDeliveriesList().forEach(d -> deliveries.add(d.getId()));
          }
        }, writerThreads));
      }
      // Meanwhile a third watcher drops its stream twice and resumes after its last cursor.
      Resuming resuming = new Resuming(first);
      while (!CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).isDone()) {
        resuming.readSome(100);
      }
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
      writerThreads.shutdown();
      assertThat(events).hasSize(600);
      assertThat(deliveries).hasSize(600); // a staff alert and a customer notice per sale to zero

      for (Watcher watcher : List.of(onFirst, onSecond)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> watcher.events().size() >= events.size()
            && watcher.deliveries().size() >= deliveries.size());
        Thread.sleep(300); // anything extra would arrive now
        watcher.close();
        assertThat(watcher.events()).as("events seen, with repeats").hasSize(events.size());
        assertThat(Set.copyOf(watcher.events())).isEqualTo(events);
        assertThat(watcher.deliveries()).as("delivery changes seen, with repeats").hasSize(deliveries.size());
        assertThat(Set.copyOf(watcher.deliveries())).isEqualTo(deliveries);
      }
      resuming.readSome(events.size() + deliveries.size());
      assertThat(resuming.events).as("events seen across three streams").hasSize(events.size());
      assertThat(Set.copyOf(resuming.events)).isEqualTo(events);
      assertThat(Set.copyOf(resuming.deliveries)).isEqualTo(deliveries);
      assertThat(resuming.deliveries).hasSize(deliveries.size());
    }
  }

  /** A streaming subscriber collecting what it sees. */
  private static final class Watcher implements AutoCloseable {
    private final List<WatchEventsResponse> seen = new CopyOnWriteArrayList<>();
    private final Context.CancellableContext context = Context.current().withCancellation();

    Watcher(TestGateway gateway, String cursor) {
      context.run(() -> gateway.backorderAsync().watchEvents(
          WatchEventsRequest.newBuilder().setAfterCursor(cursor).build(), WatchStreams.collector(seen)));
    }

    List<String> events() {
      return seen.stream().filter(WatchEventsResponse::hasEvent).map(r -> r.getEvent().getId()).toList();
    }

    List<String> deliveries() {
      return seen.stream().filter(WatchEventsResponse::hasDelivery).map(r -> r.getDelivery().getId()).toList();
    }

    @Override
    public void close() {
      context.cancel(null);
    }
  }

  /** A client that reads a few responses per stream, then opens a new one after its last cursor. */
  private static final class Resuming {
    private final TestGateway gateway;
    private String cursor = "0.0";
    final List<String> events = new ArrayList<>();
    final List<String> deliveries = new ArrayList<>();

    Resuming(TestGateway gateway) {
      this.gateway = gateway;
    }

    /** Reads up to {@code count} responses on a fresh stream, stopping early when none comes for a second. */
    void readSome(int count) {
      try (Context.CancellableContext context = Context.current().withCancellation()) {
        context.run(() -> {
          Iterator<WatchEventsResponse> stream = gateway.backorder().withDeadlineAfter(1, TimeUnit.SECONDS)
              .watchEvents(WatchEventsRequest.newBuilder().setAfterCursor(cursor).build());
          try {
            for (int i = 0; i < count && stream.hasNext(); i++) {
              WatchEventsResponse r = stream.next();
              cursor = r.getCursor();
              if (r.hasEvent()) {
                events.add(r.getEvent().getId());
              } else {
                deliveries.add(r.getDelivery().getId());
              }
            }
          } catch (io.grpc.StatusRuntimeException deadline) {
            // no more for now: the stream's deadline passed
          }
        });
        context.cancel(null);
      }
    }
  }

  private static List<String> ids(Database db, FeedPosition after) {
    return db.jdbi().withHandle(h -> EventRows.after(h, after, "", 10)).stream().map(e -> e.getId()).toList();
  }

  private static Connection connect(String url) throws Exception {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    return DriverManager.getConnection(url, props);
  }

  private static void insertEvent(Connection c, String id) throws Exception {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO events (id, kind, trig, triggered, reason, case_change, received_at, request_type, request)"
            + " VALUES (?, 'EVENT_KIND_INVENTORY_LEVEL', 'TRIGGER_UNSPECIFIED', false, '', 'CASE_CHANGE_UNSPECIFIED',"
            + " 0, '', ''::bytea)")) {
      s.setString(1, id);
      s.executeUpdate();
    }
  }
}
