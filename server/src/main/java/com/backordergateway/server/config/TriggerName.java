package com.backordergateway.server.config;

import com.backordergateway.api.v1.Trigger;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Trigger names as written in routes, e.g. {@code stock-depleted}. */
public enum TriggerName {
  STOCK_DEPLETED(Trigger.TRIGGER_STOCK_DEPLETED),
  MARKED_UNAVAILABLE(Trigger.TRIGGER_MARKED_UNAVAILABLE),
  SUPPLIER_DELAYED(Trigger.TRIGGER_SUPPLIER_DELAYED),
  PLATFORM_BACKORDER(Trigger.TRIGGER_PLATFORM_BACKORDER);

  private final Trigger trigger;

  TriggerName(Trigger trigger) {
    this.trigger = trigger;
  }

  public Trigger trigger() {
    return trigger;
  }

  @JsonValue
  String yamlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
