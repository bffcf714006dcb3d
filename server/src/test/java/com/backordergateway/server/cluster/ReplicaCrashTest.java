package com.backordergateway.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.GatewayProcess;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one PostgreSQL dispatch 2,000 deliveries; one, a real process, is killed with
 * SIGKILL in the middle. The other finishes everything, including what the dead one had claimed
 * (once its leases expire): every delivery reaches the platform, none is left in flight, and only
 * the few the dead replica was sending when it died may arrive twice.
 */
class ReplicaCrashTest {

  static final int EVENTS = 1_000;

  @TempDir Path root;

  @Test
  void theSurvivingReplicaFinishesWhatTheKilledOneHeld() throws Exception {
    try (FakePlatform platform = FakePlatform.start(); Replicas replicas = new Replicas(root)) {
      platform.answering(r -> FakeResponse.json(201, "{}").delayedBy(Duration.ofMillis(3)));
      String connectors = """
          delivery: {lease: 2s, workers: 8}
          connectors:
            - {id: poster, type: poster, max-concurrency: 4, settings: {url: "%s"}}
          routes:
            - {name: everyone, send: [poster]}
          """;
      Path doomedDir = Files.createDirectories(root.resolve("doomed"));
      TestPlugins.poster(Files.createDirectories(root.resolve("doomed-work")))
          .writeTo(doomedDir.resolve("plugins/poster.jar"));
      int grpcPort = GatewayProcess.freePort();
      Path config = GatewayProcess.writeConfigOn(doomedDir, grpcPort, GatewayProcess.freePort(), replicas.url, false,
          connectors.formatted(platform.url() + "/doomed"));
      GatewayProcess doomed = GatewayProcess.start(doomedDir, config);
      try {
        TestGateway survivor = replicas.start(Clock.systemUTC(), connectors.formatted(platform.url() + "/survivor"));
        await().atMost(Duration.ofSeconds(30)).until(() -> survivor.get(ReplicaRegistry.class).live() == 2);

        Set<String> planned = new HashSet<>();
        for (int i = 0; i < EVENTS; i++) {
          IntakeResponse r = survivor.backorder().reportInventoryLevel(Requests.sale("KILL-" + i, 0, "O-" + i));
          r.getPlannedDeliveriesList().forEach(d -> planned.add(d.getId()));
        }
        assertThat(planned).hasSize(EVENTS * 2);

        await().atMost(Duration.ofSeconds(60)).until(() -> sentBy(platform, "/doomed") >= 200);
        doomed.kill(); // no shutdown hook: its leases stay behind until they expire
        int sentBeforeKill = platform.requestCount();
        assertThat(sentBeforeKill).as("killed mid-dispatch").isLessThan(planned.size());

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
            .until(() -> replicas.statuses().equals(Map.of(DeliveryStatus.DELIVERY_STATUS_DELIVERED, planned.size())));
        Map<String, Integer> receipts = Replicas.receipts(platform);
        assertThat(receipts.keySet()).isEqualTo(planned);
        List<RecordedRequest> afterKill = platform.requests().subList(sentBeforeKill, platform.requestCount());
        assertThat(afterKill).extracting(RecordedRequest::path).containsOnly("/survivor");
        long repeats = receipts.values().stream().filter(n -> n > 1).count();
        // At most what the killed replica had started and not recorded: its lane's slots.
        assertThat(repeats).as("deliveries that reached the platform twice").isLessThanOrEqualTo(4);
        System.out.printf("replica crash: %d deliveries, %d sent by the killed replica, %d repeats%n",
            planned.size(), sentBy(platform, "/doomed"), repeats);
      } finally {
        doomed.kill();
      }
    }
  }

  private static long sentBy(FakePlatform platform, String path) {
    return platform.requests().stream().filter(r -> r.path().equals(path)).count();
  }
}
