package com.backordergateway.bench;

import com.backordergateway.api.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import com.backordergateway.api.v1.BackorderServiceGrpc.BackorderServiceStub;
import com.backordergateway.client.BackorderClient;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Several {@link BackorderClient}s to one loopback port, each on its own Netty channel (its own
 * HTTP/2 connection), so calls spread over more than one transport thread on both sides. Answers
 * run on the transport thread ({@code directExecutor()}), as the server's handlers do: the
 * generator adds no thread hand-off of its own. Caller {@code i} uses client {@code i % size}.
 */
final class ClientPool implements AutoCloseable {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final List<BackorderClient> clients = new ArrayList<>();
  private final BackorderServiceStub[] stubs;

  ClientPool(int port, int channels) {
    stubs = new BackorderServiceStub[channels];
    for (int i = 0; i < channels; i++) {
      BackorderClient client = BackorderClient.builder()
          .channel(NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().directExecutor().build())
          .token(GatewayYaml.TOKEN)
          .deadline(DEADLINE)
          .build();
      clients.add(client);
      stubs[i] = client.backorderAsync();
    }
  }

  BackorderServiceStub stub(int caller) {
    return stubs[caller % stubs.length];
  }

  /** Admin calls (connector status) on the first connection. */
  AdminServiceBlockingStub admin() {
    return clients.get(0).admin();
  }

  @Override
  public void close() {
    clients.forEach(BackorderClient::close);
  }
}
