package com.backordergateway.server.intake;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseChange;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.Purpose;
import com.backordergateway.api.v1.Recipient;
import com.backordergateway.api.v1.Shipment;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.routing.NoticeAbout;
import com.backordergateway.server.routing.NotificationRenderer;
import com.backordergateway.server.routing.QuietHours;
import com.backordergateway.server.routing.RoutePlanner;
import com.backordergateway.server.store.CaseRows;
import com.backordergateway.server.store.DeliveryRows;
import com.backordergateway.server.store.GroupCommitWriter;
import com.backordergateway.server.store.ShipmentRows;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * One intake call inside its write transaction: the case operations the trigger rules share,
 * and what the call has done so far (the outcome that becomes the event and the answer).
 */
final class IntakeTransaction {

  final Handle h;
  final Instant now;
  final String eventId;
  private final Ids ids;
  private final RoutePlanner routes;
  private final NotificationRenderer renderer;
  private final KnownSkus known;
  private final GroupCommitWriter writer;

  private Trigger trigger = Trigger.TRIGGER_UNSPECIFIED;
  private String reason = "";
  private CaseChange caseChange = CaseChange.CASE_CHANGE_UNSPECIFIED;
  private final Set<String> skus = new LinkedHashSet<>();
  private final Set<String> caseIds = new LinkedHashSet<>();
  private final List<PlannedDelivery> deliveries = new ArrayList<>();
  private final Set<String> openedHere = new HashSet<>();
  private Shipment shipment;

  IntakeTransaction(Handle h, Instant now, String eventId, Ids ids, RoutePlanner routes, NotificationRenderer renderer,
      KnownSkus known, GroupCommitWriter writer) {
    this.writer = writer;
    this.h = h;
    this.now = now;
    this.eventId = eventId;
    this.ids = ids;
    this.routes = routes;
    this.renderer = renderer;
    this.known = known;
  }

  // ---- outcome ----

  /** A rule fired. */
  void fired(Trigger trigger, String reason) {
    this.trigger = trigger;
    this.reason = reason;
  }

  /** No rule fired; the reason says why, in words the caller can act on. */
  void notFired(String reason) {
    this.trigger = Trigger.TRIGGER_UNSPECIFIED;
    this.reason = reason;
  }

  void touchedSku(String sku) {
    skus.add(sku);
  }

  void shipment(Shipment shipment) {
    this.shipment = shipment;
  }

  /** A shipment of the SKU was registered: its notices may now name the supplier's date. */
  void shipmentExpected(String sku) {
    known.shipmentExpected(sku);
  }

  /** Records a case change; OPENED and resolutions outrank UPDATED when a call does several. */
  void caseChanged(String caseId, CaseChange change) {
    caseIds.add(caseId);
    if (caseChange == CaseChange.CASE_CHANGE_UNSPECIFIED || caseChange == CaseChange.CASE_CHANGE_UPDATED) {
      caseChange = change;
    }
  }

  Trigger trigger() {
    return trigger;
  }

  String reason() {
    return reason;
  }

  CaseChange caseChange() {
    return caseChange;
  }

  Set<String> skus() {
    return skus;
  }

  Set<String> caseIds() {
    return caseIds;
  }

  List<PlannedDelivery> deliveries() {
    return deliveries;
  }

  Optional<Shipment> shipmentResult() {
    return Optional.ofNullable(shipment);
  }

  // ---- cases ----

  /**
   * The SKU's open case, if any. From here on this transaction decides alone about the SKU: a
   * replica sharing the store that asks for it waits until this one has committed.
   */
  Optional<BackorderCase> openCase(String sku) {
    writer.dialect().serialize(h, "sku:" + sku);
    return known.mayHaveOpenCase(sku) ? CaseRows.openForSku(h, sku) : Optional.empty();
  }

  /** The case with this id, read once its SKU is this transaction's alone (see {@link #openCase(String)}). */
  Optional<BackorderCase> caseById(String caseId) {
    Optional<BackorderCase> c = CaseRows.find(h, caseId);
    if (c.isEmpty() || !writer.dialect().shared()) {
      return c;
    }
    writer.dialect().serialize(h, "sku:" + c.get().getSku());
    return CaseRows.find(h, caseId); // as the replica that held the SKU left it
  }

  /** The shipment with this PO number, read once it is this transaction's alone. */
  Optional<Shipment> findShipment(String poNumber) {
    writer.dialect().serialize(h, "po:" + poNumber);
    return ShipmentRows.find(h, poNumber);
  }

