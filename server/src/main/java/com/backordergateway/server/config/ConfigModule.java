package com.backordergateway.server.config;

import com.google.inject.AbstractModule;
import java.time.Clock;

/** The loaded configuration and the clock everything reads time from (tests pass their own). */
public final class ConfigModule extends AbstractModule {

  private final GatewayConfig config;
  private final Clock clock;

  public ConfigModule(GatewayConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  protected void configure() {
    bind(GatewayConfig.class).toInstance(config);
    bind(Clock.class).toInstance(clock);
  }
}
