package com.backordergateway.bench;

import com.backordergateway.api.v1.IntakeResponse;
import java.util.Locale;

/**
 * Scenario (c): fire a burst of SALE events as fast as intake takes them (two deliveries each,
 * staff and customer, both to the sink through the webhook plugin), then count deliveries/s at
 * the sink until every planned delivery has arrived. The engine starts sending while the burst is
 * still coming in; the rate after the burst is the engine's own.
 */
final class DeliveryThroughput {

  /**
   * @param intake the burst as intake saw it
   * @param planned deliveries the burst planned
   * @param arrived how many of them reached the sink
   * @param overallPerSecond arrived / (last arrival - burst start)
   * @param afterBurstPerSecond deliveries that arrived after the burst was accepted / the time they took
   * @param writerMicrosPerDelivery store-writer CPU from burst start to last arrival / deliveries (intake included)
   */
  record Outcome(LoadResult intake, long planned, long arrived, double seconds, double overallPerSecond,
      double afterBurstPerSecond, long repeats, double writerMicrosPerDelivery) {
    String line() {
      return String.format(Locale.ROOT,
          "(c) deliveries                %9.0f deliveries/s  (%.0f/s after the burst was accepted) %d/%d arrived in %.2f s,"
              + " repeats=%d; burst intake %.0f events/s; store-writer %.0f µs CPU/delivery", overallPerSecond,
          afterBurstPerSecond, arrived, planned, seconds, repeats, intake.perSecond(), writerMicrosPerDelivery);
    }
  }

  private DeliveryThroughput() {}

  static Outcome run(BenchSettings s) throws InterruptedException {
    IntakeRequests requests = new IntakeRequests();
    try (DeliverySink sink = DeliverySink.start(4);
        BenchGateway gateway = BenchGateway.start(s.folder("deliveries"), s.pluginsDir(), sink.url(), false, s.channels())) {
      LoadGenerator<IntakeResponse> load = new LoadGenerator<>("(c) burst intake",
          (caller, seq, answer) -> gateway.clients.stub(caller).reportInventoryLevel(requests.sale(seq), answer));
      DeliveryBurst.warmUp(s, sink, load);
      long writerCpu = WriterCpu.nanos();
      DeliveryBurst.Measured m = DeliveryBurst.fire(s, sink, load);
      double writerMicros = (WriterCpu.nanos() - writerCpu) / 1e3;
      return new Outcome(m.intake(), m.planned(), m.arrived(), m.seconds(), m.overallPerSecond(),
          m.afterBurstPerSecond(), m.repeats(), m.arrived() == 0 ? 0 : writerMicros / m.arrived());
    }
  }
}
