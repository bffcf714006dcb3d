package com.backordergateway.bench;

import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * Scenario (b): closed-loop intake against a real gateway, each answer after a durable group
 * commit. SALE to zero with an order opens a case and plans two deliveries per call (held back an
 * hour by quiet hours and a digest window, so the engine does not compete for the two cores);
 * COUNT records a level and plans nothing.
 */
final class IntakeThroughput {

  /** The measurement, how many deliveries the measured calls planned, and the writer's CPU per call. */
  record Outcome(LoadResult load, long planned, double writerMicrosPerCall) {
    double plannedPerCall() {
      return load.ok() == 0 ? 0 : (double) planned / load.ok();
    }

    String line() {
      return load.line() + String.format(Locale.ROOT, "  store-writer %.0f µs CPU/call", writerMicrosPerCall);
    }
  }

  private IntakeThroughput() {}

  static Outcome sales(BenchSettings s) {
    IntakeRequests requests = new IntakeRequests();
    return run(s, "(b) intake SALE (plans 2)", requests::sale);
  }

  static Outcome counts(BenchSettings s) {
    IntakeRequests requests = new IntakeRequests();
    return run(s, "(b) intake COUNT (plans 0)", requests::count);
  }

  private static Outcome run(BenchSettings s, String name, LongFunction<ReportInventoryLevelRequest> request) {
    try (DeliverySink sink = DeliverySink.start(2);
        BenchGateway gateway = BenchGateway.start(s.folder("intake"), s.pluginsDir(), sink.url(), true, s.channels())) {
      LoadGenerator<IntakeResponse> load = new LoadGenerator<>(name,
          (caller, seq, answer) -> gateway.clients.stub(caller).reportInventoryLevel(request.apply(seq), answer));
      if (s.warms()) {
        load.warmUp(s.closedLoop(s.warmup()));
      }
      LongAdder planned = new LongAdder();
      long writerCpu = WriterCpu.nanos();
      LoadResult result = load.run(s.closedLoop(s.duration()),
          (seq, start, answer) -> planned.add(answer.getPlannedDeliveriesCount()));
      double writerMicros = (WriterCpu.nanos() - writerCpu) / 1e3;
      return new Outcome(result, planned.sum(), result.ok() == 0 ? 0 : writerMicros / result.ok());
    }
  }
}