  /**
   * Opens a case for the SKU and plans the staff alert — once per SKU per open case, because
   * a SKU has at most one open case. {@code raisedBy} is the order whose sale or platform report
   * opened it (named in the alert), or null.
   */
  BackorderCase openCase(String sku, String category, Trigger openedBy, String why, Timestamp eta,
      CustomerOrder raisedBy) {
    BackorderCase.Builder c =
        BackorderCase.newBuilder()
            .setId(ids.next("case"))
            .setSku(sku)
            .setCategory(category)
            .setOpenedBy(openedBy)
            .setStatus(CaseStatus.CASE_STATUS_OPEN)
            .setReason(why)
            .setOpenedAt(Timestamps.fromMillis(now.toEpochMilli()))
            .setUpdatedAt(Timestamps.fromMillis(now.toEpochMilli()));
    if (eta != null) {
      c.setEta(eta);
    }
    BackorderCase opened = c.build();
    CaseRows.insert(h, opened);
    known.caseOpened(sku);
    openedHere.add(opened.getId());
    caseChanged(opened.getId(), CaseChange.CASE_CHANGE_OPENED);
    NoticeAbout about = about(opened);
    if (raisedBy != null) {
      about = about.forOrder(raisedBy.getOrderId(), raisedBy.getOrderName());
    }
    planStaff(about, List.of(sku), openedBy, Purpose.PURPOSE_STAFF_ALERT);
    return opened;
  }

  /**
   * What notices about the case say: its own ETA, or — while it has none — the expected date of
   * the first registered shipment of its SKU that has not arrived (marked as the supplier's).
   */
  NoticeAbout about(BackorderCase c) {
    NoticeAbout about = NoticeAbout.of(c);
    if (c.hasEta() || !known.mayHaveExpectedShipment(c.getSku())) {
      return about;
    }
    return ShipmentRows.earliestExpected(h, c.getSku()).map(about::expectedFrom).orElse(about);
  }

  /**
   * Adds an order to a case and plans its customer notice; false (and nothing planned) when
   * the case already had the order — one notice per affected order.
   */
  boolean addOrder(BackorderCase c, CustomerOrder order, Trigger trigger) {
    if (!CaseRows.addOrder(h, c.getId(), order, now)) {
      return false;
    }
    if (!openedHere.contains(c.getId())) {
      CaseRows.touch(h, c.getId(), now); // a case opened by this call already carries its time
    }
    caseChanged(c.getId(), CaseChange.CASE_CHANGE_UPDATED);
    planCustomer(about(c), trigger, Purpose.PURPOSE_CUSTOMER_NOTICE, order);
    return true;
  }

  /**
   * Moves the case to a new ETA ({@code null}: later than planned, date unknown). Customers
   * already told get a correction; those whose notice has not gone out yet get that notice
   * again with the new date instead, so nobody hears the old one and then a correction.
   * {@code supplier} and {@code poNumber} name the shipment behind a supplier delay (else empty).
   * Returns how many orders hear the new date.
   */
  int correctEta(BackorderCase c, Instant eta, Trigger trigger, String supplier, String poNumber) {
    writer.writeHandedOff(PlannedDelivery.caseTag(c.getId())); // notices an earlier call of this batch planned
    if (eta != null) {
      CaseRows.setEta(h, c.getId(), eta, now);
    } else {
      CaseRows.touch(h, c.getId(), now);
    }
    caseChanged(c.getId(), CaseChange.CASE_CHANGE_UPDATED);
    NoticeAbout about = about(c).delayedBy(supplier, poNumber, eta);
    Set<String> told = new HashSet<>();
    DeliveryRows.forCase(h, c.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED).stream()
        .filter(d -> d.getAudience() == Audience.AUDIENCE_CUSTOMER)
        .forEach(d -> told.add(d.getRecipient().getOrderId()));
    List<CustomerOrder> orders = CaseRows.orders(h, c.getId());
    for (CustomerOrder order : orders) {
      if (told.contains(order.getOrderId())) {
        planCustomer(about, trigger, Purpose.PURPOSE_ETA_CORRECTION, order);
      } else if (DeliveryRows.cancelUnsentNotices(h, c.getId(), order.getOrderId(), now) > 0) {
        planCustomer(about, c.getOpenedBy(), Purpose.PURPOSE_CUSTOMER_NOTICE, order);
      }
    }
    return orders.size();
  }

