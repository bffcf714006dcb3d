package com.backordergateway.client.cli;

import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.GetEventRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.ListEventsResponse;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.api.v1.WatchEventsResponse;
import com.backordergateway.client.BackorderClient;
import com.google.protobuf.Timestamp;
import io.grpc.Context;
import java.util.Iterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Events: what the gateway recorded for each intake call, and the live stream of changes. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "List, show and watch events.")
final class EventsCommand extends GroupCommand {

  @ParentCommand BackorderCtl ctl;

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List events, newest first.")
  int list(
      @Option(names = "--sku", description = "Only events touching this SKU.") String sku,
      @Option(names = "--trigger", description = "Only events where this rule fired: stock_depleted,"
          + " marked_unavailable, supplier_delayed, platform_backorder.") Trigger trigger,
      @Option(names = "--case", paramLabel = "CASE_ID", description = "Only events of this case.") String caseId,
      @Option(names = "--after", paramLabel = "TIME", description = "Received at or after.") Timestamp after,
      @Option(names = "--before", paramLabel = "TIME", description = "Received before.") Timestamp before,
      @Option(names = "--page-size", defaultValue = "0", description = "Events per page (gateway default 50).") int pageSize,
      @Option(names = "--page-token", paramLabel = "TOKEN", description = "Token of the page to fetch.") String pageToken) {
    ListEventsRequest.Builder request = ListEventsRequest.newBuilder().setPageSize(pageSize);
    if (sku != null) {
      request.setSku(sku);
    }
    if (trigger != null) {
      request.setTrigger(trigger);
    }
    if (caseId != null) {
      request.setCaseId(caseId);
    }
    if (after != null) {
      request.setReceivedAfter(after);
    }
    if (before != null) {
      request.setReceivedBefore(before);
    }
    if (pageToken != null) {
      request.setPageToken(pageToken);
    }
    ListEventsResponse response;
    try (BackorderClient client = ctl.connect()) {
      response = client.backorder().listEvents(request.build());
    }
    Output output = ctl.output();
    if (output.json()) {
      output.json(response);
    } else {
      output.table(Records.events(response.getEventsList()), "No events.");
      output.nextPage(response.getNextPageToken());
    }
    return 0;
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one event and its deliveries.")
  int get(@Parameters(paramLabel = "EVENT_ID", description = "The event id.") String eventId) {
    Event event;
    try (BackorderClient client = ctl.connect()) {
      event = client.backorder().getEvent(GetEventRequest.newBuilder().setEventId(eventId).build());
    }
    Output output = ctl.output();
    if (output.json()) {
      output.json(event);
      return 0;
    }
    output.field("event", event.getId());
    output.field("cursor", event.getCursor());
    output.field("received", Times.format(event.getReceivedAt()));
    output.field("kind", ProtoEnums.shortName(event.getKind()));
    output.field("triggered", event.getTriggered() + (event.getTriggered()
        ? " (" + ProtoEnums.shortName(event.getTrigger()) + ")" : ""));
    output.field("reason", event.getReason());
    output.field("skus", String.join(", ", event.getSkusList()));
    output.field("cases", String.join(", ", event.getCaseIdsList()));
    output.field("case change", ProtoEnums.shortName(event.getCaseChange()));
    output.line("");
    output.table(Records.deliveries(event.getDeliveriesList()), "No deliveries planned.");
    return 0;
  }

  @Command(name = "watch", mixinStandardHelpOptions = true,
      description = "Stream events and delivery status changes as they are committed.")
  int watch(
      @Option(names = "--sku", description = "Only changes about this SKU.") String sku,
      @Option(names = "--after", paramLabel = "CURSOR",
          description = "Resume after this cursor (0: every event from the start); default: from now.") String after,
      @Option(names = "--limit", defaultValue = "0", description = "Stop after this many changes (0: never).") int limit) {
    WatchEventsRequest.Builder request = WatchEventsRequest.newBuilder();
    if (sku != null) {
      request.setSku(sku);
    }
    if (after != null) {
      request.setAfterCursor(after);
    }
    Output output = ctl.output();
    try (BackorderClient client = ctl.connect();
        Context.CancellableContext watch = Context.current().withCancellation()) {
      // Closing the context cancels the stream once the limit is reached.
      watch.run(() -> {
        Iterator<WatchEventsResponse> changes = client.backorder().watchEvents(request.build());
        for (int seen = 0; (limit == 0 || seen < limit) && changes.hasNext(); seen++) {
          WatchEventsResponse change = changes.next();
          if (output.json()) {
            output.jsonLine(change);
          } else {
            output.line(change.getCursor() + "  " + Records.change(change));
          }
        }
      });
    }
    return 0;
  }
}
