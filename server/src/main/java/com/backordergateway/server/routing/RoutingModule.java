package com.backordergateway.server.routing;

import com.backordergateway.server.config.GatewayConfig;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** Routes from the config, compiled once. */
public final class RoutingModule extends AbstractModule {
  @Provides
  @Singleton
  RoutePlanner routePlanner(GatewayConfig config) {
    return new RoutePlanner(config.routes());
  }
}
