package com.backordergateway.client;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.GetEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.api.v1.WatchEventsResponse;
import io.grpc.stub.StreamObserver;

/** Answers a few RPCs with fixed data; enough to drive the client's stubs. */
final class FakeBackorderService extends BackorderServiceGrpc.BackorderServiceImplBase {

  @Override
  public void getEvent(GetEventRequest request, StreamObserver<Event> responses) {
    responses.onNext(Event.newBuilder().setId(request.getEventId()).build());
    responses.onCompleted();
  }

  @Override
  public void reportInventoryLevel(
      ReportInventoryLevelRequest request, StreamObserver<IntakeResponse> responses) {
    responses.onNext(IntakeResponse.newBuilder().setEventId("evt-1").build());
    responses.onCompleted();
  }

  /** Streams two events, then ends the stream. */
  @Override
  public void watchEvents(
      WatchEventsRequest request, StreamObserver<WatchEventsResponse> responses) {
    for (int i = 1; i <= 2; i++) {
      responses.onNext(WatchEventsResponse.newBuilder()
          .setCursor("c" + i)
          .setEvent(Event.newBuilder().setId("evt-" + i))
          .build());
    }
    responses.onCompleted();
  }
}
