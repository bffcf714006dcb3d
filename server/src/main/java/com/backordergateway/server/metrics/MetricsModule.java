package com.backordergateway.server.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * One Prometheus registry per gateway (not the process-wide default), so that several gateways
 * in one JVM — tests — keep their figures apart.
 */
public final class MetricsModule extends AbstractModule {
  @Provides
  @Singleton
  PrometheusRegistry registry() {
    return new PrometheusRegistry();
  }
}
