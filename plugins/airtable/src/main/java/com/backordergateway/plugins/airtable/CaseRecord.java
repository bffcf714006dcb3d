package com.backordergateway.plugins.airtable;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.Recipient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The upsert that keeps a case's record: {@code {"performUpsert":{"fieldsToMergeOn":[<case key
 * field>]},"records":[{"fields":{…}}],"typecast":true}}. The case key is the case id and what the
 * record is about — {@code case_01J… / order 5678901234567} for a customer's order, {@code
 * case_01J… / staff} for the staff's record of the case — so every delivery about the same case
 * and order lands on the same record, and a record deleted meanwhile is simply created again.
 */
final class CaseRecord {

  private static final PlatformJson JSON = PlatformJson.get();

  private CaseRecord() {}

  static String caseKey(Notification notification) {
    String caseId = notification.fact("case_id").strip();
    String subject = caseId.isEmpty() ? "sku " + notification.fact("sku").strip() : caseId;
    if (notification.audience() == Audience.STAFF) {
      return subject + " / staff";
    }
    String order = notification.recipient().orderId().isEmpty() ? notification.fact("order_id")
        : notification.recipient().orderId();
    return subject + " / order " + order.strip();
  }

  static ObjectNode upsert(Notification notification, AirtableSettings settings, Instant now) {
    ObjectNode body = JSON.object();
    body.putObject("performUpsert").putArray("fieldsToMergeOn").add(settings.field(RecordField.CASE_KEY));
    ObjectNode fields = body.putArray("records").addObject().putObject("fields");
    Recipient customer = notification.recipient();
    fields.put(settings.field(RecordField.CASE_KEY), caseKey(notification));
    putIfKnown(fields, settings.field(RecordField.STATUS), notification.fact("status"));
    fields.put(settings.field(RecordField.TRIGGER),
        notification.trigger().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    putIfKnown(fields, settings.field(RecordField.SKU), notification.fact("sku"));
    putIfKnown(fields, settings.field(RecordField.PRODUCT), notification.fact("product"));
    putIfKnown(fields, settings.field(RecordField.ORDER), notification.fact("order_name"));
    putIfKnown(fields, settings.field(RecordField.CUSTOMER), customer.email().isEmpty() ? customer.name()
        : customer.name().isEmpty() ? customer.email() : customer.name() + " <" + customer.email() + ">");
    etaDay(notification, settings.zone()).ifPresentOrElse(day -> fields.put(settings.field(RecordField.ETA), day),
        () -> fields.putNull(settings.field(RecordField.ETA)));
    fields.put(settings.field(RecordField.LAST_UPDATE), notification.message().body().strip());
    fields.put(settings.field(RecordField.UPDATED_AT), now.toString());
    body.put("typecast", true);
    return body;
  }

  /** An unknown value leaves the field as it is, rather than blanking what an earlier delivery wrote. */
  private static void putIfKnown(ObjectNode fields, String field, String value) {
    if (!value.isBlank()) {
      fields.put(field, value.strip());
    }
  }

  /** The ETA's day where the customer lives (else in {@code zone}); empty without an ETA, which clears the field. */
  private static Optional<String> etaDay(Notification notification, ZoneId fallback) {
    String eta = notification.fact("eta").strip();
    if (eta.isEmpty()) {
      return Optional.empty();
    }
    try {
      String zone = notification.recipient().timeZone().strip();
      return Optional.of(LocalDate.ofInstant(Instant.parse(eta), zone.isEmpty() ? fallback : ZoneId.of(zone))
          .toString());
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }
}
