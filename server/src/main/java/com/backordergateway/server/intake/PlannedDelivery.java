package com.backordergateway.server.intake;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.Purpose;
import com.backordergateway.api.v1.Recipient;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.routing.NoticeAbout;
import com.backordergateway.server.routing.NotificationRenderer;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;

/**
 * A delivery an intake call decided on, before its content is rendered: deciding needs the
 * store's state and runs on the writer; rendering needs none and runs beside it.
 */
record PlannedDelivery(String id, String eventId, NoticeAbout about, String route, String connector,
    Audience audience, Trigger trigger, Purpose purpose, Recipient recipient, Instant firstAttempt, Instant plannedAt) {

  /** The tag the writer knows this delivery's rows by until they are written: its case. */
  static String caseTag(String caseId) {
    return "case-deliveries:" + caseId;
  }

  /** The pending delivery, with its content rendered for the connector's type and the recipient. */
  Delivery render(NotificationRenderer renderer) {
    NotificationRenderer.Rendered content = renderer.render(connector, trigger, purpose, audience, about,
        recipient.getCustomer());
    Delivery.Builder d =
        Delivery.newBuilder()
            .setId(id)
            .setEventId(eventId)
            .setConnector(connector)
            .setAudience(audience)
            .setPurpose(purpose)
            .setTrigger(trigger)
            .setStatus(DeliveryStatus.DELIVERY_STATUS_PENDING)
            .setSubject(content.subject())
            .setBody(content.body())
            .putAllFacts(content.facts())
            .setNextAttemptAt(Timestamps.fromMillis(firstAttempt.toEpochMilli()))
            .setCreatedAt(Timestamps.fromMillis(plannedAt.toEpochMilli()))
            .setUpdatedAt(Timestamps.fromMillis(plannedAt.toEpochMilli()));
    if (!about.caseId().isEmpty()) {
      d.setCaseId(about.caseId());
    }
    if (route != null && !route.isEmpty()) {
      d.setRoute(route);
    }
    if (!recipient.equals(Recipient.getDefaultInstance())) {
      d.setRecipient(recipient);
    }
    return d.build();
  }
}
