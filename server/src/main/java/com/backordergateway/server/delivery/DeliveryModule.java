package com.backordergateway.server.delivery;

import com.google.inject.AbstractModule;

/** The outbox dispatcher. */
public final class DeliveryModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(DeliveryDispatcher.class);
  }
}
