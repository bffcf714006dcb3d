package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.GetCaseRequest;
import com.backordergateway.api.v1.GetEventRequest;
import com.backordergateway.api.v1.IngestPlatformEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListCasesRequest;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.PlatformSignal;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReloadPluginsRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.Resolution;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.api.v1.RetryDeliveriesRequest;
import com.backordergateway.api.v1.SetConnectorEnabledRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.api.v1.TestConnectorRequest;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Message;
import com.google.protobuf.util.Timestamps;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid request for every RPC of the API, about things a seeded store holds (an open case, its
 * event, a registered shipment), for the properties to mutate; and the REST route of each RPC, as
 * its {@code google.api.http} annotation gives it.
 */
final class ValidRequests {

  static final List<ServiceDescriptor> SERVICES =
      List.of(BackorderServiceGrpc.getServiceDescriptor(), AdminServiceGrpc.getServiceDescriptor());
  private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_][a-z0-9_.]*)}");

  /** One RPC with a valid request for it. */
  record Rpc(MethodDescriptor<?, ?> method, Message request) {
    @Override
    public String toString() {
      return method.getBareMethodName();
    }
  }

  /** The REST form of an RPC: verb, path template with its variables, and whether the body is the request. */
  record Route(Rpc rpc, String verb, String template, List<String> pathFields, boolean bodyIsRequest) {
    @Override
    public String toString() {
      return verb + " " + template;
    }
  }

  private ValidRequests() {}

  /** Seeds the store (a sale that opens a case, a registered shipment) and returns a request for every RPC. */
  static List<Rpc> seed(TestGateway gateway) {
    IntakeResponse sale = gateway.backorder().reportInventoryLevel(Requests.sale("PAPER-A4", 0, "ORD-1")
        .toBuilder().setCategory("paper").setIdempotencyKey("seed-sale").build());
    String caseId = sale.getCaseIds(0);
    gateway.backorder().registerExpectedShipment(shipment("PO-SEED"));
    Map<String, Message> requests = new LinkedHashMap<>();
    requests.put("ReportInventoryLevel", Requests.sale("PAPER-A4", -3, "ORD-2").toBuilder()
        .setObservedAt(Requests.at(gateway.clock.instant())).setIdempotencyKey("key-1").setCategory("paper").build());
    requests.put("MarkUnavailable", MarkUnavailableRequest.newBuilder().setSku("INK-BLACK").setReason("damaged")
        .setActor("Dana").setEta(Requests.at(gateway.clock.instant().plusSeconds(86_400)))
        .addAffectedOrders(Requests.order("ORD-3")).setCategory("ink").build());
    requests.put("RegisterExpectedShipment", shipment("PO-2"));
    requests.put("ReportShipmentUpdate", ReportShipmentUpdateRequest.newBuilder().setPoNumber("PO-SEED")
        .setNewExpectedAt(Requests.at(gateway.clock.instant().plusSeconds(3 * 86_400))).build());
    requests.put("IngestPlatformEvent", IngestPlatformEventRequest.newBuilder().setSource("shopify")
        .setInstance("main-store").setSignal(PlatformSignal.newBuilder().setDeliveryId("wh-1")
            .setOrder(Requests.order("S-1001")).addBackorderedSkus("EMB-HOOP-6")
            .setEta(Requests.at(gateway.clock.instant().plusSeconds(86_400))))
        .build());
    requests.put("ResolveBackorder", ResolveBackorderRequest.newBuilder().setCaseId(caseId)
        .setResolution(Resolution.RESOLUTION_RESTOCKED).setMessage("back on the shelf").build());
    requests.put("GetEvent", GetEventRequest.newBuilder().setEventId(sale.getEventId()).build());
    requests.put("ListEvents", ListEventsRequest.newBuilder().setSku("PAPER-A4")
        .setTrigger(Trigger.TRIGGER_STOCK_DEPLETED).setCaseId(caseId).setPageSize(10)
        .setReceivedAfter(Timestamps.fromSeconds(0)).setReceivedBefore(Requests.at(gateway.clock.instant().plusSeconds(60)))
        .build());
    requests.put("GetCase", GetCaseRequest.newBuilder().setCaseId(caseId).build());
    requests.put("ListCases", ListCasesRequest.newBuilder().setSku("PAPER-A4").setStatus(CaseStatus.CASE_STATUS_OPEN)
        .setPageSize(10).build());
    requests.put("WatchEvents", WatchEventsRequest.newBuilder().setSku("PAPER-A4").build());
    requests.put("ListConnectors", ListConnectorsRequest.getDefaultInstance());
    requests.put("ReloadPlugins", ReloadPluginsRequest.getDefaultInstance());
    requests.put("SetConnectorEnabled", SetConnectorEnabledRequest.newBuilder().setConnectorId("sms").setEnabled(true)
        .build());
    requests.put("TestConnector", TestConnectorRequest.newBuilder().setConnectorId("email").setDryRun(true)
        .setRecipient(Customer.newBuilder().setName("Maya").setEmail("maya@example.com")).build());
    requests.put("ListDeliveries", ListDeliveriesRequest.newBuilder().setStatus(DeliveryStatus.DELIVERY_STATUS_PENDING)
        .setConnectorId("email").setCaseId(caseId).setPageSize(10).build());
    requests.put("RetryDeliveries", RetryDeliveriesRequest.newBuilder().setStatus(DeliveryStatus.DELIVERY_STATUS_DEAD)
        .setConnectorId("email").setUpdatedBefore(Requests.at(gateway.clock.instant())).build());

    List<Rpc> rpcs = new ArrayList<>();
    for (ServiceDescriptor service : SERVICES) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        Message request = requests.remove(method.getBareMethodName());
        assertThat(request).as("a valid request for %s", method.getFullMethodName()).isNotNull();
        rpcs.add(new Rpc(method, request));
      }
    }
    assertThat(requests).as("requests for RPCs the services do not have").isEmpty();
    return rpcs;
  }

  /** The REST route of every RPC that has one. */
  static List<Route> routes(List<Rpc> rpcs) {
    List<Route> routes = new ArrayList<>();
    for (Rpc rpc : rpcs) {
      if (!(rpc.method().getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier)) {
        continue;
      }
      HttpRule rule = supplier.getMethodDescriptor().getOptions().getExtension(AnnotationsProto.http);
      String verb = switch (rule.getPatternCase()) {
        case GET -> "GET";
        case POST -> "POST";
        case PUT -> "PUT";
        case PATCH -> "PATCH";
        case DELETE -> "DELETE";
        default -> null;
      };
      if (verb == null) {
        continue;
      }
      String template = switch (rule.getPatternCase()) {
        case GET -> rule.getGet();
        case POST -> rule.getPost();
        case PUT -> rule.getPut();
        case PATCH -> rule.getPatch();
        default -> rule.getDelete();
      };
      List<String> fields = new ArrayList<>();
      Matcher m = VARIABLE.matcher(template);
      while (m.find()) {
        fields.add(m.group(1));
      }
      routes.add(new Route(rpc, verb, template, List.copyOf(fields), rule.getBody().equals("*")));
    }
    return routes;
  }

  private static RegisterExpectedShipmentRequest shipment(String po) {
    return RegisterExpectedShipmentRequest.newBuilder().setSupplier("Fast Paper Co").setPoNumber(po)
        .addLines(ShipmentLine.newBuilder().setSku("PAPER-A4").setQuantity(40))
        .setExpectedAt(Timestamps.fromSeconds(1_900_000_000L)).setIdempotencyKey("ship-" + po).build();
  }
}
