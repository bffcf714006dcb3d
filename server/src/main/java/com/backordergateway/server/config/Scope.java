package com.backordergateway.server.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an API token may do. */
public enum Scope {
  /** Report stock, shipments and platform events. */
  INTAKE,
  /** Query events and cases. */
  READ,
  /** Manage connectors, plugins and deliveries. */
  ADMIN;

  @JsonValue
  String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
