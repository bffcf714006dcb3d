package com.backordergateway.server.intake;

import static com.backordergateway.server.intake.StockDepletedTest.summary;
import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.api.v1.CaseChange;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.GetCaseRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.Resolution;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolutionTest extends GatewayTest {


  @Test
  void resolvingCancelsUnsentNoticesAndTellsThoseAlreadyTold() {
    IntakeResponse first = gateway.backorder().reportInventoryLevel(sale("GLUE-GUN", 0, "A-1"));
    gateway.markSent(first.getPlannedDeliveriesList());
    IntakeResponse second = gateway.backorder().reportInventoryLevel(sale("GLUE-GUN", -1, "A-2"));
    String caseId = first.getCaseIds(0);

    IntakeResponse resolved = gateway.backorder().resolveBackorder(ResolveBackorderRequest.newBuilder()
        .setSku("GLUE-GUN").setResolution(Resolution.RESOLUTION_RESTOCKED).setMessage("back on the shelf").build());

    assertThat(resolved.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_RESTOCKED);
    assertThat(resolved.getCaseIdsList()).containsExactly(caseId);
    assertThat(summary(resolved.getPlannedDeliveriesList()))
        .as("A-1 and staff were told; A-2's notices had not gone out")
        .containsExactlyInAnyOrder("slack RESOLUTION ", "email RESOLUTION A-1", "sms RESOLUTION A-1");
    List<Delivery> secondNotices = gateway.admin(TestGateway.ALL_SCOPES_TOKEN)
        .listDeliveries(ListDeliveriesRequest.newBuilder().setCaseId(caseId)
            .setStatus(DeliveryStatus.DELIVERY_STATUS_CANCELLED).build())
        .getDeliveriesList();
    assertThat(secondNotices).extracting(Delivery::getId)
        .containsExactlyInAnyOrderElementsOf(second.getPlannedDeliveriesList().stream().map(Delivery::getId).toList());
    var c = gateway.backorder().getCase(GetCaseRequest.newBuilder().setCaseId(caseId).build());
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_RESTOCKED);
    assertThat(c.getResolutionMessage()).isEqualTo("back on the shelf");
    assertThat(c.hasResolvedAt()).isTrue();
  }

  @Test
  void cancellingByCaseIdWorksAndASecondResolveIsRefused() {
    IntakeResponse opened = gateway.backorder().reportInventoryLevel(sale("GLUE-GUN", 0, "A-1"));
    ResolveBackorderRequest cancel = ResolveBackorderRequest.newBuilder()
        .setCaseId(opened.getCaseIds(0)).setResolution(Resolution.RESOLUTION_CANCELLED).build();

    IntakeResponse cancelled = gateway.backorder().resolveBackorder(cancel);
    assertThat(cancelled.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_CANCELLED);

    assertThatThrownBy(() -> gateway.backorder().resolveBackorder(cancel))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
  }

  @Test
  void unknownCasesAndSkusWithoutAnOpenCaseAreNotFound() {
    for (ResolveBackorderRequest r : List.of(
        ResolveBackorderRequest.newBuilder().setCaseId("case_nope").setResolution(Resolution.RESOLUTION_RESTOCKED).build(),
        ResolveBackorderRequest.newBuilder().setSku("NEVER-SOLD").setResolution(Resolution.RESOLUTION_RESTOCKED).build())) {
      assertThatThrownBy(() -> gateway.backorder().resolveBackorder(r))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }
  }
}
