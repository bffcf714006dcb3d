package com.backordergateway.bench;

import com.backordergateway.api.v1.IntakeResponse;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scenario (f): a backlog behind one slow platform must cost nothing while it waits and must not
 * slow the others. A third webhook instance, limited to 1 request/s, is sent every delivery of
 * the BACKLOG- SKUs (as well as the two healthy sink instances). After a burst of those, with the
 * backlog waiting, the gateway's CPU is sampled over an idle window (the whole process, and the
 * {@code store-writer} thread alone); then intake→delivered for the healthy instances is measured
 * at the open-loop rate of (d), with the backlog still there.
 */
final class BacklogIsolation {

  static final String SLOW = "slow-sink";
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

  /**
   * @param backlog deliveries waiting for the slow instance when the idle window began
   * @param idle the length of each idle window
   * @param empty the gateway's CPU over an idle window before any backlog, for the ratio
   * @param waiting its CPU over an idle window with the backlog waiting
   * @param slowDelivered deliveries the slow instance made during the idle window
   * @param latency intake→delivered for the healthy instances beside the backlog
   */
  record Outcome(long backlog, Duration idle, Cpu empty, Cpu waiting, int slowDelivered,
      IntakeToDelivered.Outcome latency) {
    String line() {
      var h = latency.endToEndMicros();
      return String.format(Locale.ROOT,
          "(f) isolation                 backlog=%d on %s: idle CPU %.1f %% of a core (store-writer %.1f %%) over %d s,"
              + " %d sent by it meanwhile; with no backlog %.1f %% (%.1f %%); healthy intake->delivered p50=%s p99=%s ms"
              + " (%d missing)",
          backlog, SLOW, waiting.cores() * 100, waiting.writerCores() * 100, idle.toSeconds(), slowDelivered,
          empty.cores() * 100, empty.writerCores() * 100,
          Durations.millis(h.getValueAtPercentile(50)), Durations.millis(h.getValueAtPercentile(99)), latency.missing());
    }
  }

  /** CPU time over a window / its length (1.0 = one core): the whole process, and the store-writer thread. */
  record Cpu(double cores, double writerCores) {}

  private BacklogIsolation() {}

  static Outcome run(BenchSettings s) throws InterruptedException {
    IntakeRequests backlogged = new IntakeRequests("BACKLOG");
    try (DeliverySink healthy = DeliverySink.start(4);
        DeliverySink slow = DeliverySink.start(1);
        BenchGateway gateway = BenchGateway.start(s.folder("isolation"), s.pluginsDir(), healthy.url(), false,
            s.channels(), slowInstance(slow.url()), "  - {name: backlog, when: {sku: \"BACKLOG-*\"}, send: [" + SLOW + "]}")) {
      LoadGenerator<IntakeResponse> burst = new LoadGenerator<>("(f) backlog burst",
          (caller, seq, answer) -> gateway.clients.stub(caller).reportInventoryLevel(backlogged.sale(seq), answer));
      LongAdder planned = new LongAdder();
      LongAdder plannedSlow = new LongAdder();
      Duration idle = s.duration();
      Cpu empty = cpuOver(idle); // the same gateway before any backlog, for the ratio
      // Half the burst's events: each plans two deliveries for the slow instance, as many as (c) sends.
      burst.run(LoadPlan.closedCount(s.callers(), s.inFlight(), Math.max(1, s.burstEvents() / 2), DRAIN_LIMIT),
          (seq, start, answer) -> answer.getPlannedDeliveriesList().forEach(d -> {
            (d.getConnector().equals(SLOW) ? plannedSlow : planned).increment();
          }));
      healthy.awaitReceived((int) planned.sum(), DRAIN_LIMIT);
      TimeUnit.SECONDS.sleep(Math.min(3, idle.toSeconds())); // the compiler and collector finish after the burst

      long backlog = plannedSlow.sum() - slow.received();
      int slowBefore = slow.received();
      Cpu waiting = cpuOver(idle);
      int slowDelivered = slow.received() - slowBefore;

      IntakeToDelivered.Outcome latency = IntakeToDelivered.measure(s, gateway, healthy, "(f) healthy intake");
      return new Outcome(backlog, idle, empty, waiting, slowDelivered, latency);
    }
  }

  private static Cpu cpuOver(Duration window) throws InterruptedException {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long writerCpu = WriterCpu.nanos();
    long begin = System.nanoTime();
    TimeUnit.NANOSECONDS.sleep(window.toNanos());
    double wall = System.nanoTime() - begin;
    return new Cpu((os.getProcessCpuTime() - cpu) / wall, (WriterCpu.nanos() - writerCpu) / wall);
  }

  private static String slowInstance(String url) {
    return """
          - id: %s
            type: webhook
            max-concurrency: 4
            rate-per-second: 1
            rate-burst: 1
            settings: {url: "%s", signing-secret: bench-signing-secret-0123}
        """.formatted(SLOW, url);
  }
}
