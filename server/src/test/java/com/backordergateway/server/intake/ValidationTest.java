package com.backordergateway.server.intake;

import static com.backordergateway.server.testing.Requests.at;
import static com.backordergateway.server.testing.Requests.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.IngestPlatformEventRequest;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ListCasesRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.PlatformSignal;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.server.testing.GatewayTest;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every bad field is named in a BadRequest field violation, and a bad call changes nothing. */
class ValidationTest extends GatewayTest {


  static BadRequest badRequest(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    return status.getDetailsList().stream()
        .filter(d -> d.is(BadRequest.class))
        .map(d -> {
          try {
            return d.unpack(BadRequest.class);
          } catch (com.google.protobuf.InvalidProtocolBufferException x) {
            throw new AssertionError(x);
          }
        })
        .findFirst()
        .orElseThrow();
  }

  /** Calls, expects INVALID_ARGUMENT, and returns field → description. */
  Map<String, String> violations(Supplier<?> call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::get);
    assertThat(e).as("expected INVALID_ARGUMENT").isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsList())
        .as("a bad request changes nothing").isEmpty();
    assertThat(gateway.backorder().listCases(ListCasesRequest.getDefaultInstance()).getCasesList()).isEmpty();
    return badRequest(e).getFieldViolationsList().stream()
        .collect(Collectors.toMap(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getDescription, (a, b) -> a));
  }

  @Test
  void inventoryLevel() {
    Map<String, String> v = violations(() -> gateway.backorder().reportInventoryLevel(
        ReportInventoryLevelRequest.newBuilder()
            .setSku("bad sku!")
            .setOnHand(-3)
            .setCause(InventoryCause.INVENTORY_CAUSE_COUNT)
            .setOrder(CustomerOrder.newBuilder()
                .setCustomer(Customer.newBuilder().setEmail("not-an-email").setPhone("555-0101")
                    .setTimeZone("Mars/Olympus").setLocale("!!")))
            .setIdempotencyKey("k".repeat(200))
            .build()));

    assertThat(v).containsOnlyKeys(
        "sku", "on_hand", "order", "order.order_id", "order.customer.email", "order.customer.phone",
        "order.customer.time_zone", "order.customer.locale", "idempotency_key");
    assertThat(v.get("order.customer.phone")).contains("E.164");
    assertThat(v.get("on_hand")).contains("negative");
  }

  @Test
  void emptySkuAndUnspecifiedCause() {
    Map<String, String> v = violations(() -> gateway.backorder().reportInventoryLevel(ReportInventoryLevelRequest.getDefaultInstance()));
    assertThat(v).containsEntry("sku", "required").containsKey("cause");
  }

  @Test
  void markUnavailable() {
    Map<String, String> v = violations(() -> gateway.backorder().markUnavailable(MarkUnavailableRequest.newBuilder()
        .setSku("PAINT-RED")
        .setReason("x".repeat(2000))
        .setEta(at(gateway.clock.instant().minus(Duration.ofDays(1))))
        .addAffectedOrders(order("A-1"))
        .addAffectedOrders(order("A-1"))
        .build()));
    assertThat(v).containsOnlyKeys("reason", "actor", "eta", "affected_orders[1].order_id");
    assertThat(v.get("eta")).isEqualTo("must be in the future");
  }

  @Test
  void registerShipment() {
    Map<String, String> v = violations(() -> gateway.backorder().registerExpectedShipment(
        RegisterExpectedShipmentRequest.newBuilder()
            .setPoNumber("PO-1")
            .addLines(ShipmentLine.newBuilder().setSku("DYE-RED").setQuantity(-4))
            .addLines(ShipmentLine.newBuilder().setSku("DYE-RED").setQuantity(2))
            .setExpectedAt(at(gateway.clock.instant().minus(Duration.ofHours(1))))
            .build()));
    assertThat(v).containsOnlyKeys("supplier", "lines[0].quantity", "lines[1].sku", "expected_at");
    assertThat(v.get("expected_at")).contains("future");
  }

  @Test
  void shipmentUpdateNeedsExactlyOneChangeAndAKnownPo() {
    assertThat(violations(() -> gateway.backorder().reportShipmentUpdate(
        ReportShipmentUpdateRequest.newBuilder().setPoNumber("PO-1").build())))
        .containsOnlyKeys("change");
    assertThat(violations(() -> gateway.backorder().reportShipmentUpdate(
        ReportShipmentUpdateRequest.newBuilder().setPoNumber("PO-unknown").setReceived(true).build())))
        .containsOnlyKeys("po_number");
  }

  @Test
  void platformSignal() {
    Map<String, String> v = violations(() -> gateway.backorder().ingestPlatformEvent(IngestPlatformEventRequest.newBuilder()
        .setSource("Shopify!")
        .setSignal(PlatformSignal.newBuilder().addBackorderedSkus("ok-sku").addBackorderedSkus("ok-sku"))
        .build()));
    assertThat(v).containsOnlyKeys("source", "instance", "signal.delivery_id", "signal.order", "signal.backordered_skus[1]");
  }

  @Test
  void resolve() {
    assertThat(violations(() -> gateway.backorder().resolveBackorder(ResolveBackorderRequest.getDefaultInstance())))
        .containsOnlyKeys("target", "resolution");
  }

  @Test
  void queries() {
    StatusRuntimeException badToken = catchThrowableOfType(StatusRuntimeException.class,
        () -> gateway.backorder().listEvents(ListEventsRequest.newBuilder().setPageToken("garbage").build()));
    assertThat(badRequest(badToken).getFieldViolations(0).getField()).isEqualTo("page_token");

    StatusRuntimeException badCursor = catchThrowableOfType(StatusRuntimeException.class,
        () -> gateway.backorder().watchEvents(WatchEventsRequest.newBuilder().setAfterCursor("abc").build()).hasNext());
    assertThat(badCursor.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }
}
