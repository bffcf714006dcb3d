package com.backordergateway.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  final TestClock clock = new TestClock(Instant.parse("2026-06-01T00:00:00Z"));

  @Test
  void aBurstThenTheSteadyRate() {
    TokenBucket bucket = new TokenBucket(5, 3, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(bucket.take()).isZero();
    }
    assertThat(bucket.take()).isEqualTo(Duration.ofMillis(200));
    clock.advance(Duration.ofMillis(200));
    assertThat(bucket.take()).isZero();
    assertThat(bucket.take()).isEqualTo(Duration.ofMillis(200));
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 3; i++) {
      assertThat(bucket.take()).as("saved up to the burst only").isZero();
    }
    assertThat(bucket.take()).isPositive();
  }

  @Test
  void aNewRateAppliesAtOnce() {
    TokenBucket bucket = new TokenBucket(1, 1, clock);
    assertThat(bucket.take()).isZero();
    bucket.setRate(4, 1);
    assertThat(bucket.take()).isEqualTo(Duration.ofMillis(250));
  }
}
