package com.backordergateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A gateway that answers UNAVAILABLE a few times, then serves: the client retries through it. */
class RetryServiceConfigTest {

  static final ReportInventoryLevelRequest REPORT =
      ReportInventoryLevelRequest.newBuilder().setSku("PAINT-RED").setOnHand(3).build();

  final AtomicInteger attempts = new AtomicInteger();
  Server server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void unavailableOnceIsRetriedOnAnInProcessChannel() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(failing(1, Status.UNAVAILABLE)).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name)
        .defaultServiceConfig(RetryServiceConfig.unavailable(RetryServiceConfig.DEFAULT_MAX_ATTEMPTS))
        .enableRetry()
        .build();

    try (BackorderClient client = BackorderClient.builder().channel(channel).build()) {
      assertThat(client.backorder().reportInventoryLevel(REPORT).getEventId()).isEqualTo("evt-2");
    }
    assertThat(attempts).hasValue(2);
  }

  @Test
  void theBuilderRetriesUnavailableOverTcp() throws Exception {
    server = NettyServerBuilder.forPort(0).addService(failing(2, Status.UNAVAILABLE)).build().start();

    try (BackorderClient client = BackorderClient.builder().target("localhost:" + server.getPort()).build()) {
      assertThat(client.backorder().reportInventoryLevel(REPORT).getEventId()).isEqualTo("evt-3");
    }
    assertThat(attempts).hasValue(3);
  }

  @Test
  void otherCodesAreNotRetried() throws Exception {
    server = NettyServerBuilder.forPort(0).addService(failing(1, Status.INVALID_ARGUMENT)).build().start();

    try (BackorderClient client = BackorderClient.builder().target("localhost:" + server.getPort()).build()) {
      assertThatThrownBy(() -> client.backorder().reportInventoryLevel(REPORT))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
    assertThat(attempts).hasValue(1);
  }

  @Test
  void oneAttemptMeansNoRetry() throws Exception {
    server = NettyServerBuilder.forPort(0).addService(failing(1, Status.UNAVAILABLE)).build().start();

    try (BackorderClient client = BackorderClient.builder()
        .target("localhost:" + server.getPort()).maxAttempts(1).build()) {
      assertThatThrownBy(() -> client.backorder().reportInventoryLevel(REPORT))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }
    assertThat(attempts).hasValue(1);
  }

  @Test
  void attemptsOutsideWhatGrpcAllowsAreRefused() {
    assertThatThrownBy(() -> RetryServiceConfig.unavailable(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackorderClient.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The backorder service, answering {@code failure} to the first {@code failures} calls. */
  private io.grpc.ServerServiceDefinition failing(int failures, Status failure) {
    ServerInterceptor failFirst = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (attempts.incrementAndGet() <= failures) {
          call.close(failure.withDescription("attempt " + attempts.get() + " refused"), new Metadata());
          return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
      }
    };
    BackorderServiceGrpc.BackorderServiceImplBase service = new BackorderServiceGrpc.BackorderServiceImplBase() {
      @Override
      public void reportInventoryLevel(ReportInventoryLevelRequest request, StreamObserver<IntakeResponse> out) {
        out.onNext(IntakeResponse.newBuilder().setEventId("evt-" + attempts.get()).build());
        out.onCompleted();
      }
    };
    return ServerInterceptors.intercept(service, failFirst);
  }
}
