package com.backordergateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.GetEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.api.v1.WatchEventsResponse;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against an in-process gateway: token header, default deadline, shutdown. */
class BackorderClientTest {

  private static final String TOKEN = "s3cret-T0ken.value";
  private static final GetEventRequest GET_EVENT =
      GetEventRequest.newBuilder().setEventId("evt-42").build();

  private InProcessGateway gateway;
  private BackorderClient client;

  @BeforeEach
  void startGateway() throws Exception {
    gateway = new InProcessGateway();
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    gateway.close();
  }

  @Test
  void sendsBearerTokenWhenSet() {
    client = clientWith(builder().token(TOKEN));

    assertThat(client.backorder().getEvent(GET_EVENT).getId()).isEqualTo("evt-42");

    assertThat(gateway.recorder().onlyCall().authorization()).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void sendsNoAuthorizationHeaderWithoutToken() {
    client = clientWith(builder());

    client.backorder().getEvent(GET_EVENT);

    assertThat(gateway.recorder().onlyCall().authorization()).isNull();
  }

  @Test
  void sendsTokenFromAdminStub() {
    client = clientWith(builder().token(TOKEN));

    client.admin().listConnectors(ListConnectorsRequest.getDefaultInstance());

    CallRecorder.RecordedCall call = gateway.recorder().onlyCall();
    assertThat(call.method()).isEqualTo("ListConnectors");
    assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(call.deadline()).isNotNull();
  }

  @Test
  void sendsTokenAndDeadlineFromAsyncStub() throws Exception {
    client = clientWith(builder().token(TOKEN));
    CompletableFuture<IntakeResponse> answer = new CompletableFuture<>();

    client.backorderAsync().reportInventoryLevel(
        ReportInventoryLevelRequest.newBuilder().setSku("SKU-1").build(), observer(answer));

    assertThat(answer.get(5, TimeUnit.SECONDS).getEventId()).isEqualTo("evt-1");
    CallRecorder.RecordedCall call = gateway.recorder().onlyCall();
    assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(call.millisLeft()).isBetween(5_000L, 10_000L);
  }

  @Test
  void appliesDefaultDeadlineOfTenSecondsToUnaryCalls() {
    client = clientWith(builder());

    client.backorder().getEvent(GET_EVENT);

    assertThat(gateway.recorder().onlyCall().millisLeft()).isBetween(5_000L, 10_000L);
  }

  @Test
  void appliesConfiguredDeadlineToUnaryCalls() {
    client = clientWith(builder().deadline(Duration.ofMillis(2_500)));

    client.backorder().getEvent(GET_EVENT);

    assertThat(gateway.recorder().onlyCall().millisLeft()).isBetween(1_000L, 2_500L);
  }

  @Test
  void keepsDeadlineSetOnTheStub() {
    client = clientWith(builder());

    client.backorder().withDeadlineAfter(60, TimeUnit.SECONDS).getEvent(GET_EVENT);

    assertThat(gateway.recorder().onlyCall().millisLeft()).isBetween(50_000L, 60_000L);
  }

  @Test
  void addsNoDeadlineToWatchEvents() {
    client = clientWith(builder().token(TOKEN));

    List<String> cursors = new ArrayList<>();
    client.backorder().watchEvents(WatchEventsRequest.getDefaultInstance())
        .forEachRemaining(response -> cursors.add(response.getCursor()));

    assertThat(cursors).containsExactly("c1", "c2");
    CallRecorder.RecordedCall call = gateway.recorder().onlyCall();
    assertThat(call.method()).isEqualTo("WatchEvents");
    assertThat(call.deadline()).isNull();
    assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void addsNoDeadlineToWatchEventsFromAsyncStub() throws Exception {
    client = clientWith(builder());
    CompletableFuture<WatchEventsResponse> last = new CompletableFuture<>();

    client.backorderAsync().watchEvents(WatchEventsRequest.getDefaultInstance(), observer(last));

    assertThat(last.get(5, TimeUnit.SECONDS).getCursor()).isEqualTo("c2");
    assertThat(gateway.recorder().onlyCall().deadline()).isNull();
  }

  @Test
  void closeShutsDownTheChannel() {
    ManagedChannel channel = gateway.newChannel();
    BackorderClient closed = builder().channel(channel).build();

    closed.close();

    assertThat(channel.isShutdown()).isTrue();
    assertThat(channel.isTerminated()).isTrue();
    assertThat(closed.channel()).isSameAs(channel);
  }

  @Test
  void toStringNamesSettingsButNotTheToken() {
    client = clientWith(builder().token(TOKEN));

    assertThat(client.toString())
        .contains("token=set", "deadline=PT10S")
        .doesNotContain(TOKEN);
  }

  private BackorderClientBuilder builder() {
    return BackorderClient.builder();
  }

  private BackorderClient clientWith(BackorderClientBuilder builder) {
    return builder.channel(gateway.newChannel()).build();
  }

  /** Completes {@code result} with the last response once the call ends. */
  private static <T> StreamObserver<T> observer(CompletableFuture<T> result) {
    return new StreamObserver<>() {
      private T last;

      @Override
      public void onNext(T value) {
        last = value;
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        result.complete(last);
      }
    };
  }
}
