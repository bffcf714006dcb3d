package com.backordergateway.server.delivery;

import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform slower than the claim lease (a rate-limited SMS sender, or an answer that takes
 * longer than the lease): the dispatcher claims only what the instance gets through within a
 * lease, and never claims again what it is still attempting, so nothing is sent twice.
 */
class SlowPlatformTest {

  @TempDir Path dir;
  @TempDir Path work;

  @Test
  void aRateLimitedInstanceNeverHasDeliveriesClaimedTwice() throws Exception {
    try (FakePlatform platform = FakePlatform.start()) {
      for (int i = 0; i < 40; i++) {
        platform.enqueue(FakeResponse.json(201, "{}"));
      }
      TestPlugins.poster(work).writeTo(TestGateway.pluginsDir(dir).resolve("poster.jar"));
      // The real clock: the token bucket paces in real time; the lease (2 s) is far shorter
      // than the time 16 deliveries take at 4 a second.
      try (TestGateway gateway = TestGateway.start(dir, Clock.systemUTC(), new TestGateway.Options("""
          delivery: {lease: 2s}
          connectors:
            - {id: sms, type: poster, max-concurrency: 1, rate-per-second: 4, rate-burst: 1, settings: {url: "%s"}}
          routes:
            - {name: customers, when: {audience: customer}, send: [sms]}
          """.formatted(platform.url("/sms")), false, false))) {
        Set<String> planned = new HashSet<>();
        for (int i = 0; i < 16; i++) {
          gateway.backorder().reportInventoryLevel(sale("SLOW-" + i, 0, "O-" + i)).getPlannedDeliveriesList()
              .forEach(d -> planned.add(d.getId()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.requestCount() >= planned.size());
        Thread.sleep(2_500); // past another lease: a second claim would have sent again by now

        List<String> sent = platform.requests().stream().map(RecordedRequest::json)
            .map(j -> j.get("delivery_id").asText()).toList();
        assertThat(sent).hasSize(planned.size()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(planned);
      }
    }
  }

  @Test
  void anAnswerSlowerThanTheLeaseIsNotSentAgainByTheSameNode() throws Exception {
    try (FakePlatform platform = FakePlatform.start()) {
      platform.answering(request -> FakeResponse.json(201, "{}").delayedBy(Duration.ofSeconds(3)));
      TestPlugins.poster(work).writeTo(TestGateway.pluginsDir(dir).resolve("poster.jar"));
      // The platform (or a plugin swap holding the call) takes longer than the 2 s lease: the
      // lease runs out while this node still waits for the answer, and the instance has room.
      try (TestGateway gateway = TestGateway.start(dir, Clock.systemUTC(), new TestGateway.Options("""
          delivery: {lease: 2s}
          connectors:
            - {id: sms, type: poster, max-concurrency: 4, settings: {url: "%s"}}
          routes:
            - {name: customers, when: {audience: customer}, send: [sms]}
          """.formatted(platform.url("/sms")), false, false))) {
        String planned = gateway.backorder().reportInventoryLevel(sale("SLOWER-1", 0, "O-1"))
            .getPlannedDeliveries(0).getId();
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.requestCount() >= 1);
        Thread.sleep(4_000); // past the lease and the answer: a second claim would have sent again by now

        assertThat(platform.requests()).extracting(r -> r.json().get("delivery_id").asText()).containsExactly(planned);
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.admin(TestGateway.ALL_SCOPES_TOKEN)
            .listDeliveries(com.backordergateway.api.v1.ListDeliveriesRequest.getDefaultInstance()).getDeliveries(0)
            .getStatus() == com.backordergateway.api.v1.DeliveryStatus.DELIVERY_STATUS_DELIVERED);
      }
    }
  }
}
