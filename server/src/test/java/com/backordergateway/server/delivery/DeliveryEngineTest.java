package com.backordergateway.server.delivery;

import static com.backordergateway.server.testing.Requests.level;
import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.RetryDeliveriesRequest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.TestGateway;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox dispatcher against a real plugin posting to a fake platform, on a hand-moved clock. */
class DeliveryEngineTest {

  @TempDir Path dir;
  @TempDir Path work;
  final TestClock clock = new TestClock(Instant.parse("2026-06-01T15:00:00Z"));
  FakePlatform primary;
  FakePlatform backup;
  TestGateway gateway;

  @BeforeEach
  void start() {
    primary = FakePlatform.start();
    backup = FakePlatform.start();
    TestPlugins.poster(work).writeTo(TestGateway.pluginsDir(dir).resolve("poster.jar"));
    gateway = TestGateway.start(dir, clock, new TestGateway.Options("""
        delivery:
          max-attempts: 3
          backoff-base: 2s
          backoff-cap: 60s
          unavailable-recheck: 1s
        connectors:
          - id: primary
            type: poster
            circuit-failures: 3
            circuit-open-for: 60s
            settings: {url: "%s"}
          - id: backup
            type: poster
            settings: {url: "%s"}
          - id: rehearsal
            type: poster
            mode: dry-run
            settings: {url: "%s"}
        routes:
          - {name: customers, when: {audience: customer}, send: [primary], fallback: [backup]}
          - {name: staff, when: {audience: staff}, send: [rehearsal]}
        """.formatted(primary.url("/notify"), backup.url("/notify"), primary.url("/never")), false, false), storageUrl());
  }

  /** Where the gateway stores its state: null for a SQLite file (see {@link DeliveryEngineOnPostgresTest}). */
  String storageUrl() {
    return null;
  }

  @AfterEach
  void stop() {
    gateway.close();
    primary.close();
    backup.close();
  }

  Delivery customerNotice(IntakeResponse response) {
    return response.getPlannedDeliveriesList().stream().filter(d -> d.getConnector().equals("primary")).findFirst().orElseThrow();
  }

  Delivery stored(String id) {
    return gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listDeliveries(ListDeliveriesRequest.getDefaultInstance())
        .getDeliveriesList().stream().filter(d -> d.getId().equals(id)).findFirst().orElseThrow();
  }

  Instant nextAttempt(String id) {
    return Instant.ofEpochMilli(gateway.database().jdbi().withHandle(h ->
        h.createQuery("SELECT next_attempt_at FROM deliveries WHERE id = ?").bind(0, id).mapTo(Long.class).one()));
  }

