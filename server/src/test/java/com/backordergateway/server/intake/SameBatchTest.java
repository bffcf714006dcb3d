package com.backordergateway.server.intake;

import static com.backordergateway.server.testing.Requests.level;
import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.server.store.GroupCommitWriter;
import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.HeldWriter;
import com.backordergateway.server.testing.TestGateway;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Calls that share one commit see each other's deliveries and stored answers, although those
 * rows are rendered off the writer and written only at the end of the batch.
 */
class SameBatchTest extends GatewayTest {

  private CountDownLatch holdWriter() throws InterruptedException {
    return HeldWriter.hold(gateway.get(GroupCommitWriter.class));
  }

  private List<Delivery> deliveries(DeliveryStatus status) {
    return gateway.admin(TestGateway.ALL_SCOPES_TOKEN)
        .listDeliveries(ListDeliveriesRequest.newBuilder().setStatus(status).build()).getDeliveriesList();
  }

  @Test
  void aRetryInTheSameBatchAsItsFirstCallIsAnsweredAsADuplicate() throws Exception {
    IntakeService intake = gateway.get(IntakeService.class);
    ReportInventoryLevelRequest request = sale("INK-BLACK", 0, "A-1").toBuilder().setIdempotencyKey("pos-1").build();
    CountDownLatch release = holdWriter();
    CompletableFuture<IntakeResponse> first = intake.reportInventoryLevel(request);
    CompletableFuture<IntakeResponse> retry = intake.reportInventoryLevel(request);
    release.countDown();

    assertThat(first.join().getDuplicate()).isFalse();
    assertThat(retry.join().getDuplicate()).isTrue();
    assertThat(retry.join().getEventId()).isEqualTo(first.join().getEventId());
    assertThat(retry.join().getPlannedDeliveriesList()).isEqualTo(first.join().getPlannedDeliveriesList());
    assertThat(gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsCount()).isEqualTo(1);
  }

  @Test
  void aRestockInTheSameBatchAsTheSaleCancelsTheNoticesTheSalePlanned() throws Exception {
    IntakeService intake = gateway.get(IntakeService.class);
    CountDownLatch release = holdWriter();
    CompletableFuture<IntakeResponse> sale = intake.reportInventoryLevel(sale("GLUE-GUN", 0, "A-1"));
    CompletableFuture<IntakeResponse> restock =
        intake.reportInventoryLevel(level("GLUE-GUN", 12, InventoryCause.INVENTORY_CAUSE_RECEIPT));
    release.countDown();

    List<String> planned = sale.join().getPlannedDeliveriesList().stream().map(Delivery::getId).toList();
    assertThat(planned).isNotEmpty();
    assertThat(restock.join().getReason()).contains("resolved as restocked");
    assertThat(restock.join().getPlannedDeliveriesList()).as("nobody had been told yet").isEmpty();
    assertThat(deliveries(DeliveryStatus.DELIVERY_STATUS_CANCELLED)).extracting(Delivery::getId)
        .containsExactlyInAnyOrderElementsOf(planned);
    assertThat(deliveries(DeliveryStatus.DELIVERY_STATUS_PENDING)).isEmpty();
    assertThat(deliveries(DeliveryStatus.DELIVERY_STATUS_DELIVERED)).isEmpty();
  }
}
