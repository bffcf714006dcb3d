package com.backordergateway.bench;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.IntakeResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * Scenario (d): SALE events at a fixed open-loop rate; for every delivery an answer planned, the
 * time from the call's scheduled start to the delivery's first arrival at the sink, matched by
 * delivery id.
 */
final class IntakeToDelivered {

  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

  /**
   * @param intake the intake calls at that rate
   * @param endToEndMicros scheduled call start to sink arrival, per delivery
   * @param planned deliveries planned by the measured calls
   * @param missing planned deliveries that had not arrived when waiting gave up
   */
  record Outcome(LoadResult intake, Histogram endToEndMicros, long planned, long missing) {
    String line() {
      Histogram h = endToEndMicros;
      return "(d) intake->delivered          p50=" + Durations.millis(h.getValueAtPercentile(50))
          + " p90=" + Durations.millis(h.getValueAtPercentile(90)) + " p99=" + Durations.millis(h.getValueAtPercentile(99))
          + " max=" + Durations.millis(h.getMaxValue()) + " ms over " + h.getTotalCount() + " deliveries (planned "
          + planned + ", missing " + missing + ")";
    }
  }

  private IntakeToDelivered() {}

  static Outcome run(BenchSettings s) throws InterruptedException {
    try (DeliverySink sink = DeliverySink.start(4);
        BenchGateway gateway = BenchGateway.start(s.folder("latency"), s.pluginsDir(), sink.url(), false, s.channels())) {
      return measure(s, gateway, sink, "(d) intake");
    }
  }

  /** The open-loop run against a started gateway whose customer and staff routes reach {@code sink}. */
  static Outcome measure(BenchSettings s, BenchGateway gateway, DeliverySink sink, String name)
      throws InterruptedException {
    IntakeRequests requests = new IntakeRequests();
    LoadGenerator<IntakeResponse> load = new LoadGenerator<>(name,
        (caller, seq, answer) -> gateway.clients.stub(caller).reportInventoryLevel(requests.sale(seq), answer));
    Map<String, Long> starts = new ConcurrentHashMap<>();
    LoadGenerator.Answers<IntakeResponse> plannedAt = (seq, start, answer) -> {
      for (Delivery d : answer.getPlannedDeliveriesList()) {
        starts.put(d.getId(), start);
      }
    };
    if (s.warms()) {
      int beforeWarmup = sink.received();
      load.run(LoadPlan.open(s.callers(), s.eventsPerSecond(), s.warmup()), plannedAt);
      sink.awaitReceived(beforeWarmup + starts.size(), DRAIN_LIMIT);
      starts.clear();
    }
    int before = sink.received();
    LoadResult intake = load.run(LoadPlan.open(s.callers(), s.eventsPerSecond(), s.latencyDuration()), plannedAt);
    sink.awaitReceived(before + starts.size(), DRAIN_LIMIT);
    Histogram endToEnd = new Histogram(3);
    long missing = 0;
    for (Map.Entry<String, Long> e : starts.entrySet()) {
      Long arrived = sink.arrival(e.getKey());
      if (arrived == null) {
        missing++;
      } else {
        endToEnd.recordValue(Math.max(0, (arrived - e.getValue()) / 1_000));
      }
    }
    return new Outcome(intake, endToEnd, starts.size(), missing);
  }
}
