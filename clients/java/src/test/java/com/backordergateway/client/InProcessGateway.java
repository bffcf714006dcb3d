package com.backordergateway.client;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** An in-process server running the fake services behind a {@link CallRecorder}. */
final class InProcessGateway implements AutoCloseable {

  private final String name = InProcessServerBuilder.generateName();
  private final CallRecorder recorder = new CallRecorder();
  private final Server server;

  InProcessGateway() throws IOException {
    server = InProcessServerBuilder.forName(name)
        .directExecutor()
        .addService(ServerInterceptors.intercept(new FakeBackorderService(), recorder))
        .addService(ServerInterceptors.intercept(new FakeAdminService(), recorder))
        .build()
        .start();
  }

  /** A new channel to this server; the caller owns it. */
  ManagedChannel newChannel() {
    return InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  CallRecorder recorder() {
    return recorder;
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdown();
    if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
      server.shutdownNow();
    }
  }
}
