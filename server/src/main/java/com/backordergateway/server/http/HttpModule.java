package com.backordergateway.server.http;

import com.google.inject.AbstractModule;

/** The HTTP listener: operations endpoints (the REST shim and webhooks join it). */
public final class HttpModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(OpsEndpoints.class);
  }
}
