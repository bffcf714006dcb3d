package com.backordergateway.client.cli;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.IntakeResponse;
import java.util.List;

/** How the API's records look in a terminal: the same columns wherever a record appears. */
final class Records {

  private Records() {}

  /** The answer every intake command prints. */
  static void intake(Output output, IntakeResponse response) {
    if (output.json()) {
      output.json(response);
      return;
    }
    output.field("event", response.getEventId());
    output.field("triggered", response.getTriggered()
        + (response.getTriggered() ? " (" + ProtoEnums.shortName(response.getTrigger()) + ")" : ""));
    output.field("reason", response.getReason());
    output.field("case change", ProtoEnums.shortName(response.getCaseChange()));
    output.field("cases", String.join(", ", response.getCaseIdsList()));
    if (response.getDuplicate()) {
      output.field("duplicate", "true (answer of an earlier call with this idempotency key)");
    }
    if (response.hasShipment()) {
      output.field("shipment", response.getShipment().getPoNumber() + " "
          + ProtoEnums.shortName(response.getShipment().getStatus())
          + ", expected " + Times.format(response.getShipment().getExpectedAt()));
    }
    output.line("");
    output.table(deliveries(response.getPlannedDeliveriesList()), "No deliveries planned.");
  }

  static Table events(List<Event> events) {
    Table table = new Table("EVENT", "RECEIVED", "KIND", "TRIGGER", "SKUS", "CASES", "REASON");
    for (Event e : events) {
      table.row(e.getId(), Times.format(e.getReceivedAt()), ProtoEnums.shortName(e.getKind()),
          ProtoEnums.shortName(e.getTrigger()), String.join(",", e.getSkusList()),
          String.join(",", e.getCaseIdsList()), e.getReason());
    }
    return table;
  }

  static Table cases(List<BackorderCase> cases) {
    Table table = new Table("CASE", "SKU", "STATUS", "OPENED BY", "OPENED", "ETA", "ORDERS", "REASON");
    for (BackorderCase c : cases) {
      table.row(c.getId(), c.getSku(), ProtoEnums.shortName(c.getStatus()),
          ProtoEnums.shortName(c.getOpenedBy()), Times.format(c.getOpenedAt()), Times.format(c.getEta()),
          c.getOrdersCount(), c.getReason());
    }
    return table;
  }

  static Table deliveries(List<Delivery> deliveries) {
    Table table = new Table("DELIVERY", "CONNECTOR", "PURPOSE", "STATUS", "TRIES", "RECIPIENT", "UPDATED", "ERROR/NOTE");
    for (Delivery d : deliveries) {
      table.row(d.getId(), d.getConnector(), ProtoEnums.shortName(d.getPurpose()),
          ProtoEnums.shortName(d.getStatus()), d.getAttempts(), recipient(d),
          Times.format(d.getUpdatedAt()), d.getLastError().isEmpty() ? d.getNote() : d.getLastError());
    }
    return table;
  }

  static Table orders(List<CustomerOrder> orders) {
    Table table = new Table("ORDER", "NAME", "EMAIL", "PHONE");
    for (CustomerOrder o : orders) {
      table.row(o.getOrderId(), o.getCustomer().getName(), o.getCustomer().getEmail(), o.getCustomer().getPhone());
    }
    return table;
  }

  /** One line per watched change: an event, or a delivery that moved. */
  static String change(com.backordergateway.api.v1.WatchEventsResponse change) {
    if (change.hasEvent()) {
      Event e = change.getEvent();
      return "event     " + e.getId() + "  " + ProtoEnums.shortName(e.getKind())
          + (e.getTriggered() ? "  " + ProtoEnums.shortName(e.getTrigger()) : "")
          + "  skus=" + String.join(",", e.getSkusList()) + "  " + e.getReason();
    }
    Delivery d = change.getDelivery();
    return "delivery  " + d.getId() + "  " + d.getConnector() + "  " + ProtoEnums.shortName(d.getPurpose())
        + "  " + ProtoEnums.shortName(d.getStatus()) + "  " + recipient(d)
        + (d.getLastError().isEmpty() ? "" : "  error=" + d.getLastError())
        + (d.getNote().isEmpty() ? "" : "  note=" + d.getNote());
  }

  private static String recipient(Delivery d) {
    return d.getAudience() == Audience.AUDIENCE_STAFF ? "staff" : d.getRecipient().getOrderId();
  }
}