  /**
   * Resolves an open case: cancels its notices not yet sent — nobody hears "backordered" once
   * the item is back — and plans resolution notices for everyone who was already told.
   * {@code message} is for everyone told; {@code note} (why, e.g. the stock count) for staff only.
   */
  void resolve(BackorderCase c, CaseStatus status, String message, String note) {
    if (!CaseRows.resolve(h, c.getId(), status, message, now)) {
      throw new IllegalStateException("case " + c.getId() + " is no longer open");
    }
    known.caseResolved(c.getSku());
    writer.writeHandedOff(PlannedDelivery.caseTag(c.getId())); // so notices planned earlier in this batch are cancelled
    DeliveryRows.cancelUnsent(h, c.getId(), now);
    caseChanged(
        c.getId(),
        status == CaseStatus.CASE_STATUS_RESTOCKED
            ? CaseChange.CASE_CHANGE_RESTOCKED
            : CaseChange.CASE_CHANGE_CANCELLED);
    NoticeAbout about = NoticeAbout.of(c).resolved(
        status == CaseStatus.CASE_STATUS_RESTOCKED ? "restocked" : "cancelled", message, note);
    Set<String> told = new HashSet<>();
    for (Delivery sent : DeliveryRows.forCase(h, c.getId(), DeliveryStatus.DELIVERY_STATUS_DELIVERED)) {
      String who = sent.getConnector() + "|" + sent.getAudience() + "|" + sent.getRecipient().getOrderId();
      if (sent.getPurpose() != Purpose.PURPOSE_RESOLUTION && told.add(who)) {
        NoticeAbout toThem = sent.getAudience() == Audience.AUDIENCE_CUSTOMER
            ? about.forOrder(sent.getRecipient().getOrderId(), sent.getFactsOrDefault("order_name", ""))
            : about;
        deliveries.add(delivery(toThem, sent.getRoute(), sent.getConnector(), sent.getAudience(),
            sent.getTrigger(), Purpose.PURPOSE_RESOLUTION, sent.getRecipient()));
      }
    }
  }

  // ---- planning ----

  /** One staff message per connector, however many of the SKUs its routes match. */
  void planStaff(NoticeAbout about, List<String> skus, Trigger trigger, Purpose purpose) {
    Set<String> connectors = new HashSet<>();
    for (String sku : skus) {
      RoutePlanner.Subject subject = new RoutePlanner.Subject(trigger, Audience.AUDIENCE_STAFF, sku, about.category(),
          about.supplier());
      for (RoutePlanner.Target target : routes.targets(subject)) {
        if (connectors.add(target.connector())) {
          deliveries.add(delivery(about, target.route(), target.connector(), Audience.AUDIENCE_STAFF, trigger, purpose,
              Recipient.getDefaultInstance()));
        }
      }
    }
  }

  private void planCustomer(NoticeAbout about, Trigger trigger, Purpose purpose, CustomerOrder order) {
    Recipient recipient =
        Recipient.newBuilder().setOrderId(order.getOrderId()).setCustomer(order.getCustomer()).build();
    RoutePlanner.Subject subject = new RoutePlanner.Subject(trigger, Audience.AUDIENCE_CUSTOMER, about.sku(),
        about.category(), about.supplier());
    NoticeAbout aboutTheOrder = about.forOrder(order.getOrderId(), order.getOrderName());
    for (RoutePlanner.Target target : routes.targets(subject)) {
      deliveries.add(delivery(aboutTheOrder, target.route(), target.connector(), Audience.AUDIENCE_CUSTOMER, trigger,
          purpose, recipient));
    }
  }

  /**
   * When a new delivery may first go out: customer notices wait out the route's quiet hours in
   * the recipient's zone; staff alerts on a coalescing route wait one window for others to join.
   */
  private Instant firstAttempt(String route, Audience audience, Recipient recipient) {
    if (route == null || route.isEmpty()) {
      return now;
    }
    if (audience == Audience.AUDIENCE_STAFF) {
      return routes.coalesce(route).map(now::plus).orElse(now);
    }
    return routes.quietHours(route).map(window -> QuietHours.release(now, renderer.zoneOf(recipient.getCustomer()),
        window[0], window[1])).orElse(now);
  }

  /** A delivery decided now; its content is rendered off the writer thread (see IntakeService). */
  private PlannedDelivery delivery(NoticeAbout about, String route, String connector, Audience audience, Trigger trigger,
      Purpose purpose, Recipient recipient) {
    return new PlannedDelivery(ids.next("dlv"), eventId, about, route, connector, audience, trigger, purpose, recipient,
        firstAttempt(route, audience, recipient), now);
  }
}
