package com.backordergateway.client;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.BackorderServiceGrpc;
import java.util.List;
import java.util.Map;

/**
 * The gRPC service config that retries calls answered {@code UNAVAILABLE}.
 *
 * <p>{@code UNAVAILABLE} means the call did not reach a gateway that could take it: the
 * connection failed or dropped, or the gateway is starting or draining. The gateway answers it
 * before it commits anything, so a retry is safe; an intake call that sets an {@code
 * idempotency_key} is safe to repeat under any status. Other codes are never retried. gRPC spaces
 * the attempts with jittered exponential backoff (0.2 s, doubling, at most 2 s) and keeps them
 * within the call's deadline.
 *
 * <p>{@link BackorderClientBuilder} applies it to the channels it makes. To retry on a channel of
 * your own, give it to the channel builder:
 *
 * <pre>{@code
 * ManagedChannelBuilder.forTarget(target)
 *     .defaultServiceConfig(RetryServiceConfig.unavailable(4))
 *     .enableRetry();
 * }</pre>
 */
public final class RetryServiceConfig {

  /** Attempts per call, the first included, unless the builder says otherwise. */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  private RetryServiceConfig() {}

  /**
   * A service config for both {@code backorder.v1} services that retries {@code UNAVAILABLE}.
   *
   * @param maxAttempts attempts per call including the first, 2 to 5 (gRPC caps it at 5)
   */
  public static Map<String, ?> unavailable(int maxAttempts) {
    if (maxAttempts < 2 || maxAttempts > 5) {
      throw new IllegalArgumentException("maxAttempts must be 2 to 5, was: " + maxAttempts);
    }
    // The map mirrors the JSON form of grpc.service_config.ServiceConfig: numbers are doubles,
    // durations are strings in seconds.
    Map<String, Object> retryPolicy = Map.of(
        "maxAttempts", (double) maxAttempts,
        "initialBackoff", "0.2s",
        "maxBackoff", "2s",
        "backoffMultiplier", 2.0,
        "retryableStatusCodes", List.of("UNAVAILABLE"));
    Map<String, Object> methodConfig = Map.of(
        "name", List.of(
            Map.of("service", BackorderServiceGrpc.SERVICE_NAME),
            Map.of("service", AdminServiceGrpc.SERVICE_NAME)),
        "retryPolicy", retryPolicy);
    return Map.of("methodConfig", List.of(methodConfig));
  }
}
