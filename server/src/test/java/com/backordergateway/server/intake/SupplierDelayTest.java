package com.backordergateway.server.intake;

import static com.backordergateway.server.intake.StockDepletedTest.summary;
import static com.backordergateway.server.testing.Requests.at;
import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.EventKind;
import com.backordergateway.api.v1.GetCaseRequest;
import com.backordergateway.api.v1.GetEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.api.v1.ShipmentStatus;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.testing.GatewayTest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupplierDelayTest extends GatewayTest {

  Instant eta;

  @BeforeEach
  void setEta() {
    eta = gateway.clock.instant().plus(Duration.ofDays(5));
  }

  IntakeResponse register(String supplier, String po, String... skus) {
    RegisterExpectedShipmentRequest.Builder r =
        RegisterExpectedShipmentRequest.newBuilder().setSupplier(supplier).setPoNumber(po).setExpectedAt(at(eta));
    for (String sku : skus) {
      r.addLines(ShipmentLine.newBuilder().setSku(sku).setQuantity(48));
    }
    return gateway.backorder().registerExpectedShipment(r.build());
  }

  IntakeResponse newEta(String po, Instant newEta) {
    return gateway.backorder().reportShipmentUpdate(
        ReportShipmentUpdateRequest.newBuilder().setPoNumber(po).setNewExpectedAt(at(newEta)).build());
  }

  @Test
  void registeringFiresNothing() {
    IntakeResponse response = register("Jacquard", "PO-1", "DYE-RED");
    assertThat(response.getTriggered()).isFalse();
    assertThat(response.getReason()).contains("more than 48h");
    assertThat(response.getShipment().getStatus()).isEqualTo(ShipmentStatus.SHIPMENT_STATUS_EXPECTED);
  }

  @Test
  void aNewEtaWithinTheThresholdDoesNotFire() {
    register("Jacquard", "PO-1", "DYE-RED");
    IntakeResponse response = newEta("PO-1", eta.plus(Duration.ofHours(48)));
    assertThat(response.getTriggered()).isFalse();
    assertThat(response.getReason()).contains("within the 48h threshold");
  }

  @Test
  void aNewEtaPastTheThresholdAlertsStaffAndCorrectsOpenOrdersOncePerStep() {
    register("Jacquard", "PO-1", "DYE-RED", "DYE-BLUE");
    IntakeResponse opened = gateway.backorder().reportInventoryLevel(sale("DYE-RED", 0, "A-1"));
    gateway.markSent(opened.getPlannedDeliveriesList());

    IntakeResponse slipped = newEta("PO-1", eta.plus(Duration.ofHours(49)));

    assertThat(slipped.getTriggered()).isTrue();
    assertThat(slipped.getTrigger()).isEqualTo(Trigger.TRIGGER_SUPPLIER_DELAYED);
    assertThat(slipped.getShipment().getDelaySteps()).isEqualTo(1);
    assertThat(summary(slipped.getPlannedDeliveriesList())).containsExactlyInAnyOrder(
        "slack STAFF_ALERT ", "tickets STAFF_ALERT ",
        "email ETA_CORRECTION A-1", "sms ETA_CORRECTION A-1");
    BackorderCase c = gateway.backorder().getCase(GetCaseRequest.newBuilder().setCaseId(opened.getCaseIds(0)).build());
    assertThat(c.getEta()).isEqualTo(at(eta.plus(Duration.ofHours(49))));

    IntakeResponse sameStep = newEta("PO-1", eta.plus(Duration.ofHours(60)));
    assertThat(sameStep.getTriggered()).as("step 1 already alerted").isFalse();
    assertThat(sameStep.getReason()).contains("delay step 1 was already alerted");

    IntakeResponse nextStep = newEta("PO-1", eta.plus(Duration.ofHours(97)));
    assertThat(nextStep.getTriggered()).isTrue();
    assertThat(nextStep.getShipment().getDelaySteps()).isEqualTo(2);
  }

  @Test
  void perSupplierThresholdsApply() {
    register("Fast Paper Co", "PO-7", "PAPER-A4");
    IntakeResponse response = newEta("PO-7", eta.plus(Duration.ofHours(13)));
    assertThat(response.getTriggered()).isTrue();
    assertThat(response.getReason()).contains("of 12h");
  }

  @Test
  void theMonitorFiresFromTheClockAloneOncePerStep() {
    register("Jacquard", "PO-1", "DYE-RED");
    gateway.backorder().reportInventoryLevel(sale("DYE-RED", 0, "A-1"));
    SupplierDelayMonitor monitor = gateway.get(SupplierDelayMonitor.class);

    gateway.clock.advance(Duration.ofDays(5).plusHours(48));
    assertThat(monitor.check()).as("exactly at ETA + threshold is not yet overdue").isEmpty();

    gateway.clock.advance(Duration.ofMinutes(1));
    List<IntakeResponse> fired = monitor.check();
    assertThat(fired).hasSize(1);
    IntakeResponse alert = fired.get(0);
    assertThat(alert.getTrigger()).isEqualTo(Trigger.TRIGGER_SUPPLIER_DELAYED);
    assertThat(alert.getReason()).contains("PO-1").contains("past its ETA with no update");
    assertThat(summary(alert.getPlannedDeliveriesList())).as("A-1 was not told yet: its notice goes again, updated")
        .containsExactlyInAnyOrder("slack STAFF_ALERT ", "tickets STAFF_ALERT ", "email CUSTOMER_NOTICE A-1",
            "sms CUSTOMER_NOTICE A-1");
    assertThat(gateway.backorder().getEvent(GetEventRequest.newBuilder().setEventId(alert.getEventId()).build()).getKind())
        .isEqualTo(EventKind.EVENT_KIND_SHIPMENT_OVERDUE);

    assertThat(monitor.check()).as("same step, same clock: nothing more").isEmpty();
    gateway.clock.advance(Duration.ofHours(47));
    assertThat(monitor.check()).isEmpty();
    gateway.clock.advance(Duration.ofHours(2));
    assertThat(monitor.check()).as("one more threshold late: step 2").hasSize(1);
  }

  @Test
  void theMonitorIgnoresReceivedShipments() {
    register("Jacquard", "PO-1", "DYE-RED");
    gateway.backorder().reportShipmentUpdate(
        ReportShipmentUpdateRequest.newBuilder().setPoNumber("PO-1").setReceived(true).build());
    gateway.clock.advance(Duration.ofDays(30));
    assertThat(gateway.get(SupplierDelayMonitor.class).check()).isEmpty();
  }

  @Test
  void updatesToFinishedOrUnknownShipmentsAreRefused() {
    register("Jacquard", "PO-1", "DYE-RED");
    gateway.backorder().reportShipmentUpdate(
        ReportShipmentUpdateRequest.newBuilder().setPoNumber("PO-1").setCancelled(true).build());

    assertThatThrownBy(() -> newEta("PO-1", eta.plus(Duration.ofDays(9))))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
    assertThatThrownBy(() -> newEta("PO-404", eta))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains("po_number: no registered shipment PO-404");
        });
    assertThatThrownBy(() -> register("Jacquard", "PO-1", "DYE-RED"))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));
  }
}
