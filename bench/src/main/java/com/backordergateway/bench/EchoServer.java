package com.backordergateway.bench;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.CaseChange;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.Trigger;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling intake is compared against (DESIGN §12): a bare grpc-java server on Netty whose
 * {@code ReportInventoryLevel} answers one fixed {@link IntakeResponse} at once, on the
 * transport thread ({@code directExecutor()}, nothing blocks). No auth, no validation, no store:
 * what is left is the RPC itself.
 */
public final class EchoServer implements AutoCloseable {

  static final IntakeResponse ANSWER =
      IntakeResponse.newBuilder()
          .setEventId("evt-echo-0000000001")
          .addCaseIds("case-echo-0000000001")
          .setTriggered(true)
          .setTrigger(Trigger.TRIGGER_STOCK_DEPLETED)
          .setReason("sold out (0 on hand): case case-echo-0000000001 opened, staff alerted")
          .setCaseChange(CaseChange.CASE_CHANGE_OPENED)
          .build();

  private final Server server;

  private EchoServer(Server server) {
    this.server = server;
  }

  /** Listens on a free loopback port. */
  public static EchoServer start() {
    try {
      Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
          .directExecutor()
          .addService(new Echo())
          .build()
          .start();
      return new EchoServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the echo server", e);
    }
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static final class Echo extends BackorderServiceGrpc.BackorderServiceImplBase {
    @Override
    public void reportInventoryLevel(ReportInventoryLevelRequest request, StreamObserver<IntakeResponse> answer) {
      answer.onNext(ANSWER);
      answer.onCompleted();
    }
  }
}
