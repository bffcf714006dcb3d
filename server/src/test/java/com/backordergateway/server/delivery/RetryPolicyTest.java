package com.backordergateway.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.server.config.GatewayConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  final GatewayConfig.Delivery config = new GatewayConfig.Delivery(null, null, null, 5, Duration.ofHours(1),
      Duration.ofSeconds(2), Duration.ofSeconds(30), null);

  @Test
  void fullJitterBetweenZeroAndAnExponentialCeilingCapped() {
    RetryPolicy top = new RetryPolicy(config, () -> 0.999_999);
    assertThat(top.backoff(1, Optional.empty())).isEqualTo(Duration.ofMillis(1_999));
    assertThat(top.backoff(2, Optional.empty())).isEqualTo(Duration.ofMillis(3_999));
    assertThat(top.backoff(4, Optional.empty())).isEqualTo(Duration.ofMillis(15_999));
    assertThat(top.backoff(5, Optional.empty())).as("capped").isEqualTo(Duration.ofMillis(29_999));
    assertThat(top.backoff(60, Optional.empty())).as("no overflow").isEqualTo(Duration.ofMillis(29_999));
    assertThat(new RetryPolicy(config, () -> 0.25).backoff(3, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
    assertThat(new RetryPolicy(config, () -> 0.0).backoff(3, Optional.empty())).isZero();
  }

  @Test
  void retryAfterIsAFloor() {
    RetryPolicy low = new RetryPolicy(config, () -> 0.1);
    assertThat(low.backoff(1, Optional.of(Duration.ofSeconds(90)))).isEqualTo(Duration.ofSeconds(90));
    assertThat(low.backoff(5, Optional.of(Duration.ofMillis(1)))).isEqualTo(Duration.ofMillis(3_000));
  }

  @Test
  void exhaustedByAttemptsOrAge() {
    RetryPolicy policy = new RetryPolicy(config, () -> 0.5);
    Instant created = Instant.parse("2026-06-01T00:00:00Z");
    assertThat(policy.exhausted(4, created, created.plusSeconds(60))).isFalse();
    assertThat(policy.exhausted(5, created, created.plusSeconds(60))).isTrue();
    assertThat(policy.exhausted(1, created, created.plus(Duration.ofHours(1)))).isTrue();
  }
}
