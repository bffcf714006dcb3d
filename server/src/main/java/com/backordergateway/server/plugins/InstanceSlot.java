package com.backordergateway.server.plugins;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.server.config.GatewayConfig;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One configured connector instance and the session of the plugin currently serving it.
 *
 * <p>Deliveries hold the read lock while they call the session; the plugin lifecycle takes the
 * write lock to swap or drop the session, which waits for deliveries in flight (drain) and
 * holds new ones until the swap is done. The lock is fair so a waiting swap is not starved.
 */
final class InstanceSlot {

  final int index;
  final GatewayConfig.Connector config;
  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

  // Written under the write lock (or by the lifecycle thread before any delivery); read under
  // the read lock, or without it for status display.
  volatile ConnectorSession session;
  volatile ConnectorDescriptor descriptor;
  volatile String pluginId;
  volatile ConnectorState state = ConnectorState.CONNECTOR_STATE_NOT_LOADED;
  volatile String lastError;
  /** The failure is the operator's configuration (settings, routes), not the plugin. */
  volatile boolean configProblem;
  volatile boolean enabled;

  InstanceSlot(int index, GatewayConfig.Connector config) {
    this.index = index;
    this.config = config;
    this.enabled = config.enabled();
    this.lastError = "no plugin of type " + config.type() + " is loaded";
  }

  String id() {
    return config.id();
  }

  /** The state an operator sees: disabled wins over everything else. */
  ConnectorState visibleState() {
    return enabled ? state : ConnectorState.CONNECTOR_STATE_DISABLED;
  }
}
