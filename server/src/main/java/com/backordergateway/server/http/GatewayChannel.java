package com.backordergateway.server.http;

import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.grpc.GrpcServer;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * The channel the REST shim calls gRPC through: in-process to this gateway, or to
 * {@code shim.grpc-target} when the shim fronts another one.
 */
@Singleton
final class GatewayChannel implements AutoCloseable {

  private final ManagedChannel channel;

  @Inject
  GatewayChannel(GatewayConfig config, GrpcServer grpc) {
    String target = config.shim().grpcTarget();
    this.channel = target == null || target.isBlank()
        ? InProcessChannelBuilder.forName(grpc.inProcessName()).directExecutor().build()
        : NettyChannelBuilder.forTarget(target).usePlaintext().build();
  }

  ManagedChannel channel() {
    return channel;
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
