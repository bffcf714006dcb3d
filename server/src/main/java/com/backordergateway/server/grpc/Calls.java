package com.backordergateway.server.grpc;

import com.backordergateway.server.errors.ErrorStatus;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/** Completes unary calls from futures or pooled work, with every error mapped in one place. */
final class Calls {

  private Calls() {}

  /** Answers from the future; a synchronous throw (validation) answers at once. */
  static <T> void async(StreamObserver<T> out, Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> future;
    try {
      future = call.get();
    } catch (RuntimeException e) {
      out.onError(ErrorStatus.toStatus(e));
      return;
    }
    future.whenComplete((value, error) -> {
      if (error != null) {
        out.onError(ErrorStatus.toStatus(error));
      } else {
        out.onNext(value);
        out.onCompleted();
      }
    });
  }

  /** Runs blocking work (database reads) off the transport threads. */
  static <T> void blocking(Executor pool, StreamObserver<T> out, Supplier<T> work) {
    try {
      pool.execute(() -> {
        T value;
        try {
          value = work.get();
        } catch (RuntimeException e) {
          out.onError(ErrorStatus.toStatus(e));
          return;
        }
        out.onNext(value);
        out.onCompleted();
      });
    } catch (RejectedExecutionException e) {
      out.onError(io.grpc.Status.RESOURCE_EXHAUSTED.withDescription("too many queries in flight").asRuntimeException());
    }
  }
}
