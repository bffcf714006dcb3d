package com.backordergateway.server.grpc;

import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static com.backordergateway.server.testing.StatusCodes.code;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import org.junit.jupiter.api.Test;

class AuthTest extends GatewayTest {


  @Test
  void noTokenIsUnauthenticated() {
    var anonymous = BackorderServiceGrpc.newBlockingStub(gateway.channel());
    assertThat(code(() -> anonymous.reportInventoryLevel(sale("PAINT-RED", 0, "A-1")))).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(code(() -> anonymous.listEvents(ListEventsRequest.getDefaultInstance()))).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void anUnknownTokenIsUnauthenticatedAndItsTextIsNotEchoed() {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
        () -> gateway.backorder("not-a-real-token-zzzz").listEvents(ListEventsRequest.getDefaultInstance()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(e.getStatus().getDescription()).doesNotContain("not-a-real-token-zzzz");
  }

  @Test
  void aTokenWithoutTheScopeIsPermissionDenied() {
    String reader = TestGateway.READ_ONLY_TOKEN;
    assertThat(code(() -> gateway.backorder(reader).reportInventoryLevel(sale("PAINT-RED", 0, "A-1"))))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(code(() -> gateway.admin(reader).listConnectors(ListConnectorsRequest.getDefaultInstance())))
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(gateway.backorder(reader).listEvents(ListEventsRequest.getDefaultInstance()).getEventsList())
        .as("read scope may read, and the denied write changed nothing").isEmpty();
  }

  @Test
  void healthNeedsNoToken() {
    HealthCheckResponse health = HealthGrpc.newBlockingStub(gateway.channel()).check(HealthCheckRequest.getDefaultInstance());
    assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    HealthCheckResponse connector = HealthGrpc.newBlockingStub(gateway.channel())
        .check(HealthCheckRequest.newBuilder().setService("connector/email").build());
    assertThat(connector.getStatus()).as("no plugin loaded for it").isEqualTo(HealthCheckResponse.ServingStatus.NOT_SERVING);
  }
}
