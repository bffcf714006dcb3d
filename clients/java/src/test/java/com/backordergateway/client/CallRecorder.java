package com.backordergateway.client;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Records what the server saw of each call: method, {@code authorization} header, deadline. */
final class CallRecorder implements ServerInterceptor {

  /** One call as the server received it; {@code deadline} is {@code null} if it had none. */
  record RecordedCall(String method, String authorization, Deadline deadline) {

    /** Milliseconds left on the deadline when the call arrived. */
    long millisLeft() {
      return deadline.timeRemaining(TimeUnit.MILLISECONDS);
    }
  }

  private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    // Runs in the call's context, which carries the deadline the client sent.
    calls.add(new RecordedCall(
        call.getMethodDescriptor().getBareMethodName(),
        headers.get(BearerTokenCredentials.AUTHORIZATION),
        Context.current().getDeadline()));
    return next.startCall(call, headers);
  }

  /** The only call received so far; fails if there were none or several. */
  RecordedCall onlyCall() {
    if (calls.size() != 1) {
      throw new AssertionError("expected exactly one call, got " + calls);
    }
    return calls.get(0);
  }
}
