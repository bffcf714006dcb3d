package com.backordergateway.server.plugins;

/**
 * The instance cannot deliver now: its plugin is not loaded, it is disabled, or it failed to
 * open. Deliveries wait for it rather than fail.
 */
public final class ConnectorUnavailableException extends Exception {
  public ConnectorUnavailableException(String message) {
    super(message);
  }
}
