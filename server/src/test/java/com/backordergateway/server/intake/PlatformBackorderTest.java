package com.backordergateway.server.intake;

import static com.backordergateway.server.intake.StockDepletedTest.summary;
import static com.backordergateway.server.testing.Requests.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.api.v1.CaseChange;
import com.backordergateway.api.v1.IngestPlatformEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.PlatformSignal;
import com.backordergateway.api.v1.RawWebhook;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.testing.GatewayTest;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class PlatformBackorderTest extends GatewayTest {


  static IngestPlatformEventRequest shopify(String deliveryId, String orderId, String... skus) {
    return IngestPlatformEventRequest.newBuilder()
        .setSource("shopify")
        .setInstance("main-store")
        .setSignal(PlatformSignal.newBuilder()
            .setDeliveryId(deliveryId)
            .setOrder(order(orderId))
            .addAllBackorderedSkus(java.util.List.of(skus)))
        .build();
  }

  @Test
  void aBackorderedOrderOpensACasePerSkuAndNotifiesTheCustomerForEach() {
    IntakeResponse response = gateway.backorder().ingestPlatformEvent(shopify("wh-1", "S-1001", "EMB-HOOP-6", "EMB-FLOSS-310"));

    assertThat(response.getTriggered()).isTrue();
    assertThat(response.getTrigger()).isEqualTo(Trigger.TRIGGER_PLATFORM_BACKORDER);
    assertThat(response.getCaseChange()).isEqualTo(CaseChange.CASE_CHANGE_OPENED);
    assertThat(response.getCaseIdsList()).hasSize(2);
    assertThat(summary(response.getPlannedDeliveriesList())).containsExactlyInAnyOrder(
        "slack STAFF_ALERT ", "email CUSTOMER_NOTICE S-1001", "sms CUSTOMER_NOTICE S-1001",
        "slack STAFF_ALERT ", "email CUSTOMER_NOTICE S-1001", "sms CUSTOMER_NOTICE S-1001");
  }

  @Test
  void aRepeatedPlatformDeliveryIdIsADuplicateWithNoNewEvent() {
    IntakeResponse first = gateway.backorder().ingestPlatformEvent(shopify("wh-1", "S-1001", "EMB-HOOP-6"));

    IntakeResponse again = gateway.backorder().ingestPlatformEvent(shopify("wh-1", "S-1001", "EMB-HOOP-6"));

    assertThat(again.getDuplicate()).isTrue();
    assertThat(again.getEventId()).isEqualTo(first.getEventId());
    assertThat(again.getPlannedDeliveriesList()).isEqualTo(first.getPlannedDeliveriesList());
    assertThat(gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsList()).hasSize(1);
  }

  @Test
  void anotherDeliveryForAnOrderAlreadyOnTheCaseDoesNotNotifyAgain() {
    gateway.backorder().ingestPlatformEvent(shopify("wh-1", "S-1001", "EMB-HOOP-6"));

    IntakeResponse update = gateway.backorder().ingestPlatformEvent(shopify("wh-2", "S-1001", "EMB-HOOP-6"));

    assertThat(update.getDuplicate()).isFalse();
    assertThat(update.getTriggered()).isFalse();
    assertThat(update.getReason()).contains("already on the open cases");
    assertThat(update.getPlannedDeliveriesList()).isEmpty();
  }

  @Test
  void aRawWebhookForAnUnconfiguredSourceIsNotFoundAndNotStored() {
    IngestPlatformEventRequest raw = IngestPlatformEventRequest.newBuilder()
        .setSource("shopify").setInstance("other-store")
        .setWebhook(RawWebhook.newBuilder().putHeaders("X-Shopify-Topic", "orders/updated")
            .setBody(ByteString.copyFromUtf8("{\"id\":1}")))
        .build();

    assertThatThrownBy(() -> gateway.backorder().ingestPlatformEvent(raw))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
          assertThat(e.getStatus().getDescription()).contains("no webhook source shopify/other-store is configured");
        });
    assertThat(gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsList()).isEmpty();
  }

  @Test
  void aSignalNamingAnUnconfiguredSourceIsRefusedAndNotStored() {
    for (IngestPlatformEventRequest signal : java.util.List.of(
        shopify("wh-9", "S-1009", "EMB-HOOP-6").toBuilder().setInstance("other-store").build(),
        shopify("wh-9", "S-1009", "EMB-HOOP-6").toBuilder().setSource("ebay").build())) {
      assertThatThrownBy(() -> gateway.backorder().ingestPlatformEvent(signal))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).contains("instance: no source " + signal.getSource() + "/"
                + signal.getInstance() + " is configured");
          });
    }
    assertThat(gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsList()).isEmpty();
  }
}
