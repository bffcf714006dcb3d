package com.backordergateway.server.http;

import com.backordergateway.server.errors.FieldViolations;
import com.backordergateway.server.errors.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Timestamp;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a REST request's JSON against its message's fields before protobuf's parser sees it,
 * so that a value of the wrong kind answers 400 naming the field instead of a parser message —
 * or, worse, a lenient reading: the parser rolls {@code 2026-13-45} over into 2027 and takes an
 * unknown enum name as "unset", which turns a filter off. Unknown field names are left to the
 * parser, which ignores them. Reports at most {@link FieldViolations#MAX_SHOWN} fields.
 */
final class JsonRequestCheck {

  private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final FieldViolations violations = new FieldViolations();

  private JsonRequestCheck() {}

  /** @throws InvalidRequestException listing the fields whose values their types cannot take */
  static void check(JsonNode json, Descriptor message) {
    JsonRequestCheck check = new JsonRequestCheck();
    check.message(json, message, "");
    check.violations.throwIfAny();
  }

  private void message(JsonNode json, Descriptor type, String path) {
    if (!json.isObject()) {
      add(path, "must be a JSON object");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      FieldDescriptor field = field(type, entry.getKey());
      if (field == null || entry.getValue().isNull()) {
        continue;
      }
      String at = path.isEmpty() ? field.getName() : path + "." + field.getName();
      if (field.isMapField()) {
        mapEntries(entry.getValue(), field, at);
      } else if (field.isRepeated()) {
        if (!entry.getValue().isArray()) {
          add(at, "must be a JSON array");
          continue;
        }
        for (int i = 0; i < entry.getValue().size(); i++) {
          value(entry.getValue().get(i), field, at + "[" + i + "]");
        }
      } else {
        value(entry.getValue(), field, at);
      }
    }
  }

  private void mapEntries(JsonNode json, FieldDescriptor field, String path) {
    if (!json.isObject()) {
      add(path, "must be a JSON object");
      return;
    }
    FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
    json.fields().forEachRemaining(e -> value(e.getValue(), valueField, path + "[" + e.getKey() + "]"));
  }

  private void value(JsonNode json, FieldDescriptor field, String path) {
    switch (field.getJavaType()) {
      case INT -> integer(json, path, field.getType() == FieldDescriptor.Type.UINT32
          || field.getType() == FieldDescriptor.Type.FIXED32 ? BigInteger.ZERO : INT32_MIN,
          field.getType() == FieldDescriptor.Type.UINT32 || field.getType() == FieldDescriptor.Type.FIXED32
              ? UINT32_MAX : INT32_MAX);
      case LONG -> integer(json, path, field.getType() == FieldDescriptor.Type.UINT64
          || field.getType() == FieldDescriptor.Type.FIXED64 ? BigInteger.ZERO : INT64_MIN,
          field.getType() == FieldDescriptor.Type.UINT64 || field.getType() == FieldDescriptor.Type.FIXED64
              ? UINT64_MAX : INT64_MAX);
      case FLOAT, DOUBLE -> {
        if (!json.isNumber() && !(json.isTextual() && json.asText().matches("NaN|-?Infinity|-?[0-9.eE+-]+"))) {
          add(path, "must be a number");
        }
      }
      case BOOLEAN -> {
        if (!json.isBoolean() && !(json.isTextual() && json.asText().matches("true|false"))) {
          add(path, "must be true or false");
        }
      }
      case STRING -> {
        if (!json.isTextual()) {
          add(path, "must be a JSON string");
        }
      }
      case BYTE_STRING -> {
        if (!json.isTextual()) {
          add(path, "must be base64 text");
        }
      }
      case ENUM -> enumValue(json, field.getEnumType(), path);
      case MESSAGE -> {
        if (field.getMessageType().getFullName().equals(Timestamp.getDescriptor().getFullName())) {
          timestamp(json, path);
        } else if (!field.getMessageType().getFullName().startsWith("google.protobuf.")) {
          message(json, field.getMessageType(), path);
        }
      }
    }
  }

  private void integer(JsonNode json, String path, BigInteger min, BigInteger max) {
    BigInteger value = null;
    if (json.isIntegralNumber()) {
      value = json.bigIntegerValue();
    } else if (json.isTextual() && json.asText().matches("-?[0-9]{1,20}")) {
      value = new BigInteger(json.asText());
    }
    if (value == null) {
      add(path, "must be a whole number");
    } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      add(path, "must be a whole number from " + min + " to " + max);
    }
  }

  private void enumValue(JsonNode json, EnumDescriptor type, String path) {
    boolean known = json.isTextual() ? type.findValueByName(json.asText()) != null
        : json.isIntegralNumber() && json.canConvertToInt() && type.findValueByNumber(json.intValue()) != null;
    if (!known) {
      List<String> names = type.getValues().stream().map(v -> v.getName()).toList();
      add(path, "unknown value; one of " + String.join(", ", names));
    }
  }

  /** RFC 3339 as proto3 JSON writes it, e.g. {@code 2026-05-02T15:00:00Z}; no rolling over. */
  private void timestamp(JsonNode json, String path) {
    try {
      if (!json.isTextual()) {
        throw new DateTimeParseException("not text", json.toString(), 0);
      }
      OffsetDateTime.parse(json.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      add(path, "must be an RFC 3339 time such as 2026-05-02T15:00:00Z");
    }
  }

  private static FieldDescriptor field(Descriptor type, String name) {
    FieldDescriptor byProtoName = type.findFieldByName(name);
    if (byProtoName != null) {
      return byProtoName;
    }
    return type.getFields().stream().filter(f -> f.getJsonName().equals(name)).findFirst().orElse(null);
  }

  private void add(String path, String problem) {
    violations.add(path, problem);
  }
}
