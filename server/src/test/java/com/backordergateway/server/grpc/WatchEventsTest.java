package com.backordergateway.server.grpc;

import static com.backordergateway.server.testing.Requests.level;
import static com.backordergateway.server.testing.WatchStreams.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.api.v1.WatchEventsResponse;
import com.backordergateway.server.testing.GatewayTest;
import io.grpc.Context;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchEventsTest extends GatewayTest {


  IntakeResponse report(String sku) {
    return gateway.backorder().reportInventoryLevel(level(sku, 4, InventoryCause.INVENTORY_CAUSE_COUNT));
  }

  @Test
  void streamsNewEventsAndResumesAfterACursor() throws Exception {
    report("OLD-1");
    List<WatchEventsResponse> received = new CopyOnWriteArrayList<>();
    try (Context.CancellableContext watch = Context.current().withCancellation()) {
      watch.run(() -> gateway.backorderAsync().watchEvents(WatchEventsRequest.getDefaultInstance(), collector(received)));
      await().atMost(Duration.ofSeconds(10)).until(() -> gateway.get(EventFeed.class).subscriberCount() == 1);

      IntakeResponse a = report("NEW-1");
      IntakeResponse b = report("NEW-2");

      await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
      assertThat(received).extracting(r -> r.getEvent().getId()).containsExactly(a.getEventId(), b.getEventId());
      watch.cancel(null);
    }

    // A client that lost its stream resumes after the last cursor it saw.
    String cursor = received.get(0).getCursor();
    report("NEW-3");
    Iterator<WatchEventsResponse> resumed = gateway.backorder().withDeadlineAfter(10, TimeUnit.SECONDS)
        .watchEvents(WatchEventsRequest.newBuilder().setAfterCursor(cursor).build());
    assertThat(resumed.next().getEvent().getSkus(0)).isEqualTo("NEW-2");
    assertThat(resumed.next().getEvent().getSkus(0)).isEqualTo("NEW-3");
  }

  @Test
  void filtersBySku() {
    List<WatchEventsResponse> received = new CopyOnWriteArrayList<>();
    try (Context.CancellableContext watch = Context.current().withCancellation()) {
      watch.run(() -> gateway.backorderAsync().watchEvents(
          WatchEventsRequest.newBuilder().setSku("KEEP").build(), collector(received)));
      await().atMost(Duration.ofSeconds(10)).until(() -> gateway.get(EventFeed.class).subscriberCount() == 1);
      report("SKIP");
      report("KEEP");
      report("SKIP");
      await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
      report("KEEP");
      await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
      assertThat(received).allMatch(r -> r.getEvent().getSkus(0).equals("KEEP"));
      watch.cancel(null);
    }
  }

  @Test
  void aSubscriberThatReadsNothingDoesNotHoldUpIntake() {
    List<ClientCallStreamObserver<?>> calls = new ArrayList<>();
    try (Context.CancellableContext watch = Context.current().withCancellation()) {
      watch.run(() -> gateway.backorderAsync().watchEvents(WatchEventsRequest.getDefaultInstance(),
          new ClientResponseObserver<WatchEventsRequest, WatchEventsResponse>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<WatchEventsRequest> call) {
              call.disableAutoRequestWithInitial(0); // never asks for a message
              calls.add(call);
            }

            @Override
            public void onNext(WatchEventsResponse value) {}

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
          }));
      await().atMost(Duration.ofSeconds(10)).until(() -> gateway.get(EventFeed.class).subscriberCount() == 1);

      for (int i = 0; i < 300; i++) {
        report("BUSY-" + i);
      }
      watch.cancel(null);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.get(EventFeed.class).subscriberCount() == 0);
  }
}
