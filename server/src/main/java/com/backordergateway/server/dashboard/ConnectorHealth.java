package com.backordergateway.server.dashboard;

import com.backordergateway.api.v1.ConnectorInstance;
import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.server.delivery.DeliveryDispatcher;
import com.backordergateway.server.plugins.ConnectorInstances;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** What this replica knows about a connector instance right now: its state, circuit and pace, in words. */
@Singleton
final class ConnectorHealth {

  /** {@code health} is "ok", "waiting" (deliveries are held) or "failing" (its circuit is open or it failed). */
  record Now(String state, String circuit, String pace, String health, String waitReason) {}

  private final ConnectorInstances instances;
  private final DeliveryDispatcher dispatcher;

  @Inject
  ConnectorHealth(ConnectorInstances instances, DeliveryDispatcher dispatcher) {
    this.instances = instances;
    this.dispatcher = dispatcher;
  }

  Now of(String instanceId) {
    if (!instances.exists(instanceId)) {
      return new Now("not configured", "", "", "waiting",
          "no longer in the config");
    }
    ConnectorInstance instance = instances.status(instanceId);
    CircuitBreaker.State circuit = dispatcher.breaker(instanceId).getState();
    RateLimit pace = dispatcher.pace(instanceId);
    String circuitText = switch (circuit) {
      case CLOSED -> "closed";
      case OPEN -> "open";
      case HALF_OPEN -> "half open (one probe)";
      default -> circuit.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
    String waitReason = switch (instance.getState()) {
      case CONNECTOR_STATE_NOT_LOADED -> "its plugin is not loaded";
      case CONNECTOR_STATE_DISABLED -> "it is disabled";
      case CONNECTOR_STATE_FAILED -> "it failed to start";
      default -> circuit == CircuitBreaker.State.CLOSED ? "" : "its circuit is open after repeated failures";
    };
    String health = instance.getState() == ConnectorState.CONNECTOR_STATE_FAILED || circuit == CircuitBreaker.State.OPEN
        ? "failing" : waitReason.isEmpty() ? "ok" : "waiting";
    return new Now(DashboardText.label(instance.getState()), circuitText,
        perSecond(pace.permitsPerSecond()) + "/s, burst " + pace.burst(), health, waitReason);
  }

  /** "10", "0.5", "53.3": three significant digits, no trailing zeros. */
  private static String perSecond(double rate) {
    return new java.math.BigDecimal(rate).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
