package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ListCasesRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.RawBytes;
import com.backordergateway.server.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are not a request, values of the wrong kind and times that are no times: each answers
 * INVALID_ARGUMENT (400 over REST) naming the field where it can be known, and stores nothing.
 */
class MalformedInputTest extends GatewayTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  // ---- gRPC ------------------------------------------------------------------------------------

  /** ReportInventoryLevel with its request marshalled as raw bytes, as a broken client would send. */
  private StatusRuntimeException rawCall(byte[] request) {
    MethodDescriptor<byte[], byte[]> raw = RawBytes.of(BackorderServiceGrpc.getReportInventoryLevelMethod());
    return catchThrowableOfType(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(gateway.channel(),
        raw, CallOptions.DEFAULT.withCallCredentials(TestGateway.bearer(TestGateway.ALL_SCOPES_TOKEN)), request));
  }

  @Test
  void garbageAndInvalidUtf8AnswerInvalidArgumentAndTheServerKeepsServing() {
    List<byte[]> bad = List.of(
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02},            // no valid tag
        new byte[] {0x0a, 0x05, 'A', 'B'},                                          // sku cut short
        new byte[] {0x0a, 0x02, (byte) 0xc3, 0x28});                                // sku, invalid UTF-8
    for (byte[] request : bad) {
      StatusRuntimeException e = rawCall(request);
      assertThat(e).isNotNull();
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getStatus().getDescription()).startsWith("the request is not a valid backorder.v1.BackorderService");
    }
    assertThat(gateway.backorder().reportInventoryLevel(ReportInventoryLevelRequest.newBuilder().setSku("PAPER-A4")
        .setOnHand(3).setCause(InventoryCause.INVENTORY_CAUSE_COUNT).build()).getEventId()).isNotEmpty();
  }

  @Test
  void timestampsOutOfRangeOrWithTooManyNanosAreFieldViolationsNotInternal() {
    StatusRuntimeException nanos = catchThrowableOfType(StatusRuntimeException.class, () -> gateway.backorder()
        .markUnavailable(MarkUnavailableRequest.newBuilder().setSku("PAPER-A4").setReason("damaged").setActor("Dana")
            .setEta(Timestamp.newBuilder().setSeconds(1_900_000_000L).setNanos(2_000_000_000)).build()));
    assertThat(nanos.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(nanos.getStatus().getDescription()).contains("eta: not a valid time");
    StatusRuntimeException far = catchThrowableOfType(StatusRuntimeException.class, () -> gateway.backorder()
        .registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder().setSupplier("Fast Paper Co")
            .setPoNumber("PO-1").addLines(ShipmentLine.newBuilder().setSku("PAPER-A4").setQuantity(5))
            .setExpectedAt(Timestamp.newBuilder().setSeconds(1_000_000_000_000_000L)).build()));
    assertThat(far.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(far.getStatus().getDescription()).contains("expected_at: not a valid time");
    assertNothingStored();
  }

  // ---- REST ------------------------------------------------------------------------------------

  private HttpResponse<String> rest(String method, String path, String body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + path))
        .header("Authorization", "Bearer " + TestGateway.ALL_SCOPES_TOKEN).header("Content-Type", "application/json");
    r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The fields named in a 400's BadRequest details. */
  private static List<String> fields(HttpResponse<String> answer) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    for (JsonNode detail : JSON.readTree(answer.body()).path("details")) {
      detail.path("fieldViolations").forEach(v -> fields.add(v.path("field").asText()));
    }
    return fields;
  }

  @Test
  void restValuesOfTheWrongKindAre400sNamingTheField() throws Exception {
    for (String onHand : List.of("\"abc\"", "1.5", "2147483648", "true")) {
      assertThat(fields(rest("POST", "/v1/inventory-levels",
          "{\"sku\":\"PAPER-A4\",\"on_hand\":" + onHand + ",\"cause\":\"INVENTORY_CAUSE_COUNT\"}")))
          .as("on_hand %s", onHand).containsExactly("on_hand");
    }
    assertThat(fields(rest("POST", "/v1/inventory-levels",
        "{\"sku\":\"PAPER-A4\",\"onHand\":0,\"cause\":\"INVENTORY_CAUSE_NOPE\",\"observedAt\":\"yesterday\"}")))
        .containsExactlyInAnyOrder("cause", "observed_at");
    assertThat(fields(rest("POST", "/v1/inventory-levels", "{\"sku\":\"PAPER-A4\",\"on_hand\":0,"
        + "\"cause\":\"INVENTORY_CAUSE_SALE\",\"order\":{\"order_id\":7,\"customer\":{\"email\":[\"x\"]}}}")))
        .containsExactlyInAnyOrder("order.order_id", "order.customer.email");
    assertNothingStored();
  }

  @Test
  void aTimeThatDoesNotExistIsRefusedNotRolledOver() throws Exception {
    assertThat(fields(rest("POST", "/v1/inventory-levels", "{\"sku\":\"PAPER-A4\",\"on_hand\":5,"
        + "\"cause\":\"INVENTORY_CAUSE_COUNT\",\"observed_at\":\"2026-13-45T00:00:00Z\"}")))
        .containsExactly("observed_at");
    assertNothingStored();
  }

  @Test
  void unknownFilterValuesAreRefusedInsteadOfListingEverything() throws Exception {
    gateway.backorder().reportInventoryLevel(ReportInventoryLevelRequest.newBuilder().setSku("PAPER-A4").setOnHand(3)
        .setCause(InventoryCause.INVENTORY_CAUSE_COUNT).build());
    assertThat(fields(rest("GET", "/v1/events?trigger=TRIGGER_NOPE", null))).containsExactly("trigger");
    assertThat(fields(rest("GET", "/v1/cases?status=CASE_STATUS_NOPE", null))).containsExactly("status");
    assertThat(fields(rest("GET", "/v1/events?page_size=many", null))).containsExactly("page_size");
    assertThat(rest("GET", "/v1/events?trigger=TRIGGER_STOCK_DEPLETED", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aPathOrUriRefusedBeforeAnyRouteRunsIsStillAJsonStatus() throws Exception {
    Map<String, Integer> refused = Map.of("/v1/events/%00", 400, "/v1/events?sku=" + "X".repeat(10_000), 414);
    for (Map.Entry<String, Integer> call : refused.entrySet()) {
      HttpResponse<String> answer = rest("GET", call.getKey(), null);
      assertThat(answer.statusCode()).isEqualTo(call.getValue());
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
          .startsWith("application/json"));
      assertThat(answer.headers().firstValue("Connection")).as("Jetty closes it after").hasValue("close");
      assertThat(JSON.readTree(answer.body()).path("code").asInt()).as(answer.body())
          .isEqualTo(call.getValue() == 400 ? Status.Code.INVALID_ARGUMENT.value() : Status.Code.OUT_OF_RANGE.value());
    }
  }

  @Test
  void aRequestWithThousandsOfBadFieldsListsTheFirstOnesAndACount() throws Exception {
    StringBuilder orders = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      orders.append(i == 0 ? "" : ",").append("{\"order_id\":").append(i).append('}');
    }
    HttpResponse<String> answer = rest("POST", "/v1/skus/PAPER-A4:markUnavailable",
        "{\"reason\":\"damaged\",\"actor\":\"Dana\",\"affected_orders\":[" + orders + "]}");
    List<String> fields = fields(answer);
    assertThat(fields).hasSize(21).endsWith("");
    assertThat(answer.body()).contains("and 480 more fields").hasSizeLessThan(8_000);
  }

  private void assertNothingStored() {
    assertThat(gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsList()).isEmpty();
    assertThat(gateway.backorder().listCases(ListCasesRequest.getDefaultInstance()).getCasesList()).isEmpty();
  }
}
