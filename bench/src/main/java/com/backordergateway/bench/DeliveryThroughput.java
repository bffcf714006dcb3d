package com.backordergateway.bench;

import com.backordergateway.api.v1.IntakeResponse;
import java.util.Locale;

/**
 * Scenario (c): the {@link DeliveryBurst} on the embedded SQLite store, two deliveries per event
 * (staff and customer), both to the sink through the webhook plugin.
 */
final class DeliveryThroughput {

  /**
   * @param burst the burst as measured at the sink
   * @param writerMicrosPerDelivery store-writer CPU from burst start to last arrival / deliveries (intake included)
   */
  record Outcome(DeliveryBurst.Measured burst, double writerMicrosPerDelivery) {
    String line() {
      return String.format(Locale.ROOT, "(c) deliveries                %s; store-writer %.0f µs CPU/delivery",
          burst.figures(), writerMicrosPerDelivery);
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
      return new Outcome(m, m.arrived() == 0 ? 0 : writerMicros / m.arrived());
    }
  }
}
