package com.backordergateway.server.intake;

import static com.backordergateway.server.intake.StockDepletedTest.summary;
import static com.backordergateway.server.testing.Requests.at;
import static com.backordergateway.server.testing.Requests.order;
import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.CaseChange;
import com.backordergateway.api.v1.GetCaseRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.TestGateway;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkUnavailableTest extends GatewayTest {


  MarkUnavailableRequest.Builder mark(String sku) {
    return MarkUnavailableRequest.newBuilder().setSku(sku).setReason("water damage in aisle 4").setActor("sam");
  }

  @Test
  void opensACaseAlertsStaffAndNotifiesListedOrders() {
    IntakeResponse response = gateway.backorder().markUnavailable(
        mark("YARN-MERINO-BLUE")
            .setEta(at(gateway.clock.instant().plus(Duration.ofDays(10))))
            .addAffectedOrders(order("W-10"))
            .addAffectedOrders(order("W-11"))
            .build());

    assertThat(response.getTriggered()).isTrue();
    assertThat(response.getTrigger()).isEqualTo(Trigger.TRIGGER_MARKED_UNAVAILABLE);
    assertThat(response.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_OPENED);
    assertThat(response.getReason()).contains("marked unavailable by sam").contains("2 customers notified");
    assertThat(summary(response.getPlannedDeliveriesList())).containsExactlyInAnyOrder(
        "slack STAFF_ALERT ",
        "email CUSTOMER_NOTICE W-10", "sms CUSTOMER_NOTICE W-10",
        "email CUSTOMER_NOTICE W-11", "sms CUSTOMER_NOTICE W-11");
    BackorderCase c = gateway.backorder().getCase(GetCaseRequest.newBuilder().setCaseId(response.getCaseIds(0)).build());
    assertThat(c.getReason()).isEqualTo("water damage in aisle 4 (marked by sam)");
    assertThat(c.hasEta()).isTrue();
  }

  @Test
  void withoutOrdersOnlyStaffHear() {
    IntakeResponse response = gateway.backorder().markUnavailable(mark("YARN-MERINO-BLUE").build());

    assertThat(response.getTriggered()).isTrue();
    assertThat(summary(response.getPlannedDeliveriesList())).containsExactly("slack STAFF_ALERT ");
  }

  @Test
  void onAnOpenCaseAddsOnlyNewOrdersWithoutAnotherStaffAlert() {
    IntakeResponse opened = gateway.backorder().reportInventoryLevel(sale("YARN-MERINO-BLUE", 0, "W-1"));

    IntakeResponse marked = gateway.backorder().markUnavailable(
        mark("YARN-MERINO-BLUE").addAffectedOrders(order("W-1")).addAffectedOrders(order("W-2")).build());

    assertThat(marked.getTriggered()).isTrue();
    assertThat(marked.getCaseIdsList()).isEqualTo(opened.getCaseIdsList());
    assertThat(marked.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_UPDATED);
    assertThat(summary(marked.getPlannedDeliveriesList()))
        .containsExactlyInAnyOrder("email CUSTOMER_NOTICE W-2", "sms CUSTOMER_NOTICE W-2");

    IntakeResponse nothingNew = gateway.backorder().markUnavailable(mark("YARN-MERINO-BLUE").addAffectedOrders(order("W-2")).build());
    assertThat(nothingNew.getTriggered()).isFalse();
    assertThat(nothingNew.getReason()).contains("nothing new to tell");
    assertThat(nothingNew.getPlannedDeliveriesList()).isEmpty();
  }

  @Test
  void aNewEtaOnAnOpenCaseCorrectsItForTheOrdersThere() {
    IntakeResponse opened = gateway.backorder().markUnavailable(mark("YARN-MERINO-BLUE").addAffectedOrders(order("W-1")).build());
    gateway.markSent(opened.getPlannedDeliveriesList());

    IntakeResponse later = gateway.backorder().markUnavailable(
        mark("YARN-MERINO-BLUE")
            .setEta(at(gateway.clock.instant().plus(Duration.ofDays(21))))
            .addAffectedOrders(order("W-3"))
            .build());

    assertThat(later.getTriggered()).isTrue();
    assertThat(later.getReason()).contains("new ETA sent");
    assertThat(summary(later.getPlannedDeliveriesList())).containsExactlyInAnyOrder(
        "email ETA_CORRECTION W-1", "sms ETA_CORRECTION W-1",
        "email CUSTOMER_NOTICE W-3", "sms CUSTOMER_NOTICE W-3");
  }

  @Test
  void aCustomerNotToldYetGetsTheirNoticeAgainWithTheNewEtaInsteadOfACorrection() {
    IntakeResponse opened = gateway.backorder().markUnavailable(mark("YARN-MERINO-BLUE").addAffectedOrders(order("W-1")).build());

    IntakeResponse later = gateway.backorder().markUnavailable(
        mark("YARN-MERINO-BLUE").setEta(at(gateway.clock.instant().plus(Duration.ofDays(21)))).build());

    assertThat(summary(later.getPlannedDeliveriesList()))
        .containsExactlyInAnyOrder("email CUSTOMER_NOTICE W-1", "sms CUSTOMER_NOTICE W-1");
    assertThat(later.getPlannedDeliveriesList()).allMatch(d -> d.getFactsMap().get("eta").startsWith("2026-03-23"));
    List<Delivery> replaced = gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listDeliveries(ListDeliveriesRequest.newBuilder()
        .setStatus(DeliveryStatus.DELIVERY_STATUS_CANCELLED).build()).getDeliveriesList();
    assertThat(replaced).extracting(Delivery::getId).containsExactlyInAnyOrderElementsOf(opened.getPlannedDeliveriesList()
        .stream().filter(d -> d.getRecipient().getOrderId().equals("W-1")).map(Delivery::getId).toList());
  }
}
