package com.backordergateway.server.grpc;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.GetCaseRequest;
import com.backordergateway.api.v1.GetEventRequest;
import com.backordergateway.api.v1.ListCasesRequest;
import com.backordergateway.api.v1.ListCasesResponse;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.ListDeliveriesResponse;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.ListEventsResponse;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.errors.InvalidRequestException;
import com.backordergateway.server.errors.NotFoundException;
import com.backordergateway.server.store.CaseRows;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.DeliveryRows;
import com.backordergateway.server.store.EventRows;
import com.backordergateway.server.store.Page;
import com.google.protobuf.util.Timestamps;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Read-side answers for events, cases and deliveries; each runs on a pooled read connection. */
@Singleton
final class BackorderQueries {

  private final Jdbi jdbi;

  @Inject
  BackorderQueries(Database database) {
    this.jdbi = database.jdbi();
  }

  Event getEvent(GetEventRequest r) {
    requireId("event_id", r.getEventId());
    return jdbi.withHandle(h -> EventRows.find(h, r.getEventId()))
        .orElseThrow(() -> new NotFoundException("no event " + r.getEventId()));
  }

  ListEventsResponse listEvents(ListEventsRequest r) {
    if (r.getTriggerValue() < 0 || r.getTrigger() == Trigger.UNRECOGNIZED) {
      throw InvalidRequestException.of("trigger", "unknown trigger");
    }
    int size = PageTokens.pageSize(r.getPageSize());
    long before = PageTokens.position(r.getPageToken(), r);
    EventRows.Filter filter =
        new EventRows.Filter(
            r.getSku(),
            r.getTrigger(),
            r.getCaseId(),
            r.hasReceivedAfter() ? millis("received_after", r.getReceivedAfter()) : 0,
            r.hasReceivedBefore() ? millis("received_before", r.getReceivedBefore()) : 0);
    List<Page.Row<Event>> rows = jdbi.withHandle(h -> EventRows.list(h, filter, before, size + 1));
    ListEventsResponse.Builder out = ListEventsResponse.newBuilder();
    rows.stream().limit(size).forEach(row -> out.addEvents(row.value()));
    out.setNextPageToken(PageTokens.next(lastSeq(rows, size), rows.size() > size, r));
    return out.build();
  }

  BackorderCase getCase(GetCaseRequest r) {
    requireId("case_id", r.getCaseId());
    return jdbi.withHandle(h -> CaseRows.find(h, r.getCaseId()).map(c -> CaseRows.withOrders(h, c)))
        .orElseThrow(() -> new NotFoundException("no case " + r.getCaseId()));
  }

  ListCasesResponse listCases(ListCasesRequest r) {
    if (r.getStatus() == CaseStatus.UNRECOGNIZED) {
      throw InvalidRequestException.of("status", "unknown status");
    }
    int size = PageTokens.pageSize(r.getPageSize());
    long before = PageTokens.position(r.getPageToken(), r);
    List<Page.Row<BackorderCase>> rows =
        jdbi.withHandle(h -> CaseRows.list(h, r.getSku(), r.getStatus(), before, size + 1).stream()
            .map(row -> new Page.Row<>(row.seq(), CaseRows.withOrders(h, row.value())))
            .toList());
    ListCasesResponse.Builder out = ListCasesResponse.newBuilder();
    rows.stream().limit(size).forEach(row -> out.addCases(row.value()));
    out.setNextPageToken(PageTokens.next(lastSeq(rows, size), rows.size() > size, r));
    return out.build();
  }

  ListDeliveriesResponse listDeliveries(ListDeliveriesRequest r) {
    if (r.getStatus() == DeliveryStatus.UNRECOGNIZED) {
      throw InvalidRequestException.of("status", "unknown status");
    }
    int size = PageTokens.pageSize(r.getPageSize());
    long before = PageTokens.position(r.getPageToken(), r);
    List<Page.Row<Delivery>> rows =
        jdbi.withHandle(h -> DeliveryRows.list(h, r.getStatus(), r.getConnectorId(), r.getCaseId(), before, size + 1));
    ListDeliveriesResponse.Builder out = ListDeliveriesResponse.newBuilder();
    rows.stream().limit(size).forEach(row -> out.addDeliveries(row.value()));
    out.setNextPageToken(PageTokens.next(lastSeq(rows, size), rows.size() > size, r));
    return out.build();
  }

  private static long lastSeq(List<? extends Page.Row<?>> rows, int size) {
    return rows.isEmpty() ? 0 : rows.get(Math.min(size, rows.size()) - 1).seq();
  }

  /** A filter's time in epoch millis; a timestamp that is none is a field violation, not INTERNAL. */
  static long millis(String field, com.google.protobuf.Timestamp value) {
    if (!Timestamps.isValid(value)) {
      throw InvalidRequestException.of(field, "not a valid time (nanos 0 to 999,999,999, years 1 to 9999)");
    }
    return Timestamps.toMillis(value);
  }

  private static void requireId(String field, String value) {
    if (value.isBlank()) {
      throw InvalidRequestException.of(field, "required");
    }
  }
}
