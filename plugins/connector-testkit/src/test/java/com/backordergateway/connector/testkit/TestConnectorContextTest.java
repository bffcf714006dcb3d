package com.backordergateway.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.backordergateway.connector.api.RetryableDeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestConnectorContextTest {

  private final FakePlatform fake = FakePlatform.start();
  private final TestConnectorContext context =
      TestConnectorContext.builder().instanceId("customer-sms").requestTimeout(Duration.ofMillis(500)).build();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void httpReturnsEveryStatusForTheConnectorToClassify() throws Exception {
    fake.enqueue(FakeResponse.json(201, "{\"sid\":\"SM1\"}"), FakeResponse.json(404, "{\"message\":\"not found\"}"));
    HttpResponse<String> created = context.http().send(post("/Messages.json"));
    HttpResponse<String> missing = context.http().send(post("/Messages.json"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).isEqualTo("{\"sid\":\"SM1\"}");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void timeoutIsRetryableAndNamesOnlyTheHost() {
    fake.enqueue(FakeResponse.status(200).delayedBy(Duration.ofSeconds(10)));
    HttpRequest request = HttpRequest.newBuilder(fake.url("/services/T0/B0/webhook-secret-path?token=query-secret"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    Throwable thrown = catchThrowable(() -> context.http().send(request));
    assertThat(thrown).isInstanceOf(RetryableDeliveryException.class)
        .hasMessageContaining("POST " + fake.url())
        .hasMessageContaining("timed out after 500 ms")
        .hasCauseInstanceOf(HttpTimeoutException.class);
    assertThat(thrown.getMessage()).doesNotContain("webhook-secret-path").doesNotContain("query-secret");
    assertThat(((RetryableDeliveryException) thrown).retryAfter()).isEmpty();
  }

  @Test
  void hostTimeoutCapsALongerRequestTimeout() {
    fake.enqueue(FakeResponse.status(200).delayedBy(Duration.ofSeconds(10)));
    HttpRequest patient = HttpRequest.newBuilder(fake.url("/")).timeout(Duration.ofMinutes(5)).GET().build();
    long start = System.nanoTime();
    assertThatThrownBy(() -> context.http().send(patient)).isInstanceOf(RetryableDeliveryException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void shorterRequestTimeoutIsKept() {
    fake.enqueue(FakeResponse.status(200).delayedBy(Duration.ofSeconds(10)));
    HttpRequest hurried = HttpRequest.newBuilder(fake.url("/")).timeout(Duration.ofMillis(100)).GET().build();
    assertThatThrownBy(() -> context.http().send(hurried))
        .isInstanceOf(RetryableDeliveryException.class).hasMessageContaining("timed out after 100 ms");
  }

  @Test
  void droppedConnectionIsRetryable() {
    fake.enqueue(FakeResponse.dropConnection());
    assertThatThrownBy(() -> context.http().send(post("/")))
        .isInstanceOf(RetryableDeliveryException.class)
        .hasCauseInstanceOf(IOException.class)
        .hasMessageContaining("failed");
  }

  @Test
  void refusedConnectionIsRetryable() {
    URI gone;
    try (FakePlatform closed = FakePlatform.start()) {
      gone = closed.url();
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(gone + "/x")).GET().build();
    assertThatThrownBy(() -> context.http().send(request)).isInstanceOf(RetryableDeliveryException.class);
  }

  @Test
  void interruptedSendIsRetryableAndKeepsTheInterrupt() {
    fake.enqueue(FakeResponse.status(200).delayedBy(Duration.ofSeconds(10)));
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> context.http().send(post("/"))).isInstanceOf(RetryableDeliveryException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void clockStandsStillUntilMoved() {
    TestClock clock = context.clock();
    assertThat(clock.instant()).isEqualTo(TestConnectorContext.DEFAULT_NOW);
    assertThat(clock.instant()).isEqualTo(TestConnectorContext.DEFAULT_NOW);
    clock.advance(Duration.ofSeconds(90));
    assertThat(clock.instant()).isEqualTo(TestConnectorContext.DEFAULT_NOW.plusSeconds(90));
    Instant later = Instant.parse("2027-01-01T00:00:00Z");
    var inParis = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.set(later);
    assertThat(inParis.instant()).as("a zoned view moves with the clock").isEqualTo(later);
    assertThat(inParis.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(TestConnectorContext.builder().now(later).build().clock().millis()).isEqualTo(later.toEpochMilli());
  }

  @Test
  void loggerCapturesEveryLevelWithArgumentsAndExceptionChains() {
    CapturingLogger log = context.logger();
    log.trace("t {}", 1);
    log.debug("d {} {}", "a", "b");
    log.info("i {} {} {}", 1, 2, 3);
    log.warn("w", new IllegalStateException("outer", new IOException("root cause text")));
    log.error("e {}", "arg", new RuntimeException("trailing throwable"));
    log.atInfo().setMessage("fluent {}").addArgument("value").log();

    assertThat(context.loggedLines()).containsExactly(
        "TRACE t 1",
        "DEBUG d a b",
        "INFO i 1 2 3",
        "WARN w | java.lang.IllegalStateException: outer | java.io.IOException: root cause text",
        "ERROR e arg | java.lang.RuntimeException: trailing throwable",
        "INFO fluent value");
    assertThat(log.anyLineContains("root cause text")).isTrue();
    assertThat(log.getName()).isEqualTo("connector.customer-sms");
    log.clear();
    assertThat(context.loggedLines()).isEmpty();
  }

  @Test
  void defaultsAndValidation() {
    TestConnectorContext defaults = TestConnectorContext.create();
    assertThat(defaults.instanceId()).isEqualTo("test-instance");
    assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(context.instanceId()).isEqualTo("customer-sms");
    assertThatThrownBy(() -> TestConnectorContext.builder().requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TestConnectorContext.builder().instanceId(null))
        .isInstanceOf(NullPointerException.class).hasMessage("id is null");
  }

  private HttpRequest post(String path) {
    return HttpRequest.newBuilder(fake.url(path)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
  }
}
