package com.backordergateway.server.delivery;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** How delivery attempts end, per connector instance, and how long the connector took. */
@Singleton
public final class DeliveryMetrics {

  private final Counter outcomes;
  private final Histogram attemptDuration;

  @Inject
  public DeliveryMetrics(PrometheusRegistry registry) {
    this.outcomes = Counter.builder()
        .name("backorder_delivery_attempts_total")
        .help("Delivery attempts by connector instance and outcome: delivered, retry, dead, waiting "
            + "(plugin not loaded, disabled or circuit open; not counted as a try)")
        .labelNames("connector", "outcome")
        .register(registry);
    this.attemptDuration = Histogram.builder()
        .name("backorder_delivery_attempt_duration_seconds")
        .help("How long a connector took to deliver or fail, by connector instance")
        .unit(Unit.SECONDS)
        .labelNames("connector")
        .classicOnly()
        .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20)
        .register(registry);
  }

  void outcome(String connector, String outcome, int count) {
    outcomes.labelValues(connector, outcome).inc(count);
  }

  void attempt(String connector, long nanos) {
    attemptDuration.labelValues(connector).observe(nanos / 1e9);
  }
}
