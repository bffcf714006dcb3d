package com.backordergateway.server.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a connector instance calls its platform or only renders and records. */
public enum ConnectorMode {
  LIVE("live"),
  DRY_RUN("dry-run");

  private final String yamlName;

  ConnectorMode(String yamlName) {
    this.yamlName = yamlName;
  }

  @JsonValue
  public String yamlName() {
    return yamlName;
  }
}
