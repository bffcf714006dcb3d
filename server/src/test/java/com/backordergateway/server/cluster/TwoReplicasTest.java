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
import java.util.stream.Collectors;
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
        }));
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
}
