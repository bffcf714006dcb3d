package com.backordergateway.server.hardening;

import static com.backordergateway.server.testing.Requests.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.ListCasesRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Free text is refused, never stripped, when it holds control characters (tabs and line breaks
 * only where people write several lines); every text field is capped; and a call with thousands
 * of bad fields answers the first twenty and a count.
 */
class FreeTextTest extends GatewayTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static MarkUnavailableRequest.Builder unavailable() {
    return MarkUnavailableRequest.newBuilder().setSku("PAPER-A4").setReason("water damage in the warehouse")
        .setActor("Dana Whitfield");
  }

  private int stored() {
    return gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsCount()
        + gateway.backorder().listCases(ListCasesRequest.getDefaultInstance()).getCasesCount();
  }

  /** Calls, expects INVALID_ARGUMENT with nothing stored, and returns the violations. */
  private List<BadRequest.FieldViolation> refused(Supplier<?> call) throws Exception {
    int before = stored();
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::get);
    assertThat(e).as("expected INVALID_ARGUMENT").isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(stored()).as("a refused call stores nothing").isEqualTo(before);
    return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolationsList();
  }

  private static List<String> fields(List<BadRequest.FieldViolation> violations) {
    return violations.stream().map(BadRequest.FieldViolation::getField).toList();
  }

  @Test
  void controlCharactersInNamesReasonsAndReferencesAreRefusedNamingTheField() throws Exception {
    List<BadRequest.FieldViolation> v = refused(() -> gateway.backorder().markUnavailable(unavailable()
        .setReason("water\u0000damage").setActor("Dana\u001b[31m Whitfield")
        .addAffectedOrders(order("A-1").toBuilder()
            .setCustomer(Customer.newBuilder().setName("Ada\u0007 Lovelace").setEmail("ada@example.com")))
        .build()));
    assertThat(fields(v)).containsExactlyInAnyOrder("reason", "actor", "affected_orders[0].customer.name");
    assertThat(v.get(0).getDescription()).contains("control characters").contains("U+");

    assertThat(fields(refused(() -> gateway.backorder().registerExpectedShipment(
        RegisterExpectedShipmentRequest.newBuilder().setSupplier("Paperworks\u0085 Ltd").setPoNumber("PO-7\u007f")
            .setExpectedAt(Timestamp.newBuilder().setSeconds(gateway.clock.instant().getEpochSecond() + 86_400))
            .addLines(ShipmentLine.newBuilder().setSku("PAPER-A4").setQuantity(10)).build()))))
        .containsExactlyInAnyOrder("supplier", "po_number");
  }

  @Test
  void aReasonMayHaveSeveralLinesButANameMayNot() throws Exception {
    assertThat(gateway.backorder().markUnavailable(unavailable()
        .setReason("Water damage.\r\n\tTwo pallets written off.").build()).getEventId()).isNotEmpty();
    assertThat(fields(refused(() -> gateway.backorder().markUnavailable(unavailable()
        .setSku("PAPER-A5").setActor("Dana\nWhitfield").build())))).containsExactly("actor");
  }

  @Test
  void everyTextFieldIsCapped() throws Exception {
    String long1001 = "x".repeat(1001);
    List<BadRequest.FieldViolation> v = refused(() -> gateway.backorder().markUnavailable(unavailable()
        .setReason(long1001).setCategory(long1001)
        .addAffectedOrders(CustomerOrder.newBuilder().setOrderId("A-1").setOrderName("#1001")
            .setCustomer(Customer.newBuilder().setName(long1001).setEmail("ada@example.com")))
        .build()));
    assertThat(fields(v)).containsExactlyInAnyOrder("reason", "category", "affected_orders[0].customer.name");
    assertThat(v).filteredOn(f -> f.getField().equals("reason"))
        .singleElement().extracting(BadRequest.FieldViolation::getDescription).isEqualTo("must be at most 1000 characters");
  }

  @Test
  void tenThousandBadOrdersAnswerTheFirstTwentyAndACount() throws Exception {
    MarkUnavailableRequest.Builder request = unavailable();
    for (int i = 0; i < 10_000; i++) {
      request.addAffectedOrders(CustomerOrder.newBuilder().setOrderId("A-" + i)
          .setCustomer(Customer.newBuilder().setEmail("not-an-email-" + i)));
    }
    List<BadRequest.FieldViolation> v = refused(() -> gateway.backorder().markUnavailable(request.build()));
    assertThat(v).hasSize(21);
    assertThat(v.get(0).getField()).isEqualTo("affected_orders");
    assertThat(v.get(20).getField()).isEmpty();
    assertThat(v.get(20).getDescription()).matches("and [0-9]+ more fields");
    assertThat(v.get(0).getSerializedSize() * 21).isLessThan(8_000);
  }

  @Test
  void restRefusesTheSameWithA400() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + gateway.httpPort() + "/v1/skus/PAPER-A4:markUnavailable"))
        .header("Authorization", "Bearer " + TestGateway.ALL_SCOPES_TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"reason\":\"damaged\\u0000\",\"actor\":\"Dana\\u001b\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode violations = JSON.readTree(answer.body()).path("details").path(0).path("fieldViolations");
    assertThat(violations.findValuesAsText("field")).containsExactlyInAnyOrder("reason", "actor");
    assertThat(gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsList()).isEmpty();
  }
}
