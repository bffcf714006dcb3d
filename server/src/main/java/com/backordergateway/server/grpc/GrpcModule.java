package com.backordergateway.server.grpc;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** gRPC services, auth, and the pool that runs database reads off the transport threads. */
public final class GrpcModule extends AbstractModule {

  // Reads block on JDBC; a small bounded pool keeps them off Netty's threads, and its bounded
  // queue turns overload into RESOURCE_EXHAUSTED instead of unbounded memory.
  private static final int QUERY_THREADS = 4;
  private static final int QUERY_QUEUE = 1_000;

  @Override
  protected void configure() {
    bind(GrpcServer.class);
  }

  @Provides
  @Singleton
  @Named("queries")
  ExecutorService queryPool() {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        QUERY_THREADS, QUERY_THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUERY_QUEUE),
        r -> {
          Thread t = new Thread(r, "query-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  @Provides
  @Named("queries")
  Executor queryExecutor(@Named("queries") ExecutorService pool) {
    return pool;
  }
}
