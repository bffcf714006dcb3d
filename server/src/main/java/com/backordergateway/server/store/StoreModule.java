package com.backordergateway.server.store;

import com.backordergateway.server.config.GatewayConfig;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** The database, its group-commit writer, and the outbox wake-up signal. */
public final class StoreModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(DeliveryWakeups.class);
    bind(StoreWriteHealth.class).in(Singleton.class);
    bind(ChangeNotifications.class).asEagerSingleton();
  }

  @Provides
  @Singleton
  Database database(GatewayConfig config) {
    return Database.open(config.storage());
  }

  @Provides
  @Singleton
  GroupCommitWriter writer(Database database, StoreWriteHealth health) {
    return new GroupCommitWriter(database, health);
  }
}
