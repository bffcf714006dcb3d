package com.backordergateway.server.intake;

import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.TestGateway;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class IdempotencyTest extends GatewayTest {


  int eventCount() {
    return gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsCount();
  }

  int deliveryCount() {
    return gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listDeliveries(ListDeliveriesRequest.getDefaultInstance()).getDeliveriesCount();
  }

  @Test
  void theSameKeyReturnsTheOriginalAnswerAndWritesNothing() {
    ReportInventoryLevelRequest request = sale("INK-BLACK", 0, "A-1").toBuilder().setIdempotencyKey("pos-77").build();
    IntakeResponse original = gateway.backorder().reportInventoryLevel(request);

    IntakeResponse replay = gateway.backorder().reportInventoryLevel(request);

    assertThat(replay.getDuplicate()).isTrue();
    assertThat(replay.toBuilder().setDuplicate(false).build()).isEqualTo(original);
    assertThat(eventCount()).isEqualTo(1);
    assertThat(deliveryCount()).isEqualTo(3);
  }

  @Test
  void theSameKeyAfterARestartStillReplays() {
    ReportInventoryLevelRequest request = sale("INK-BLACK", 0, "A-1").toBuilder().setIdempotencyKey("pos-78").build();
    IntakeResponse original = gateway.backorder().reportInventoryLevel(request);
    restartGateway();

    IntakeResponse replay = gateway.backorder().reportInventoryLevel(request);

    assertThat(replay.getDuplicate()).isTrue();
    assertThat(replay.getEventId()).isEqualTo(original.getEventId());
    assertThat(eventCount()).isEqualTo(1);
  }

  @Test
  void theSameKeyWithADifferentRequestIsRefusedAndWritesNothing() {
    gateway.backorder().reportInventoryLevel(sale("INK-BLACK", 0, "A-1").toBuilder().setIdempotencyKey("pos-79").build());

    assertThatThrownBy(() -> gateway.backorder().reportInventoryLevel(
            sale("INK-BLACK", 0, "A-2").toBuilder().setIdempotencyKey("pos-79").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          BadRequest details = ValidationTest.badRequest(e);
          assertThat(details.getFieldViolations(0).getField()).isEqualTo("idempotency_key");
          assertThat(details.getFieldViolations(0).getDescription()).contains("different request");
        });
    assertThat(eventCount()).isEqualTo(1);
    assertThat(deliveryCount()).isEqualTo(3);
  }

  @Test
  void keysAreScopedPerMethod() {
    gateway.backorder().reportInventoryLevel(sale("INK-BLACK", 5, "A-1").toBuilder().setIdempotencyKey("k-1").build());

    IntakeResponse other = gateway.backorder().markUnavailable(MarkUnavailableRequest.newBuilder()
        .setSku("INK-BLACK").setReason("recall").setActor("qa").setIdempotencyKey("k-1").build());

    assertThat(other.getDuplicate()).isFalse();
    assertThat(other.getTriggered()).isTrue();
    assertThat(eventCount()).isEqualTo(2);
  }
}
