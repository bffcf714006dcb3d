package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.testing.TestGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping under REST load drains the HTTP listener as gRPC drains: a call the gateway took is
 * answered, so every event stored was answered 200 — none committed behind a dropped connection.
 */
class RestDrainTest {

  /** Callers sending back to back, so that calls are in flight at every moment of the stop. */
  private static final int CALLERS = 32;

  @TempDir Path dir;

  @Test
  void everyStoredEventWasAnsweredWhenTheGatewayStopsMidLoad() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
    TestGateway gateway = TestGateway.start(dir, clock);
    URI levels = URI.create("http://127.0.0.1:" + gateway.httpPort() + "/v1/inventory-levels");
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch underLoad = new CountDownLatch(500);
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    for (int c = 0; c < CALLERS; c++) {
      callers.submit(() -> {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        while (true) {
          HttpRequest request = HttpRequest.newBuilder(levels)
              .header("Authorization", "Bearer " + TestGateway.ALL_SCOPES_TOKEN)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"PAPER-A4-" + sent.incrementAndGet()
                  + "\",\"on_hand\":5,\"cause\":\"INVENTORY_CAUSE_COUNT\"}"))
              .build();
          try {
            int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status != 200) {
              refused.incrementAndGet(); // 503 while stopping: not taken, nothing stored
              return;
            }
            answered.incrementAndGet();
            underLoad.countDown();
          } catch (Exception dropped) {
            return; // connection refused or cut: counted by the difference below if anything was stored
          }
        }
      });
    }
    assertThat(underLoad.await(60, TimeUnit.SECONDS)).isTrue();
    gateway.close();
    callers.shutdown();
    assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    try (TestGateway restarted = TestGateway.start(dir, clock)) {
      int stored = restarted.get(Database.class).jdbi()
          .withHandle(h -> h.createQuery("SELECT count(*) FROM events").mapTo(Integer.class).one());
      assertThat(stored).as("events stored, against %s calls answered 200 (%s sent, %s refused)",
          answered.get(), sent.get(), refused.get()).isEqualTo(answered.get());
    }
  }
}
