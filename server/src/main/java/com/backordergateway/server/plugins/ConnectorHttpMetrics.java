package com.backordergateway.server.plugins;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Calls connectors make to their platforms: how many, how they ended, how long they took. */
@Singleton
public final class ConnectorHttpMetrics {

  private final Counter requests;
  private final Histogram duration;

  @Inject
  public ConnectorHttpMetrics(PrometheusRegistry registry) {
    this.requests = Counter.builder()
        .name("backorder_connector_http_requests_total")
        .help("HTTP calls connectors made to their platforms, by connector instance and outcome "
            + "(the status code, or timeout / connection_error)")
        .labelNames("connector", "outcome")
        .register(registry);
    this.duration = Histogram.builder()
        .name("backorder_connector_http_request_duration_seconds")
        .help("How long platform HTTP calls took, by connector instance")
        .unit(Unit.SECONDS)
        .labelNames("connector")
        .classicOnly()
        .classicUpperBounds(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20)
        .register(registry);
  }

  void record(String connector, String outcome, long nanos) {
    requests.labelValues(connector, outcome).inc();
    duration.labelValues(connector).observe(nanos / 1e9);
  }
}
