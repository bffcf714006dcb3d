package com.backordergateway.bench;

import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * Scenario (b): closed-loop intake against a real gateway, each answer after a durable group
 * commit. SALE to zero with an order opens a case and plans two deliveries per call (held back an
 * hour by quiet hours and a digest window, so the engine does not compete for the two cores);
 * COUNT records a level and plans nothing.
 */
final class IntakeThroughput {

  /** The measurement, and how many deliveries the measured calls planned. */
  record Outcome(LoadResult load, long planned) {
    double plannedPerCall() {
      return load.ok() == 0 ? 0 : (double) planned / load.ok();
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
      LoadResult result = load.run(s.closedLoop(s.duration()),
          (seq, start, answer) -> planned.add(answer.getPlannedDeliveriesCount()));
      return new Outcome(result, planned.sum());
    }
  }
}
