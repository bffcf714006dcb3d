package com.backordergateway.server.intake;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;

/** Trigger rules, the intake pipeline and the supplier delay monitor. */
public final class IntakeModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(IntakeService.class);
    bind(SupplierDelayMonitor.class);
  }

  @Provides
  @Singleton
  Ids ids(Clock clock) {
    return new Ids(clock);
  }
}
