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
 * A platform slower than the claim lease (a rate-limited SMS sender): the dispatcher claims
 * only what the instance gets through within a lease, so nothing is claimed twice and nothing
 * is sent twice.
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
}
