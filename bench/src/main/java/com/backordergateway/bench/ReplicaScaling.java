package com.backordergateway.bench;

import com.backordergateway.api.v1.IntakeResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Scenario (g): the burst of scenario (c) on a PostgreSQL store, first with one gateway replica,
 * then with two sharing a fresh database, callers spread over the replicas. The design asks two
 * replicas for at least 1.6 × one replica's deliveries/s; both are measured in the same run so the
 * ratio does not compare two machines' moods.
 *
 * <p>The replicas and PostgreSQL share this machine's cores, so the ratio says how much a second
 * replica adds when the database is local, not what two machines would add.
 */
final class ReplicaScaling {

  static final List<Integer> REPLICAS = List.of(1, 2);
  /** The design's goal: two replicas deliver at least this many times one replica's rate. */
  static final double TARGET_RATIO = 1.6;

  /** Heartbeats come every second; a replica not counted by then is not coming. */
  private static final Duration COUNTED_LIMIT = Duration.ofSeconds(30);
  /**
   * A joining replica dispatches nothing for 2 s after it starts (so the others can shrink their
   * rate shares); waiting longer keeps that pause out of the measurement.
   */
  private static final Duration SETTLE = Duration.ofMillis(2500);

  /** One configuration's burst: {@code replicas} gateways sharing the database, the callers spread over them. */
  record Run(int replicas, DeliveryBurst.Measured burst) {
    String line() {
      LoadResult intake = burst.intake();
      return String.format(Locale.ROOT, "(g) PostgreSQL, %d replica%s    %s, errors=%d%s", replicas,
          replicas == 1 ? " " : "s", burst.figures(), intake.errorCount(),
          intake.errors().isEmpty() ? "" : " " + intake.errors());
    }
  }

  /** Both configurations, in the order of {@link #REPLICAS}, and how the database commits. */
  record Outcome(BenchPostgres.Durability durability, List<Run> runs) {
    Run one() {
      return runs.get(0);
    }

    Run two() {
      return runs.get(1);
    }

    double deliveriesRatio() {
      return two().burst().overallPerSecond() / Math.max(1e-9, one().burst().overallPerSecond());
    }

    double intakeRatio() {
      return two().burst().intake().perSecond() / Math.max(1e-9, one().burst().intake().perSecond());
    }

    String line() {
      return "(g) " + durability.text() + "\n"
          + runs.stream().map(Run::line).collect(Collectors.joining("\n")) + "\n"
          + String.format(Locale.ROOT, "(g) PostgreSQL 2 replicas / 1 replica: deliveries %.2f, intake %.2f",
              deliveriesRatio(), intakeRatio());
    }
  }

  private ReplicaScaling() {}

  static Outcome run(BenchSettings s) throws InterruptedException {
    try (BenchPostgres postgres = BenchPostgres.start()) {
      List<Run> runs = new ArrayList<>();
      for (int replicas : REPLICAS) {
        runs.add(run(s, postgres.newDatabase("bench_" + replicas + "_replicas"), replicas));
      }
      return new Outcome(postgres.durability(), runs);
    }
  }

  private static Run run(BenchSettings s, String database, int n) throws InterruptedException {
    List<BenchGateway> replicas = new ArrayList<>();
    try (DeliverySink sink = DeliverySink.start(4)) {
      try {
        for (int i = 1; i <= n; i++) {
          replicas.add(BenchGateway.replica(s.folder("replica-" + i + "-of-" + n), s.pluginsDir(), sink.url(),
              s.channels(), database));
        }
        awaitEveryoneCounted(replicas);
        return burst(s, sink, replicas);
      } finally {
        replicas.forEach(BenchGateway::close);
      }
    }
  }

  /** Until every replica counts all of them, then past the last one's settling pause. */
  private static void awaitEveryoneCounted(List<BenchGateway> replicas) throws InterruptedException {
    long deadline = System.nanoTime() + COUNTED_LIMIT.toNanos();
    while (!replicas.stream().allMatch(r -> r.replicasLive() == replicas.size())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("replicas count " + replicas.stream().map(BenchGateway::replicasLive).toList()
            + " after " + Durations.text(COUNTED_LIMIT) + ", expected " + replicas.size() + " each");
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    TimeUnit.MILLISECONDS.sleep(SETTLE.toMillis());
  }

  private static Run burst(BenchSettings s, DeliverySink sink, List<BenchGateway> replicas) throws InterruptedException {
    int n = replicas.size();
    IntakeRequests requests = new IntakeRequests();
    // Caller i goes to replica i % n; within it, i / n picks the channel, so every replica's
    // callers still spread over all of its channels.
    LoadGenerator<IntakeResponse> load = new LoadGenerator<>("(g) burst intake, " + n + (n == 1 ? " replica" : " replicas"),
        (caller, seq, answer) -> replicas.get(caller % n).clients.stub(caller / n)
            .reportInventoryLevel(requests.sale(seq), answer));
    DeliveryBurst.warmUp(s, sink, load);
    return new Run(n, DeliveryBurst.fire(s, sink, load));
  }
}
