package com.backordergateway.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.RetryableDeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestWindowTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:30:00Z");
  private final String key = UUID.randomUUID().toString();

  @Test
  void aFullWindowRefusesWithTheWaitUntilEnoughRequestsLeaveIt() throws Exception {
    RequestWindow window = RequestWindow.shared(key, 5, Duration.ofSeconds(1), "requests a second for this base");
    window.reserve(2, at(0));
    window.reserve(3, at(400));

    assertThatThrownBy(() -> window.reserve(1, at(600))).isInstanceOf(RetryableDeliveryException.class)
        .hasMessageContaining("5 requests a second for this base are used up")
        .satisfies(e -> assertThat(((RetryableDeliveryException) e).retryAfter()).hasValue(Duration.ofMillis(400)));
    assertThatThrownBy(() -> window.reserve(3, at(600))).isInstanceOf(RetryableDeliveryException.class)
        .satisfies(e -> assertThat(((RetryableDeliveryException) e).retryAfter())
            .as("three free only when the second reservation leaves too").hasValue(Duration.ofMillis(800)));

    window.reserve(2, at(1000));
    assertThatThrownBy(() -> window.reserve(1, at(1000))).isInstanceOf(RetryableDeliveryException.class);
  }

  @Test
  void instancesNamingTheSameKeyShareOneWindowAndOthersDoNot() throws Exception {
    RequestWindow first = RequestWindow.shared(key, 2, Duration.ofSeconds(10), "requests");
    RequestWindow second = RequestWindow.shared(key, 2, Duration.ofSeconds(10), "requests");
    RequestWindow other = RequestWindow.shared(key + "-other", 2, Duration.ofSeconds(10), "requests");
    first.reserve(2, at(0));
    assertThat(second).isSameAs(first);
    assertThatThrownBy(() -> second.reserve(1, at(0))).isInstanceOf(RetryableDeliveryException.class);
    other.reserve(2, at(0));
    assertThat(first.toString()).doesNotContain(key);
  }

  @Test
  void moreRequestsThanTheLimitNeverFit() {
    RequestWindow window = RequestWindow.shared(key, 2, Duration.ofSeconds(1), "requests");
    assertThatThrownBy(() -> window.reserve(3, at(0))).isInstanceOf(IllegalArgumentException.class);
  }

  private static Clock at(long millis) {
    return Clock.fixed(T0.plusMillis(millis), ZoneOffset.UTC);
  }
}
