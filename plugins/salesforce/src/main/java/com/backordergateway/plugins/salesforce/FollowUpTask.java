package com.backordergateway.plugins.salesforce;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The follow-up Task on a backordered Order, as {@code /sobjects/Task/} takes it: {@code Subject}
 * (the template's {@code Subject:} line), {@code WhatId} (the Order), {@code OwnerId},
 * {@code ActivityDate} (the ETA's day, or today plus {@code task-due-days}, both where the
 * customer lives), {@code Status}, {@code Priority} and {@code Description} (the posted text). An
 * ETA correction moves {@code ActivityDate}; a resolution sets the completed status.
 */
final class FollowUpTask {

  /** Task.Subject's length. */
  static final int MAX_SUBJECT = 255;

  private FollowUpTask() {}

  /**
   * The Task's subject.
   *
   * @throws PermanentDeliveryException when the template gave none, or one longer than Salesforce takes
   */
  static String subject(Notification notification) throws PermanentDeliveryException {
    String subject = notification.message().subject().strip();
    if (subject.isEmpty()) {
      throw new PermanentDeliveryException("salesforce: the rendered notice has no subject for the follow-up Task; "
          + "start the template for " + notification.trigger() + " / " + notification.purpose()
          + " with a 'Subject: …' line");
    }
    if (subject.length() > MAX_SUBJECT) {
      throw new PermanentDeliveryException("salesforce: the Task subject has " + subject.length()
          + " characters; Salesforce takes at most " + MAX_SUBJECT + ". Shorten the Subject line of the template for "
          + notification.trigger() + " / " + notification.purpose());
    }
    return subject;
  }

  /** A new Task on {@code orderId}; {@code completed} records a resolution that had no open Task. */
  static ObjectNode create(Notification notification, String orderId, String ownerId, String description,
      SalesforceSettings settings, Clock clock, boolean completed) throws PermanentDeliveryException {
    ObjectNode task = PlatformJson.get().object().put("Subject", subject(notification)).put("WhatId", orderId);
    if (!ownerId.isEmpty()) {
      task.put("OwnerId", ownerId);
    }
    return task.put("ActivityDate", dueDate(notification, settings, clock).toString())
        .put("Status", completed ? settings.taskCompletedStatus() : settings.taskStatus())
        .put("Priority", settings.taskPriority())
        .put("Description", description);
  }

  /** The update an ETA correction makes: the new due date. */
  static ObjectNode reschedule(Notification notification, SalesforceSettings settings, Clock clock) {
    return PlatformJson.get().object().put("ActivityDate", dueDate(notification, settings, clock).toString());
  }

  /** The update a resolution makes: the completed status. */
  static ObjectNode complete(SalesforceSettings settings) {
    return PlatformJson.get().object().put("Status", settings.taskCompletedStatus());
  }

  /** The ETA's day where the customer lives; without an ETA, today there plus {@code task-due-days}. */
  static LocalDate dueDate(Notification notification, SalesforceSettings settings, Clock clock) {
    ZoneId zone = zoneOf(notification.recipient().timeZone());
    try {
      return LocalDate.ofInstant(Instant.parse(notification.fact("eta").strip()), zone);
    } catch (DateTimeException noEta) {
      return LocalDate.now(clock.withZone(zone)).plusDays(settings.taskDueDays());
    }
  }

  private static ZoneId zoneOf(String timeZone) {
    try {
      return timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone.strip());
    } catch (DateTimeException unknownZone) {
      return ZoneOffset.UTC;
    }
  }
}
