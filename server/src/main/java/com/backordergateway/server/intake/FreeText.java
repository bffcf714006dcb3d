package com.backordergateway.server.intake;

import com.backordergateway.api.v1.RawWebhook;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.MessageOrBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every text field of an intake request, found from its descriptor so a new field is covered:
 * at most {@link Violations#MAX_TEXT} characters, and no control characters. A NUL or ESC would
 * reach an SMS, a ticket or an operator's terminal as sent, so they are refused (never silently
 * stripped: the caller learns of it and nothing is stored); tabs and line breaks are allowed only
 * in the fields people write several lines in. Tighter rules (SKU patterns, shorter caps) stay
 * with each trigger rule.
 */
final class FreeText {

  private static final Set<String> MULTI_LINE = Set.of("reason", "message");

  private FreeText() {}

  static void check(MessageOrBuilder message, Violations violations) {
    check(message, "", violations);
  }

  private static void check(MessageOrBuilder message, String path, Violations violations) {
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor f = field.getKey();
      String name = path + f.getName();
      if (f.getJavaType() == JavaType.MESSAGE && f.getMessageType() == RawWebhook.getDescriptor()) {
        continue; // signed bytes and headers for the source plugin, which verifies and parses them
      }
      if (f.isRepeated()) {
        List<?> items = (List<?>) field.getValue();
        for (int i = 0; i < items.size(); i++) {
          value(f, items.get(i), name + "[" + i + "]", violations);
        }
      } else {
        value(f, field.getValue(), name, violations);
      }
    }
  }

  private static void value(FieldDescriptor f, Object value, String path, Violations violations) {
    if (value instanceof MessageOrBuilder nested) {
      check(nested, path + ".", violations);
    } else if (value instanceof String text) {
      text(text, path, MULTI_LINE.contains(f.getName()), violations);
    }
  }

  private static void text(String text, String path, boolean multiLine, Violations violations) {
    if (text.length() > Violations.MAX_TEXT) {
      violations.add(path, "must be at most " + Violations.MAX_TEXT + " characters");
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
        violations.add(path, "must not contain control characters (U+%04X at character %d)%s"
            .formatted((int) c, i + 1, multiLine ? "; tabs and line breaks are fine" : ""));
        return;
      }
    }
  }
}
