package com.backordergateway.server.cluster;

import com.google.inject.AbstractModule;

/** Replicas sharing one store: who is live, who runs each periodic job, and retention. */
public final class ClusterModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(ReplicaRegistry.class);
    bind(JobLeases.class);
    bind(RetentionJob.class);
  }
}
