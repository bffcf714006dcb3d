package com.backordergateway.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway replicas on one PostgreSQL, both taking intake and both dispatching: every planned
 * delivery reaches the platform exactly once, whichever replica planned it, and none is left in
 * flight. Each replica posts to its own path, so the platform sees that both did the work.
 */
class TwoReplicasTest {

  static final int EVENTS = 1_000;

  @TempDir Path root;
  /** Blocking callers, enough of them to keep both replicas busy at once. */
  final ExecutorService callers = Executors.newFixedThreadPool(16);

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void everyDeliveryGoesOutExactlyOnceAcrossBothReplicas() throws Exception {
    try (FakePlatform platform = FakePlatform.start(); Replicas replicas = new Replicas(root)) {
      platform.answering(r -> FakeResponse.json(201, "{}"));
      String yaml = """
          connectors:
            - {id: poster, type: poster, max-concurrency: 8, settings: {url: "%s"}}
          routes:
            - {name: everyone, send: [poster]}
          """.formatted(platform.url() + "/replica-%REPLICA%");
      TestGateway first = replicas.start(Clock.systemUTC(), yaml);
      TestGateway second = replicas.start(Clock.systemUTC(), yaml);

      // Both replicas take intake at once, each for half of the SKUs.
      Set<String> planned = ConcurrentHashMap.newKeySet();
      List<CompletableFuture<Void>> writers = new ArrayList<>();
      for (TestGateway replica : List.of(first, second)) {
        int offset = replica == first ? 0 : 1;
        writers.add(CompletableFuture.runAsync(() -> {
          for (int i = offset; i < EVENTS; i += 2) {
            IntakeResponse r = replica.backorder().reportInventoryLevel(Requests.sale("TWO-" + i, 0, "O-" + i));
            r.getPlannedDeliveriesList().forEach(d -> planned.add(d.getId()));
          }
        }, callers));
      }
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
      assertThat(planned).hasSize(EVENTS * 2); // staff alert + customer notice each

      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
          .until(() -> replicas.statuses().equals(Map.of(DeliveryStatus.DELIVERY_STATUS_DELIVERED, planned.size())));

      Map<String, Integer> receipts = Replicas.receipts(platform);
      assertThat(receipts.keySet()).isEqualTo(planned);
      assertThat(receipts.values()).as("times each delivery reached the platform").containsOnly(1);
      Map<String, Long> byReplica = platform.requests().stream()
          .collect(Collectors.groupingBy(RecordedRequest::path, Collectors.counting()));
      assertThat(byReplica).as("deliveries sent by each replica").containsOnlyKeys("/replica-1", "/replica-2")
          .allSatisfy((path, sent) -> assertThat(sent).isGreaterThan(EVENTS / 10));
      System.out.printf("two replicas: %d deliveries, sent by replica: %s%n", planned.size(), byReplica);
    }
  }

  /**
   * Both replicas take sales of one SKU at the same moment, and the same idempotency key on both:
   * one case, one staff alert, one customer notice per order, one event per key.
   */
  @Test
  void raceForOneSkuOpensOneCaseAndAlertsStaffOnce() throws Exception {
    try (Replicas replicas = new Replicas(root)) {
      TestGateway first = replicas.start(Clock.systemUTC(), Replicas.PLANNED_ONLY);
      TestGateway second = replicas.start(Clock.systemUTC(), Replicas.PLANNED_ONLY);
      int orders = 60;
      List<CompletableFuture<IntakeResponse>> calls = new ArrayList<>();
      for (int i = 0; i < orders; i++) {
        TestGateway replica = i % 2 == 0 ? first : second;
        String order = "RACE-" + i;
        calls.add(CompletableFuture.supplyAsync(() ->
            replica.backorder().reportInventoryLevel(Requests.sale("GESSO-1L", 0, order)), callers));
        // The same call retried on the other replica at once: one event, one answer.
        TestGateway other = replica == first ? second : first;
        var keyed = Requests.sale("GESSO-1L", 0, order + "-K").toBuilder().setIdempotencyKey("key-" + i).build();
        calls.add(CompletableFuture.supplyAsync(() -> replica.backorder().reportInventoryLevel(keyed), callers));
        calls.add(CompletableFuture.supplyAsync(() -> other.backorder().reportInventoryLevel(keyed), callers));
      }
      List<IntakeResponse> answers = calls.stream().map(CompletableFuture::join).toList();

      long duplicates = answers.stream().filter(IntakeResponse::getDuplicate).count();
      assertThat(duplicates).as("keyed calls answered as replays").isEqualTo(orders);
      assertThat(count(first, "SELECT COUNT(*) FROM cases")).as("cases").isEqualTo(1);
      assertThat(count(first, "SELECT COUNT(*) FROM events")).as("events").isEqualTo(2L * orders);
      assertThat(count(first, "SELECT COUNT(*) FROM deliveries WHERE audience = 'AUDIENCE_STAFF'"))
          .as("staff alerts").isEqualTo(1);
      assertThat(count(first, "SELECT COUNT(*) FROM deliveries WHERE audience = 'AUDIENCE_CUSTOMER'"))
          .as("customer notices, one per order").isEqualTo(2L * orders);
      assertThat(count(first, "SELECT COUNT(DISTINCT order_id) FROM case_orders")).isEqualTo(2L * orders);
    }
  }

  /**
   * A sale on one replica while the other records the restock of the same SKU: whichever commits
   * first, no customer is left with a pending "backordered" notice on a case that is resolved.
   */
  @Test
  void aSaleRacingTheRestockNeverLeavesANoticeForAResolvedCase() throws Exception {
    try (Replicas replicas = new Replicas(root)) {
      TestGateway first = replicas.start(Clock.systemUTC(), Replicas.PLANNED_ONLY);
      TestGateway second = replicas.start(Clock.systemUTC(), Replicas.PLANNED_ONLY);
      List<CompletableFuture<IntakeResponse>> calls = new ArrayList<>();
      for (int round = 0; round < 40; round++) {
        String sku = "RESTOCK-" + round;
        first.backorder().reportInventoryLevel(Requests.sale(sku, 0, "FIRST-" + round)); // opens the case
        calls.add(CompletableFuture.supplyAsync(() ->
            first.backorder().reportInventoryLevel(Requests.sale(sku, 0, "LATE-" + sku)), callers));
        calls.add(CompletableFuture.supplyAsync(() -> second.backorder().reportInventoryLevel(
            Requests.level(sku, 24, com.backordergateway.api.v1.InventoryCause.INVENTORY_CAUSE_RECEIPT)), callers));
      }
      calls.forEach(CompletableFuture::join);

      assertThat(count(first, "SELECT COUNT(*) FROM deliveries d JOIN cases c ON c.id = d.case_id"
          + " WHERE c.status <> 'CASE_STATUS_OPEN' AND d.status = 'DELIVERY_STATUS_PENDING'"
          + " AND d.purpose = 'PURPOSE_CUSTOMER_NOTICE'"))
          .as("pending backorder notices on resolved cases").isZero();
    }
  }

  private static long count(TestGateway gateway, String sql) {
    return gateway.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
