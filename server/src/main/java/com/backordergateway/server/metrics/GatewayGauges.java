package com.backordergateway.server.metrics;

import com.backordergateway.api.v1.ConnectorInstance;
import com.backordergateway.server.delivery.DeliveryDispatcher;
import com.backordergateway.server.plugins.ConnectorInstances;
import com.backordergateway.server.plugins.PluginHost;
import com.backordergateway.server.store.Database;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Values read when Prometheus scrapes: the outbox by status (queue depth), each instance's
 * circuit state and connector state, and the plugins by state.
 */
@Singleton
public final class GatewayGauges {

  private final PrometheusRegistry registry;
  private final Database database;
  private final DeliveryDispatcher dispatcher;
  private final ConnectorInstances instances;
  private final PluginHost plugins;

  @Inject
  GatewayGauges(PrometheusRegistry registry, Database database, DeliveryDispatcher dispatcher,
      ConnectorInstances instances, PluginHost plugins) {
    this.registry = registry;
    this.database = database;
    this.dispatcher = dispatcher;
    this.instances = instances;
    this.plugins = plugins;
  }

  public void register() {
    GaugeWithCallback.builder()
        .name("backorder_deliveries")
        .help("Deliveries in the outbox by status (pending and in_flight are the queue)")
        .labelNames("status")
        .callback(cb -> deliveriesByStatus().forEach((status, count) -> cb.call(count, status)))
        .register(registry);
    GaugeWithCallback.builder()
        .name("backorder_connector_circuit_state")
        .help("Circuit breaker per connector instance: 0 closed, 1 open, 2 half-open")
        .labelNames("connector")
        .callback(cb -> instances.statuses().forEach(i -> cb.call(circuit(i.getId()), i.getId())))
        .register(registry);
    GaugeWithCallback.builder()
        .name("backorder_connector_instance_state")
        .help("1 for the state each connector instance is in")
        .labelNames("connector", "state")
        .callback(cb -> instances.statuses().forEach(i -> cb.call(1, i.getId(), state(i))))
        .register(registry);
    GaugeWithCallback.builder()
        .name("backorder_plugins")
        .help("Plugin jars by state")
        .labelNames("state")
        .callback(cb -> plugins.plugins().stream()
            .collect(Collectors.groupingBy(p -> p.state().name(), TreeMap::new, Collectors.counting()))
            .forEach((state, count) -> cb.call(count, shortState(state))))
        .register(registry);
  }

  private Map<String, Long> deliveriesByStatus() {
    Map<String, Long> counts = new TreeMap<>();
    database.jdbi().useHandle(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status")
        .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
        .forEach(e -> counts.put(e.getKey().substring("DELIVERY_STATUS_".length()).toLowerCase(java.util.Locale.ROOT),
            e.getValue())));
    return counts;
  }

  private double circuit(String instanceId) {
    return switch (dispatcher.breaker(instanceId).getState()) {
      case OPEN, FORCED_OPEN -> 1;
      case HALF_OPEN -> 2;
      default -> 0;
    };
  }

  private static String state(ConnectorInstance instance) {
    return shortState(instance.getState().name());
  }

  private static String shortState(String enumName) {
    return enumName.substring("CONNECTOR_STATE_".length()).toLowerCase(java.util.Locale.ROOT);
  }
}