  void awaitStatus(String id, DeliveryStatus status) {
    await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).getStatus() == status);
  }

  void awaitRequests(FakePlatform platform, int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> platform.requestCount() >= count);
  }

  @Test
  void deliversWithTheDeliveryIdAndRecordsThePlatformsId() {
    primary.enqueue(FakeResponse.json(201, "{\"id\":\"msg-77\"}"));

    Delivery notice = customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1")));

    awaitStatus(notice.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED);
    assertThat(stored(notice.getId())).satisfies(d -> {
      assertThat(d.getExternalId()).isEqualTo("msg-77");
      assertThat(d.getAttempts()).isEqualTo(1);
    });
    assertThat(primary.onlyRequest().json().get("delivery_id").asText()).isEqualTo(notice.getId());
    assertThat(primary.onlyRequest().json().get("body").asText()).isEqualTo(notice.getBody());
  }

  @Test
  void metricsHealthAndReadinessAnswerOnTheHttpPortWithoutAToken() throws Exception {
    primary.enqueue(FakeResponse.status(503), FakeResponse.json(201, "{}"));
    Delivery notice = customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1")));
    await().atMost(Duration.ofSeconds(20)).until(() -> stored(notice.getId()).getAttempts() == 1);
    clock.advance(Duration.ofSeconds(3));
    awaitStatus(notice.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED);

    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
      try {
        return http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + gateway.httpPort() + path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
    assertThat(get.apply("/healthz").statusCode()).isEqualTo(200);
    assertThat(get.apply("/readyz").statusCode()).isEqualTo(200);
    java.net.http.HttpResponse<String> metrics = get.apply("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("backorder_delivery_attempts_total{connector=\"primary\",outcome=\"retry\"} 1.0")
        .contains("backorder_delivery_attempts_total{connector=\"primary\",outcome=\"delivered\"} 1.0")
        .contains("backorder_delivery_attempt_duration_seconds_count{connector=\"primary\"} 2")
        .contains("backorder_deliveries{status=\"delivered\"}")
        .contains("backorder_connector_circuit_state{connector=\"primary\"} 0.0")
        .contains("backorder_connector_instance_state{connector=\"primary\",state=\"started\"} 1.0")
        .contains("backorder_plugins{state=\"started\"} 1.0")
        .contains("backorder_connector_http_requests_total{connector=\"primary\",outcome=\"503\"} 1.0");
  }

  @Test
  void watchersSeeDeliveriesMove() throws Exception {
    // PAINT-RED fails once then succeeds; PAINT-BLUE takes one answer too.
    primary.enqueue(FakeResponse.status(500), FakeResponse.json(201, "{}"), FakeResponse.json(201, "{}"));
    List<com.backordergateway.api.v1.WatchEventsResponse> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> story;
    try (io.grpc.Context.CancellableContext watch = io.grpc.Context.current().withCancellation()) {
      watch.run(() -> gateway.backorderAsync().watchEvents(
          com.backordergateway.api.v1.WatchEventsRequest.newBuilder().setSku("PAINT-RED").build(),
          new io.grpc.stub.StreamObserver<>() {
            @Override
            public void onNext(com.backordergateway.api.v1.WatchEventsResponse value) {
              seen.add(value);
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
          }));
      Thread.sleep(DeliveryDispatcher.POLL_MILLIS); // the subscription starts from "now"
      Delivery notice = customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1")));
      await().atMost(Duration.ofSeconds(20)).until(() -> stored(notice.getId()).getAttempts() == 1);
      gateway.backorder().reportInventoryLevel(sale("PAINT-BLUE", 0, "A-2")); // another SKU: filtered out
      clock.advance(Duration.ofSeconds(3));
      awaitStatus(notice.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED);
      await().atMost(Duration.ofSeconds(20)).until(() -> seen.stream().anyMatch(r -> r.hasDelivery()
          && r.getDelivery().getId().equals(notice.getId())
          && r.getDelivery().getStatus() == DeliveryStatus.DELIVERY_STATUS_DELIVERED));
      watch.cancel(null);
      story = seen.stream()
          .filter(r -> r.hasEvent() || r.getDelivery().getId().equals(notice.getId()))
          .map(r -> r.hasEvent() ? "event " + r.getEvent().getSkus(0)
              : r.getDelivery().getStatus().name() + " after " + r.getDelivery().getAttempts())
          .toList();
    }
    assertThat(story).containsExactly("event PAINT-RED", "DELIVERY_STATUS_PENDING after 0",
        "DELIVERY_STATUS_PENDING after 1", "DELIVERY_STATUS_DELIVERED after 2");
    assertThat(seen).allMatch(r -> r.getCursor().matches("(\\d+-)?\\d+\\.(\\d+-)?\\d+"));
  }

  @Test
  void aDryRunInstanceRecordsWithoutCallingAnyone() {
    primary.enqueue(FakeResponse.json(201, "{}"));
    Delivery alert = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1")).getPlannedDeliveriesList()
        .stream().filter(d -> d.getConnector().equals("rehearsal")).findFirst().orElseThrow();

    awaitStatus(alert.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED);
    assertThat(stored(alert.getId()).getExternalId()).isEqualTo("dry-run");
    awaitRequests(primary, 1);
    assertThat(primary.requests()).extracting(r -> r.path()).containsExactly("/notify");
  }

  @Test
  void retryAfterIsAFloorForTheNextAttempt() throws Exception {
    primary.enqueue(FakeResponse.status(429).header("Retry-After", "120"), FakeResponse.json(201, "{\"id\":\"m2\"}"));
    Delivery notice = customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1")));

    await().atMost(Duration.ofSeconds(20)).until(() -> stored(notice.getId()).getAttempts() == 1);
    assertThat(stored(notice.getId()).getStatus()).isEqualTo(DeliveryStatus.DELIVERY_STATUS_PENDING);
    assertThat(stored(notice.getId()).getLastError()).contains("HTTP 429");
    assertThat(nextAttempt(notice.getId())).isEqualTo(clock.instant().plusSeconds(120));

    clock.advance(Duration.ofSeconds(119));
    Thread.sleep(DeliveryDispatcher.POLL_MILLIS * 3);
    assertThat(primary.requestCount()).as("not before Retry-After").isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    awaitStatus(notice.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED);
    assertThat(stored(notice.getId()).getAttempts()).isEqualTo(2);
  }

  @Test
  void serverErrorsBackOffExponentiallyThenGoDeadAndReplayDelivers() {
    primary.enqueue(FakeResponse.status(503), FakeResponse.status(502), FakeResponse.status(500));
    backup.enqueue(FakeResponse.json(201, "{}"));
    Delivery notice = customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1")));

    await().atMost(Duration.ofSeconds(20)).until(() -> stored(notice.getId()).getAttempts() == 1);
    Instant failedAt = clock.instant();
    assertThat(nextAttempt(notice.getId())).isBetween(failedAt, failedAt.plusSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    await().atMost(Duration.ofSeconds(20)).until(() -> stored(notice.getId()).getAttempts() == 2);
    assertThat(nextAttempt(notice.getId())).isBetween(clock.instant(), clock.instant().plusSeconds(4));
    clock.advance(Duration.ofSeconds(4));

    awaitStatus(notice.getId(), DeliveryStatus.DELIVERY_STATUS_DEAD);
    assertThat(stored(notice.getId()).getLastError()).contains("HTTP 500").contains("gave up after 3 attempts");

    primary.enqueue(FakeResponse.json(201, "{\"id\":\"replayed\"}"));
    clock.advance(Duration.ofSeconds(61)); // three failures in a row opened the circuit too
    int requeued = gateway.admin(TestGateway.ALL_SCOPES_TOKEN).retryDeliveries(RetryDeliveriesRequest.newBuilder()
        .setStatus(DeliveryStatus.DELIVERY_STATUS_DEAD).setConnectorId("primary").build()).getRequeued();
    assertThat(requeued).isEqualTo(1);
    awaitStatus(notice.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED);
    assertThat(stored(notice.getId()).getExternalId()).isEqualTo("replayed");
  }

  @Test
  void aPermanentFailureGoesDeadAtOnceAndTheFallbackTakesOver() {
    primary.enqueue(FakeResponse.json(400, "{\"error\":\"invalid recipient\"}"));
    backup.enqueue(FakeResponse.json(201, "{\"id\":\"backup-1\"}"));
    Delivery notice = customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1")));

    awaitStatus(notice.getId(), DeliveryStatus.DELIVERY_STATUS_DEAD);
    assertThat(stored(notice.getId()).getLastError()).contains("HTTP 400").contains("invalid recipient");
    assertThat(stored(notice.getId()).getAttempts()).isEqualTo(1);

    awaitRequests(backup, 1);
    List<Delivery> fallbacks = gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listDeliveries(
        ListDeliveriesRequest.newBuilder().setConnectorId("backup").build()).getDeliveriesList();
    assertThat(fallbacks).singleElement().satisfies(f -> {
      assertThat(f.getRoute()).isEqualTo("customers:fallback");
      assertThat(f.getRecipient()).isEqualTo(notice.getRecipient());
      assertThat(f.getPurpose()).isEqualTo(notice.getPurpose());
    });
    awaitStatus(fallbacks.get(0).getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED);
  }

  @Test
  void theCircuitOpensAfterConsecutiveFailuresAndAProbeClosesIt() throws Exception {
    primary.enqueue(FakeResponse.status(500), FakeResponse.status(500), FakeResponse.status(500));
    List<Delivery> failing = List.of(
        customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"))),
        customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-BLUE", 0, "A-2"))),
        customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-TEAL", 0, "A-4"))));
    await().atMost(Duration.ofSeconds(20)).until(() -> primary.requestCount() == 3
        && gateway.get(DeliveryDispatcher.class).breaker("primary").getState() == CircuitBreaker.State.OPEN);

    Delivery waiting = customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-GREEN", 0, "A-3")));
    await().atMost(Duration.ofSeconds(20)).until(() -> stored(waiting.getId()).getLastError().startsWith("circuit open"));
    assertThat(primary.requestCount()).as("an open circuit calls nobody").isEqualTo(3);
    assertThat(stored(waiting.getId()).getAttempts()).as("waiting is not a try").isZero();

    for (int i = 0; i < 4; i++) {
      primary.enqueue(FakeResponse.json(201, "{}"));
    }
    clock.advance(Duration.ofSeconds(61)); // the open period ends: one delivery is the probe
    await().atMost(Duration.ofSeconds(20)).until(() -> primary.requestCount() >= 4);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        gateway.get(DeliveryDispatcher.class).breaker("primary").getState() == CircuitBreaker.State.CLOSED);
    clock.advance(Duration.ofSeconds(2)); // the others were told to look again shortly
    for (Delivery d : List.of(failing.get(0), failing.get(1), failing.get(2), waiting)) {
      awaitStatus(d.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED);
    }
    assertThat(gateway.get(DeliveryDispatcher.class).breaker("primary").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aRestockBeforeTheSendCancelsTheNoticeAndNothingIsSent() throws Exception {
    gateway.admin(TestGateway.ALL_SCOPES_TOKEN).setConnectorEnabled(
        com.backordergateway.api.v1.SetConnectorEnabledRequest.newBuilder().setConnectorId("primary").setEnabled(false).build());
    Delivery notice = customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1")));

    gateway.backorder().reportInventoryLevel(level("PAINT-RED", 12, InventoryCause.INVENTORY_CAUSE_RECEIPT));
    gateway.admin(TestGateway.ALL_SCOPES_TOKEN).setConnectorEnabled(
        com.backordergateway.api.v1.SetConnectorEnabledRequest.newBuilder().setConnectorId("primary").setEnabled(true).build());
    clock.advance(Duration.ofSeconds(5));
    Thread.sleep(DeliveryDispatcher.POLL_MILLIS * 3);

    assertThat(stored(notice.getId()).getStatus()).isEqualTo(DeliveryStatus.DELIVERY_STATUS_CANCELLED);
    assertThat(primary.requestCount()).isZero();
  }

  @Test
  void followUpsCarryTheEarlierDeliverysReference() {
    primary.enqueue(FakeResponse.json(201, "{\"id\":\"thread-9\"}"), FakeResponse.json(201, "{\"id\":\"thread-9b\"}"));
    Delivery notice = customerNotice(gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1")));
    awaitStatus(notice.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED);

    IntakeResponse restock = gateway.backorder().reportInventoryLevel(level("PAINT-RED", 12, InventoryCause.INVENTORY_CAUSE_RECEIPT));
    Delivery resolution = customerNotice(restock);
    awaitStatus(resolution.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED);

    assertThat(primary.lastRequest().json().get("purpose").asText()).isEqualTo("RESOLUTION");
    assertThat(primary.lastRequest().json().get("previous").asText()).isEqualTo("thread-9");
  }
}
