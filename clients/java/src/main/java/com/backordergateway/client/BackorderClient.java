package com.backordergateway.client;

import static java.util.Objects.requireNonNull;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.BackorderServiceGrpc.BackorderServiceBlockingStub;
import com.backordergateway.api.v1.BackorderServiceGrpc.BackorderServiceStub;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A connection to one Backorder Gateway, with stubs for its {@code BackorderService} and
 * {@code AdminService}.
 *
 * <p>Build one with {@link #builder()}, share it (it and its stubs are thread-safe) and
 * {@linkplain #close() close} it when done. The stubs returned here send the configured bearer
 * token and give unary calls a default deadline (10 s unless {@linkplain
 * BackorderClientBuilder#deadline(java.time.Duration) set}); a deadline set on a stub with
 * {@code withDeadlineAfter} is kept, and the server stream {@code WatchEvents} gets none.
 *
 * <p>{@link #channel()} is the raw channel: stubs made on it directly get neither the token nor
 * the default deadline.
 */
public final class BackorderClient implements AutoCloseable {

  /** The deadline given to unary calls that set none, unless the builder says otherwise. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

  /** How long {@link #close()} lets in-flight calls finish before cancelling them. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

  private final ManagedChannel channel;
  private final String description;
  private final BackorderServiceBlockingStub backorder;
  private final BackorderServiceStub backorderAsync;
  private final AdminServiceBlockingStub admin;

  /**
   * Called by the builder.
   *
   * @param credentials the bearer token's credentials, or {@code null} to send no token
   */
  BackorderClient(
      ManagedChannel channel, String description, CallCredentials credentials, Duration deadline) {
    this.channel = requireNonNull(channel, "channel is null");
    this.description = requireNonNull(description, "description is null");
    Channel calls = ClientInterceptors.intercept(channel, new DefaultDeadlineInterceptor(deadline));
    this.backorder = withCredentials(BackorderServiceGrpc.newBlockingStub(calls), credentials);
    this.backorderAsync = withCredentials(BackorderServiceGrpc.newStub(calls), credentials);
    this.admin = withCredentials(AdminServiceGrpc.newBlockingStub(calls), credentials);
  }

  /** Starts configuring a client; {@link BackorderClientBuilder#target(String)} is required. */
  public static BackorderClientBuilder builder() {
    return new BackorderClientBuilder();
  }

  /** Blocking stub for intake and queries: needs the {@code intake} or {@code read} scope. */
  public BackorderServiceBlockingStub backorder() {
    return backorder;
  }

  /** Asynchronous stub for the same service; use it for {@code WatchEvents} with an observer. */
  public BackorderServiceStub backorderAsync() {
    return backorderAsync;
  }

  /** Blocking stub for connector, plugin and delivery operations: needs the {@code admin} scope. */
  public AdminServiceBlockingStub admin() {
    return admin;
  }

  /** The underlying channel, without the token or the default deadline. */
  public ManagedChannel channel() {
    return channel;
  }

  /**
   * Shuts the channel down: lets in-flight calls finish for up to 5 seconds, then cancels what is
   * left. The channel is shut down also when it was passed in with {@link
   * BackorderClientBuilder#channel(ManagedChannel)}.
   */
  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Target, transport and whether a token is set; never the token itself. */
  @Override
  public String toString() {
    return "BackorderClient{" + description + "}";
  }

  private static <S extends AbstractStub<S>> S withCredentials(S stub, CallCredentials creds) {
    return creds == null ? stub : stub.withCallCredentials(creds);
  }
}
