package com.backordergateway.bench;

import com.backordergateway.api.v1.IntakeResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The burst of scenarios (c) and (g): SALE events fired as fast as intake takes them, then
 * counted at the sink until every planned delivery has arrived. The engine starts sending while
 * the burst is still coming in; the rate after the burst was accepted is the engine's own.
 */
final class DeliveryBurst {

  /** Waiting for the last delivery gives up after this. */
  static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

  /**
   * @param intake the burst as intake saw it
   * @param planned deliveries the burst planned
   * @param arrived how many of them reached the sink
   * @param seconds from the burst's start to the last arrival
   * @param overallPerSecond arrived / seconds
   * @param afterBurstPerSecond deliveries that arrived after the burst was accepted / the time they took
   * @param repeats deliveries the sink received more than once, warm-up included
   */
  record Measured(LoadResult intake, long planned, long arrived, double seconds, double overallPerSecond,
      double afterBurstPerSecond, long repeats) {
    /** Every planned delivery arrived. */
    boolean complete() {
      return planned > 0 && arrived == planned;
    }

    /** The figures every burst line shows, after its scenario's own label and before its extras. */
    String figures() {
      return String.format(Locale.ROOT,
          "%9.0f deliveries/s  (%.0f/s after the burst was accepted) %d/%d arrived in %.2f s, repeats=%d;"
              + " burst intake %.0f events/s", overallPerSecond, afterBurstPerSecond, arrived, planned, seconds,
          repeats, intake.perSecond());
    }
  }

  private DeliveryBurst() {}

  /** The unmeasured run before a burst, drained at the sink (nothing when the settings want no warm-up). */
  static void warmUp(BenchSettings s, DeliverySink sink, LoadGenerator<IntakeResponse> load)
      throws InterruptedException {
    if (s.warms()) {
      LongAdder planned = new LongAdder();
      int before = sink.received();
      load.run(s.closedLoop(s.warmup()), (seq, start, answer) -> planned.add(answer.getPlannedDeliveriesCount()));
      sink.awaitReceived(before + (int) planned.sum(), DRAIN_LIMIT);
    }
  }

  /** Fires {@code s.burstEvents()} events through {@code load} and measures until the last delivery arrives. */
  static Measured fire(BenchSettings s, DeliverySink sink, LoadGenerator<IntakeResponse> load)
      throws InterruptedException {
    LongAdder planned = new LongAdder();
    int before = sink.received();
    long begin = System.nanoTime();
    LoadResult intake = load.run(LoadPlan.closedCount(s.callers(), s.inFlight(), s.burstEvents(), DRAIN_LIMIT),
        (seq, start, answer) -> planned.add(answer.getPlannedDeliveriesCount()));
    long accepted = System.nanoTime();
    int atAccepted = sink.received() - before;
    long expected = planned.sum();
    sink.awaitReceived(before + (int) expected, DRAIN_LIMIT);
    long arrived = sink.received() - before;
    long last = sink.lastArrivalNanos();
    double seconds = (last - begin) / 1e9;
    double afterBurst = (arrived - atAccepted) / Math.max(1e-9, (last - accepted) / 1e9);
    return new Measured(intake, expected, arrived, seconds, arrived / seconds, afterBurst, sink.repeats());
  }
}
