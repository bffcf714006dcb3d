package com.backordergateway.server.grpc;

import static com.backordergateway.server.testing.Requests.sale;
import static com.backordergateway.server.testing.StatusCodes.code;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.EventKind;
import com.backordergateway.api.v1.GetEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ListCasesRequest;
import com.backordergateway.api.v1.ListConnectorsResponse;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.ListEventsResponse;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueriesTest extends GatewayTest {


  @Test
  void getEventReturnsTheRecordedRequestAndDeliveries() throws Exception {
    ReportInventoryLevelRequest request = sale("PAINT-RED", 0, "A-1");
    IntakeResponse response = gateway.backorder().reportInventoryLevel(request);

    Event event = gateway.backorder().getEvent(GetEventRequest.newBuilder().setEventId(response.getEventId()).build());

    assertThat(event.getKind()).isEqualTo(EventKind.EVENT_KIND_INVENTORY_LEVEL);
    assertThat(event.getTrigger()).isEqualTo(Trigger.TRIGGER_STOCK_DEPLETED);
    assertThat(event.getSkusList()).containsExactly("PAINT-RED");
    assertThat(event.getCaseIdsList()).isEqualTo(response.getCaseIdsList());
    assertThat(event.getDeliveriesList()).extracting(d -> d.getId() + " " + d.getBody())
        .isEqualTo(response.getPlannedDeliveriesList().stream().map(d -> d.getId() + " " + d.getBody()).toList());
    assertThat(event.getRequest().unpack(ReportInventoryLevelRequest.class)).isEqualTo(request);
    assertThat(code(() -> gateway.backorder().getEvent(GetEventRequest.newBuilder().setEventId("evt_nope").build())))
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void pagesStayStableWhileEventsAreAdded() {
    for (int i = 0; i < 7; i++) {
      gateway.backorder().reportInventoryLevel(Requests.level("SKU-" + i, 3, InventoryCause.INVENTORY_CAUSE_COUNT));
    }
    ListEventsResponse page1 = gateway.backorder().listEvents(ListEventsRequest.newBuilder().setPageSize(3).build());
    gateway.backorder().reportInventoryLevel(Requests.level("SKU-new", 3, InventoryCause.INVENTORY_CAUSE_COUNT));

    List<String> seen = new ArrayList<>(page1.getEventsList().stream().map(e -> e.getSkus(0)).toList());
    String token = page1.getNextPageToken();
    while (!token.isEmpty()) {
      ListEventsResponse page = gateway.backorder().listEvents(ListEventsRequest.newBuilder().setPageSize(3).setPageToken(token).build());
      page.getEventsList().forEach(e -> seen.add(e.getSkus(0)));
      token = page.getNextPageToken();
    }

    assertThat(seen).containsExactly("SKU-6", "SKU-5", "SKU-4", "SKU-3", "SKU-2", "SKU-1", "SKU-0");
  }

  @Test
  void aTokenCannotBeReusedWithOtherFilters() {
    for (int i = 0; i < 3; i++) {
      gateway.backorder().reportInventoryLevel(Requests.level("SKU-A", 3 + i, InventoryCause.INVENTORY_CAUSE_COUNT));
    }
    String token = gateway.backorder().listEvents(ListEventsRequest.newBuilder().setSku("SKU-A").setPageSize(1).build()).getNextPageToken();
    assertThat(token).isNotEmpty();
    assertThat(code(() -> gateway.backorder().listEvents(
        ListEventsRequest.newBuilder().setSku("SKU-B").setPageSize(1).setPageToken(token).build())))
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void filtersBySkuTriggerCaseAndTime() {
    IntakeResponse red = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));
    gateway.clock.advance(Duration.ofHours(1));
    gateway.backorder().reportInventoryLevel(sale("PAINT-BLUE", 2, "A-2"));
    gateway.clock.advance(Duration.ofHours(1));
    gateway.backorder().reportInventoryLevel(Requests.level("PAINT-RED", 9, InventoryCause.INVENTORY_CAUSE_RECEIPT));

    assertThat(list(ListEventsRequest.newBuilder().setSku("PAINT-RED"))).hasSize(2);
    assertThat(list(ListEventsRequest.newBuilder().setTrigger(Trigger.TRIGGER_STOCK_DEPLETED)))
        .extracting(Event::getId).containsExactly(red.getEventId());
    assertThat(list(ListEventsRequest.newBuilder().setCaseId(red.getCaseIds(0)))).hasSize(2);
    assertThat(list(ListEventsRequest.newBuilder()
        .setReceivedAfter(Requests.at(gateway.clock.instant().minus(Duration.ofMinutes(90))))
        .setReceivedBefore(Requests.at(gateway.clock.instant().minus(Duration.ofMinutes(30))))))
        .extracting(e -> e.getSkus(0)).containsExactly("PAINT-BLUE");

    assertThat(gateway.backorder().listCases(ListCasesRequest.newBuilder().setStatus(CaseStatus.CASE_STATUS_RESTOCKED).build())
        .getCasesList()).extracting(c -> c.getSku()).containsExactly("PAINT-RED");
    assertThat(gateway.backorder().listCases(ListCasesRequest.newBuilder().setStatus(CaseStatus.CASE_STATUS_OPEN).build())
        .getCasesList()).isEmpty();
  }

  @Test
  void listConnectorsShowsInstancesWithSecretsMasked() {
    ListConnectorsResponse connectors = gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listConnectors(ListConnectorsRequest.getDefaultInstance());
    assertThat(connectors.getInstancesList()).extracting(i -> i.getId()).containsExactly("email", "sms", "slack", "tickets");
    assertThat(connectors.getInstances(0).getSettingsMap()).containsEntry("api-key", "****");
    assertThat(connectors.toString()).doesNotContain("very-secret-key");
  }

  List<Event> list(ListEventsRequest.Builder request) {
    return gateway.backorder().listEvents(request.build()).getEventsList();
  }
}
