package com.backordergateway.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector's rate limit is the platform account's: three replicas sending to one platform that
 * allows 10 requests a second (a token bucket, as platforms enforce it) stay within it together,
 * and the platform never answers 429.
 */
class SharedRateLimitTest {

  static final int EVENTS = 40;

  @TempDir Path root;

  /** The platform's side: 10 a second, 10 saved up at most; a request beyond that is refused. */
  static final class AccountLimit {
    private double tokens = 10;
    private long last = System.nanoTime();
    final AtomicInteger refused = new AtomicInteger();

    synchronized FakeResponse answer(RecordedRequest request) {
      long now = System.nanoTime();
      tokens = Math.min(10, tokens + (now - last) / 1e9 * 10);
      last = now;
      if (tokens < 1) {
        refused.incrementAndGet();
        return FakeResponse.json(429, "{\"error\":\"rate limited\"}").header("Retry-After", "1");
      }
      tokens -= 1;
      return FakeResponse.json(201, "{}");
    }
  }

  @Test
  void threeReplicasTogetherStayWithinThePlatformsLimit() throws Exception {
    AccountLimit limit = new AccountLimit();
    try (FakePlatform platform = FakePlatform.start(); Replicas replicas = new Replicas(root)) {
      platform.answering(limit::answer);
      String yaml = """
          connectors:
            - {id: limited, type: poster, rate-per-second: 10, rate-burst: 10, max-concurrency: 4,
               settings: {url: "%s"}}
          routes:
            - {name: everyone, send: [limited]}
          """.formatted(platform.url() + "/replica-%REPLICA%");
      TestGateway first = replicas.start(Clock.systemUTC(), yaml);
      replicas.start(Clock.systemUTC(), yaml);
      replicas.start(Clock.systemUTC(), yaml);
      await().atMost(Duration.ofSeconds(20))
          .until(() -> replicas.started().stream().allMatch(g -> g.get(ReplicaRegistry.class).live() == 3));

      for (int i = 0; i < EVENTS; i++) {
        first.backorder().reportInventoryLevel(Requests.sale("LIMIT-" + i, 0, "O-" + i));
      }
      int planned = EVENTS * 2;
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
          .until(() -> replicas.statuses().equals(Map.of(DeliveryStatus.DELIVERY_STATUS_DELIVERED, planned)));

      assertThat(limit.refused).as("requests the platform refused with 429").hasValue(0);
      assertThat(platform.requestCount()).isEqualTo(planned);
      Map<String, Long> byReplica = platform.requests().stream()
          .collect(Collectors.groupingBy(RecordedRequest::path, Collectors.counting()));
      assertThat(byReplica).as("every replica took its share").hasSize(3);
      System.out.printf("shared rate limit: %d deliveries at 10/s, by replica %s%n", planned, byReplica);
    }
  }
}
