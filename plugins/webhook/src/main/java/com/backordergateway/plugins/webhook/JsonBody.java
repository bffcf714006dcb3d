package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.WebhookRejectedException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * A posted body (or one element of its {@code orders}) read through the source's mapping. Every
 * refusal names the field and the pointer that failed, so the sender's author can fix the post.
 */
final class JsonBody {

  private final JsonNode node;
  private final Map<String, JsonPointer> fields;
  private final String where;

  JsonBody(JsonNode node, Map<String, JsonPointer> fields, String where) {
    this.node = node;
    this.fields = fields;
    this.where = where;
  }

  /** The element {@code index} of an array in the body, read with the same mapping. */
  JsonBody element(JsonNode element, String field, int index) {
    return new JsonBody(element, fields, where + fields.get(field) + "/" + index);
  }

  /** The value a mapped field points at, as text; empty when unmapped, absent, null or blank. */
  Optional<String> text(String field) throws WebhookRejectedException {
    JsonNode value = value(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw refused(field, "is not a single value");
    }
    return Optional.of(value.asText().strip()).filter(t -> !t.isEmpty());
  }

  String required(String field) throws WebhookRejectedException {
    return text(field).orElseThrow(() -> refused(field, "has no value"));
  }

  /** A whole number, as a JSON number or digits in a string (form-like senders send text). */
  int wholeNumber(String field) throws WebhookRejectedException {
    JsonNode value = value(field);
    if (value == null) {
      throw refused(field, "has no value");
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    if (value.isTextual() && value.asText().strip().matches("-?[0-9]{1,9}")) {
      return Integer.parseInt(value.asText().strip());
    }
    throw refused(field, "is not a whole number");
  }

  /** An instant: ISO-8601 with a zone, a date (midnight UTC), or Unix seconds. */
  Optional<Instant> instant(String field) throws WebhookRejectedException {
    JsonNode value = value(field);
    if (value == null || (value.isTextual() && value.asText().isBlank())) {
      return Optional.empty();
    }
    if (value.isIntegralNumber()) {
      return Optional.of(Instant.ofEpochSecond(value.longValue()));
    }
    String text = value.asText().strip();
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notAnOffsetTime) {
      try {
        return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException notADate) {
        throw refused(field, "is not a date: ISO-8601 such as 2026-05-02T15:00:00Z or 2026-05-02, or Unix seconds");
      }
    }
  }

  /** True for {@code true}, {@code "true"}, {@code "yes"} or {@code 1}; false when absent. */
  boolean flag(String field) throws WebhookRejectedException {
    JsonNode value = value(field);
    if (value == null) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    String text = value.asText().strip().toLowerCase(java.util.Locale.ROOT);
    if (text.equals("true") || text.equals("yes") || text.equals("1")) {
      return true;
    }
    if (text.isEmpty() || text.equals("false") || text.equals("no") || text.equals("0")) {
      return false;
    }
    throw refused(field, "is not true or false");
  }

  /** The node a mapped field points at; null when unmapped, absent or JSON null. */
  JsonNode value(String field) {
    JsonPointer pointer = fields.get(field);
    if (pointer == null) {
      return null;
    }
    JsonNode value = node.at(pointer);
    return value.isMissingNode() || value.isNull() ? null : value;
  }

  WebhookRejectedException refused(String field, String problem) {
    return WebhookRejectedException.malformed("json: " + field + " (" + where + fields.get(field) + ") " + problem);
  }
}
