package com.backordergateway.server.testing;

import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.api.v1.WatchEventsResponse;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;

/** WatchEvents streams as tests read them. */
public final class WatchStreams {

  private WatchStreams() {}

  /** An observer adding every response to {@code into} (a thread-safe list: responses arrive on gRPC's threads). */
  public static ClientResponseObserver<WatchEventsRequest, WatchEventsResponse> collector(List<WatchEventsResponse> into) {
    return new ClientResponseObserver<>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<WatchEventsRequest> call) {}

      @Override
      public void onNext(WatchEventsResponse value) {
        into.add(value);
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    };
  }
}
