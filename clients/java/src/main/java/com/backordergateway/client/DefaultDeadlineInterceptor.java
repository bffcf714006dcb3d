package com.backordergateway.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives every unary call that has no deadline of its own a default one.
 *
 * <p>gRPC calls have no deadline unless the caller sets one, so a stalled gateway would block a
 * caller forever. A deadline set explicitly on the stub ({@code withDeadlineAfter}) is kept as
 * it is. Streaming calls are left alone: {@code WatchEvents} is meant to stay open for as long as
 * the caller listens, and a fixed deadline would cut it off.
 */
final class DefaultDeadlineInterceptor implements ClientInterceptor {

  private final long deadlineNanos;

  /** {@code deadline} must be positive and fit in a {@code long} of nanoseconds. */
  DefaultDeadlineInterceptor(Duration deadline) {
    this.deadlineNanos = deadline.toNanos();
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
      MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
    if (method.getType() == MethodDescriptor.MethodType.UNARY
        && callOptions.getDeadline() == null) {
      callOptions = callOptions.withDeadlineAfter(deadlineNanos, TimeUnit.NANOSECONDS);
    }
    return next.newCall(method, callOptions);
  }

  @Override
  public String toString() {
    return "DefaultDeadlineInterceptor{deadline=" + Duration.ofNanos(deadlineNanos) + "}";
  }
}
