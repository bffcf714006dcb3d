package com.backordergateway.server.http;

import com.google.inject.AbstractModule;

/** The HTTP listener: operations endpoints, the REST shim and platform webhooks. */
public final class HttpModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(HttpListener.class);
  }
}
