package com.backordergateway.server.config;

import com.backordergateway.api.v1.Audience;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Audience names as written in routes: {@code customer} or {@code staff}. */
public enum AudienceName {
  CUSTOMER(Audience.AUDIENCE_CUSTOMER),
  STAFF(Audience.AUDIENCE_STAFF);

  private final Audience audience;

  AudienceName(Audience audience) {
    this.audience = audience;
  }

  public Audience audience() {
    return audience;
  }

  @JsonValue
  String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
