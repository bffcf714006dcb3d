package com.backordergateway.server.http;

import com.backordergateway.server.tls.ServerTls;
import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import java.util.Optional;

/** The HTTP listener: operations endpoints, the REST shim and platform webhooks; HTTPS with TLS material. */
public final class HttpModule extends AbstractModule {

  private final Optional<ServerTls> tls;

  public HttpModule(Optional<ServerTls> tls) {
    this.tls = tls;
  }

  @Override
  protected void configure() {
    bind(new TypeLiteral<Optional<ServerTls>>() {}).toInstance(tls);
    bind(HttpListener.class);
  }
}
