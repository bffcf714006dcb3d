package com.backordergateway.bench;

import com.backordergateway.api.v1.IntakeResponse;

/** Scenario (a): the closed-loop throughput of {@link EchoServer}, the ceiling for intake. */
final class EchoCeiling {

  private EchoCeiling() {}

  static LoadResult run(BenchSettings s) {
    IntakeRequests requests = new IntakeRequests();
    try (EchoServer echo = EchoServer.start(); ClientPool clients = new ClientPool(echo.port(), s.channels())) {
      LoadGenerator<IntakeResponse> load = new LoadGenerator<>("(a) echo ceiling",
          (caller, seq, answer) -> clients.stub(caller).reportInventoryLevel(requests.sale(seq), answer));
      if (s.warms()) {
        load.warmUp(s.closedLoop(s.warmup()));
      }
      return load.run(s.closedLoop(s.duration()));
    }
  }
}
