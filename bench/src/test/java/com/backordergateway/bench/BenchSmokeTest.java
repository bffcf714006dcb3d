package com.backordergateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario for about a second with tiny numbers: calls succeed and deliveries arrive.
 * Nothing here is timed; the figures come from running {@link Bench} on a quiet machine.
 */
class BenchSmokeTest {

  @TempDir
  static Path work;

  private static BenchSettings settings;

  @BeforeAll
  static void tinySettings() {
    Path plugins = Path.of(System.getProperty("bench.plugins.dir", "target/bench-plugins"));
    List<String> fromThisClassPath = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "com.backordergateway.server.Main");
    // The start-up scenario configures an instance of every connector, so its process needs every plugin.
    Path everyPlugin = Path.of("../distribution/target/backorder-gateway/plugins");
    assertThat(everyPlugin).as("./mvnw verify assembles the distribution before the bench").isDirectory();
    settings = new BenchSettings(work, plugins, 4, 2, 2, Duration.ofSeconds(1), Duration.ZERO, 50, 50,
        Duration.ofSeconds(1), 1, Duration.ofSeconds(1), fromThisClassPath, everyPlugin,
        System.getProperty("bench.python", "/usr/bin/python3"));
  }

  @Test
  void echoAnswers() {
    LoadResult echo = EchoCeiling.run(settings);

    assertThat(echo.ok()).isPositive();
    assertThat(echo.errors()).isEmpty();
  }

  @Test
  void intakeAcceptsSalesAndCounts() {
    IntakeThroughput.Outcome sales = IntakeThroughput.sales(settings);
    IntakeThroughput.Outcome counts = IntakeThroughput.counts(settings);

    assertThat(sales.load().ok()).isPositive();
    assertThat(sales.load().errors()).isEmpty();
    assertThat(sales.planned()).isEqualTo(2 * sales.load().ok());
    assertThat(counts.load().ok()).isPositive();
    assertThat(counts.load().errors()).isEmpty();
    assertThat(counts.planned()).isZero();
  }

  @Test
  void burstIsDelivered() throws InterruptedException {
    DeliveryThroughput.Outcome outcome = DeliveryThroughput.run(settings);

    assertThat(outcome.burst().intake().errors()).isEmpty();
    assertThat(outcome.burst().planned()).isEqualTo(100);
    assertThat(outcome.burst().arrived()).isEqualTo(100);
  }

  @Test
  void apprisePostsReachThePeerPathOfTheSink() throws InterruptedException {
    Assumptions.assumeTrue(ApprisePeer.version(settings.python()) != null, "apprise not installed");

    ApprisePeer.Outcome outcome = ApprisePeer.run(settings);

    assertThat(outcome.ran()).isTrue();
    assertThat(outcome.runs()).extracting(ApprisePeer.Run::targets).containsExactlyElementsOf(ApprisePeer.TARGETS);
    for (ApprisePeer.Run run : outcome.runs()) {
      assertThat(run.notifications()).isPositive();
      assertThat(run.failures()).isZero();
      assertThat(run.deliveries()).as("one POST per target per notify, counted at the sink")
          .isEqualTo(run.notifications() * run.targets());
      assertThat(run.perSecond()).isPositive();
    }
  }

  @Test
  void openLoopDeliveriesAreMatchedToTheirCalls() throws InterruptedException {
    IntakeToDelivered.Outcome outcome = IntakeToDelivered.run(settings);

    assertThat(outcome.intake().ok()).isPositive();
    assertThat(outcome.intake().errors()).isEmpty();
    assertThat(outcome.missing()).isZero();
    assertThat(outcome.endToEndMicros().getTotalCount()).isEqualTo(outcome.planned()).isPositive();
  }

  @Test
  void aBacklogOnASlowInstanceWaitsWhileTheHealthyOnesDeliver() throws InterruptedException {
    BacklogIsolation.Outcome outcome = BacklogIsolation.run(settings);

    assertThat(outcome.backlog()).as("most of the slow instance's 50 deliveries wait").isGreaterThan(40);
    assertThat(outcome.slowDelivered()).as("1 request/s over a 1 s window").isBetween(0, 3);
    assertThat(outcome.latency().missing()).isZero();
    assertThat(outcome.latency().endToEndMicros().getTotalCount()).isEqualTo(outcome.latency().planned()).isPositive();
  }

  @Test
  void oneAndTwoReplicasOnPostgresDeliverTheWholeBurst() throws InterruptedException {
    ReplicaScaling.Outcome outcome = ReplicaScaling.run(settings);

    assertThat(outcome.durability().durable()).as("measured with PostgreSQL's durable commits").isTrue();
    assertThat(outcome.runs()).extracting(ReplicaScaling.Run::replicas).containsExactlyElementsOf(ReplicaScaling.REPLICAS);
    for (ReplicaScaling.Run run : outcome.runs()) {
      assertThat(run.burst().intake().errors()).isEmpty();
      assertThat(run.burst().planned()).isEqualTo(100);
      assertThat(run.burst().arrived()).isEqualTo(100);
    }
    assertThat(outcome.deliveriesRatio()).isPositive();
    assertThat(outcome.intakeRatio()).isPositive();
  }

  @Test
  void gatewayProcessServesAndTakesLoad() throws InterruptedException {
    StartupAndMemory.Outcome outcome = StartupAndMemory.run(settings);

    assertThat(outcome.startups()).hasSize(1);
    assertThat(outcome.pluginsStarted()).isPositive();
    assertThat(outcome.load().ok()).isPositive();
    assertThat(outcome.load().errors()).isEmpty();
    assertThat(outcome.delivered()).isEqualTo(2 * outcome.load().ok());
    assertThat(outcome.peakRssKib()).isPositive();
  }
}
