package com.backordergateway.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing a plugin while deliveries flow: every delivery is made exactly once, by v1 or v2. */
class PluginReplaceTest {

  static final int SENDERS = 4;

  @TempDir Path dir;
  @TempDir Path work;

  @Test
  void replacingUnderLoadLosesNothing() throws Exception {
    try (TestGateway gateway = TestGateway.start(dir, new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
        new TestGateway.Options(PluginRuntimeTest.CONNECTORS, true, false))) {
      PluginProbe.clear();
      Path plugins = TestGateway.pluginsDir(dir);
      Files.copy(TestPlugins.echo(work, "1.0.0", 2).writeTo(work.resolve("v1.jar")), plugins.resolve("echo.jar"));
      ConnectorInstances instances = gateway.get(ConnectorInstances.class);
      await().atMost(Duration.ofSeconds(30))
          .until(() -> instances.status("echo-1").getState() == ConnectorState.CONNECTOR_STATE_STARTED);

      Map<String, String> receipts = new ConcurrentHashMap<>();
      java.util.concurrent.atomic.AtomicInteger attempted = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
      List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        int sender = s;
        running.add(senders.submit(() -> {
          for (int i = 0; !stop.get() && i < 100_000; i++) {
            String id = "d-" + sender + "-" + i;
            attempted.incrementAndGet();
            try {
              DeliveryReceipt receipt = instances.deliver("echo-1", PluginRuntimeTest.notification(id));
              if (receipts.put(id, receipt.externalId()) != null) {
                failures.add(new AssertionError("delivered twice: " + id));
              }
            } catch (Exception e) {
              failures.add(e);
            }
          }
        }));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> receipts.size() >= 100);

      // Replace: copy v2 next to it under a temporary name, then rename over the running jar.
      Path staged = plugins.resolve(".echo.jar.tmp");
      Files.copy(TestPlugins.echo(work, "2.0.0", 2).writeTo(work.resolve("v2.jar")), staged);
      Files.move(staged, plugins.resolve("echo.jar"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

      await().atMost(Duration.ofSeconds(30)).until(() -> receipts.values().stream().anyMatch(r -> r.startsWith("2.0.0:")));
      int afterSwap = receipts.size();
      await().atMost(Duration.ofSeconds(30)).until(() -> receipts.size() >= afterSwap + 100);
      stop.set(true);
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
      senders.shutdown();

      assertThat(failures).isEmpty();
      assertThat(receipts).hasSize(attempted.get());
      assertThat(receipts.values()).allMatch(r -> r.startsWith("1.0.0:") || r.startsWith("2.0.0:"));
      assertThat(receipts.values()).anyMatch(r -> r.startsWith("1.0.0:")).anyMatch(r -> r.startsWith("2.0.0:"));
      assertThat(PluginProbe.events()).as("v1 was drained before it was closed").containsExactly("echo 1.0.0 closed with 0 in flight");
      assertThat(gateway.get(PluginHost.class).plugins()).singleElement()
          .satisfies(p -> assertThat(p.version()).isEqualTo("2.0.0"));
    }
  }
}
