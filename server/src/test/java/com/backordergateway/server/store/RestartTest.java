package com.backordergateway.server.store;

import static com.backordergateway.server.testing.Requests.at;
import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.GetCaseRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.server.intake.SupplierDelayMonitor;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {

  @TempDir Path dir;

  @Test
  void casesEventsAndShipmentsSurviveARestartOnTheSameFile() {
    TestGateway first = TestGateway.start(dir);
    IntakeResponse opened = first.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));
    first.backorder().registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder()
        .setSupplier("Jacquard").setPoNumber("PO-9")
        .addLines(ShipmentLine.newBuilder().setSku("PAINT-RED").setQuantity(12))
        .setExpectedAt(at(first.clock.instant().plus(Duration.ofDays(2))))
        .build());
    first.close();
    assertThat(Files.exists(first.databaseFile)).isTrue();

    try (TestGateway second = TestGateway.start(dir, first.clock)) {
      assertThat(second.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsList()).hasSize(2);
      var c = second.backorder().getCase(GetCaseRequest.newBuilder().setCaseId(opened.getCaseIds(0)).build());
      assertThat(c.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_OPEN);

      IntakeResponse again = second.backorder().reportInventoryLevel(sale("PAINT-RED", -1, "A-1"));
      assertThat(again.getTriggered()).as("the open case and its order were remembered").isFalse();

      second.clock.advance(Duration.ofDays(5));
      assertThat(second.get(SupplierDelayMonitor.class).check()).as("the shipment was remembered").hasSize(1);
    }
  }
}
