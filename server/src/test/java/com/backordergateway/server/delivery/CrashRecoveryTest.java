package com.backordergateway.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.GatewayProcess;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as a real process, killed with SIGKILL in the middle of dispatching 1,000
 * events, then started again on the same SQLite file: every planned delivery reaches the
 * platform (at least once; the delivery id lets it deduplicate), and none is left in flight.
 */
class CrashRecoveryTest {

  static final int EVENTS = 1_000;

  @TempDir Path dir;
  @TempDir Path work;

  @Test
  void nothingPlannedIsLostWhenTheGatewayIsKilledMidDispatch() throws Exception {
    try (FakePlatform platform = FakePlatform.start()) {
      for (int i = 0; i < EVENTS * 4; i++) {
        platform.enqueue(FakeResponse.json(201, "{}").delayedBy(Duration.ofMillis(3)));
      }
      TestPlugins.poster(work).writeTo(dir.resolve("plugins/poster.jar"));
      int grpcPort = GatewayProcess.freePort();
      Path config = GatewayProcess.writeConfig(dir, grpcPort, GatewayProcess.freePort(), "crash.db", false, """
          delivery: {lease: 2s, workers: 8}
          connectors:
            - {id: poster, type: poster, max-concurrency: 4, settings: {url: "%s"}}
          routes:
            - {name: everyone, send: [poster]}
          """.formatted(platform.url("/deliveries")));

      GatewayProcess first = GatewayProcess.start(dir, config);
      Set<String> planned = new HashSet<>();
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
      try {
        GatewayProcess.awaitServing(channel);
        var intake = BackorderServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(TestGateway.bearer(TestGateway.ALL_SCOPES_TOKEN));
        for (int i = 0; i < EVENTS; i++) {
          IntakeResponse r = intake.withDeadlineAfter(30, TimeUnit.SECONDS)
              .reportInventoryLevel(Requests.sale("CRASH-" + i, 0, "O-" + i));
          r.getPlannedDeliveriesList().forEach(d -> planned.add(d.getId()));
        }
        assertThat(planned).hasSize(EVENTS * 2); // staff alert + customer notice each

        await().atMost(Duration.ofSeconds(60)).until(() -> platform.requestCount() >= 200);
        first.kill(); // no shutdown hook: leases left behind
        int beforeRestart = platform.requestCount();
        assertThat(beforeRestart).as("killed mid-dispatch").isLessThan(planned.size());

        GatewayProcess second = GatewayProcess.start(dir, config);
        try {
          GatewayProcess.awaitServing(channel);
          await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
              .until(() -> GatewayProcess.receivedIds(platform).containsAll(planned));

          // The platform may have answered a delivery whose outcome is still being recorded, or
          // one sent just before the kill whose lease has yet to expire: wait for the leases.
          await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
              .until(() -> GatewayProcess.statuses(channel).keySet().equals(Set.of(DeliveryStatus.DELIVERY_STATUS_DELIVERED)));
          Map<DeliveryStatus, Integer> statuses = GatewayProcess.statuses(channel);
          assertThat(statuses).containsOnlyKeys(DeliveryStatus.DELIVERY_STATUS_DELIVERED);
          assertThat(statuses.get(DeliveryStatus.DELIVERY_STATUS_DELIVERED)).isEqualTo(planned.size());
          List<RecordedRequest> requests = platform.requests();
          System.out.printf("crash test: %d deliveries, %d before the kill, %d requests in all (%d repeats)%n",
              planned.size(), beforeRestart, requests.size(), requests.size() - planned.size());
        } finally {
          second.close();
        }
      } finally {
        channel.shutdownNow();
        first.kill();
      }
    }
  }
}
