package com.backordergateway.server.intake;

import static com.backordergateway.server.testing.Requests.level;
import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseChange;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.GetCaseRequest;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.Purpose;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.TestGateway;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockDepletedTest extends GatewayTest {


  @Test
  void saleToZeroOpensCaseAlertsStaffOnceAndNotifiesTheCustomer() {
    IntakeResponse first = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));

    assertThat(first.getTriggered()).isTrue();
    assertThat(first.getTrigger()).isEqualTo(Trigger.TRIGGER_STOCK_DEPLETED);
    assertThat(first.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_OPENED);
    assertThat(first.getCaseIdsList()).hasSize(1);
    assertThat(summary(first.getPlannedDeliveriesList()))
        .containsExactlyInAnyOrder("slack STAFF_ALERT ", "email CUSTOMER_NOTICE A-1", "sms CUSTOMER_NOTICE A-1");

    IntakeResponse second = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", -1, "A-2"));

    assertThat(second.getTriggered()).isTrue();
    assertThat(second.getCaseIdsList()).isEqualTo(first.getCaseIdsList());
    assertThat(second.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_UPDATED);
    assertThat(summary(second.getPlannedDeliveriesList()))
        .as("staff are alerted once per open case; the new customer is notified")
        .containsExactlyInAnyOrder("email CUSTOMER_NOTICE A-2", "sms CUSTOMER_NOTICE A-2");

    BackorderCase c = gateway.backorder().getCase(GetCaseRequest.newBuilder().setCaseId(first.getCaseIds(0)).build());
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_OPEN);
    assertThat(c.getOpenedBy()).isEqualTo(Trigger.TRIGGER_STOCK_DEPLETED);
    assertThat(c.getOrdersList()).extracting(o -> o.getOrderId()).containsExactly("A-1", "A-2");
  }

  @Test
  void theSameOrderIsNotifiedOnlyOnce() {
    gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));

    IntakeResponse again = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", -2, "A-1"));

    assertThat(again.getTriggered()).isFalse();
    assertThat(again.getReason()).contains("order A-1 is already on open case");
    assertThat(again.getPlannedDeliveriesList()).isEmpty();
  }

  @Test
  void aSaleThatLeavesStockDoesNotTrigger() {
    IntakeResponse response = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 3, "A-1"));

    assertThat(response.getTriggered()).isFalse();
    assertThat(response.getReason()).contains("3 still on hand");
    assertThat(response.getCaseIdsList()).isEmpty();
    assertThat(response.getPlannedDeliveriesList()).isEmpty();
  }

  @Test
  void aCountOrAdjustmentToZeroDoesNotOpenACase() {
    for (InventoryCause cause : List.of(InventoryCause.INVENTORY_CAUSE_COUNT, InventoryCause.INVENTORY_CAUSE_ADJUSTMENT)) {
      IntakeResponse response = gateway.backorder().reportInventoryLevel(level("BRUSH-8", 0, cause));
      assertThat(response.getTriggered()).isFalse();
      assertThat(response.getReason()).contains("only a SALE");
      assertThat(response.getCaseIdsList()).isEmpty();
    }
  }

  @Test
  void aSaleWithoutAnOrderOpensTheCaseForStaffOnly() {
    IntakeResponse response = gateway.backorder().reportInventoryLevel(
        ReportInventoryLevelRequest.newBuilder()
            .setSku("CANVAS-A3").setOnHand(0).setCause(InventoryCause.INVENTORY_CAUSE_SALE).build());

    assertThat(response.getTriggered()).isTrue();
    assertThat(summary(response.getPlannedDeliveriesList())).containsExactly("slack STAFF_ALERT ");
  }

  @Test
  void aPositiveLevelResolvesTheCaseAndCancelsUnsentNotices() {
    IntakeResponse opened = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));
    String caseId = opened.getCaseIds(0);

    IntakeResponse restock = gateway.backorder().reportInventoryLevel(level("PAINT-RED", 24, InventoryCause.INVENTORY_CAUSE_RECEIPT));

    assertThat(restock.getTriggered()).isFalse();
    assertThat(restock.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_RESTOCKED);
    assertThat(restock.getCaseIdsList()).containsExactly(caseId);
    assertThat(restock.getPlannedDeliveriesList()).as("nobody was told yet, so nobody needs a resolution").isEmpty();
    assertThat(gateway.backorder().getCase(GetCaseRequest.newBuilder().setCaseId(caseId).build()).getStatus())
        .isEqualTo(CaseStatus.CASE_STATUS_RESTOCKED);
    List<Delivery> deliveries = gateway.admin(TestGateway.ALL_SCOPES_TOKEN)
        .listDeliveries(ListDeliveriesRequest.newBuilder().setCaseId(caseId).build()).getDeliveriesList();
    assertThat(deliveries).hasSize(3).allMatch(d -> d.getStatus() == DeliveryStatus.DELIVERY_STATUS_CANCELLED);

    IntakeResponse soldOutAgain = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-9"));
    assertThat(soldOutAgain.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_OPENED);
    assertThat(soldOutAgain.getCaseIds(0)).isNotEqualTo(caseId);
    assertThat(summary(soldOutAgain.getPlannedDeliveriesList())).contains("slack STAFF_ALERT ");
  }

  @Test
  void aPositiveLevelWithoutAnOpenCaseOnlyRecordsIt() {
    IntakeResponse response = gateway.backorder().reportInventoryLevel(level("PAINT-RED", 5, InventoryCause.INVENTORY_CAUSE_COUNT));
    assertThat(response.getTriggered()).isFalse();
    assertThat(response.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_UNSPECIFIED);
    assertThat(response.getReason()).contains("no open backorder");
  }

  static List<String> summary(List<Delivery> deliveries) {
    return deliveries.stream()
        .map(d -> d.getConnector() + " " + d.getPurpose().name().substring("PURPOSE_".length()) + " "
            + (d.getAudience() == Audience.AUDIENCE_CUSTOMER ? d.getRecipient().getOrderId() : ""))
        .toList();
  }

  static Purpose purpose(Delivery d) {
    return d.getPurpose();
  }
}
