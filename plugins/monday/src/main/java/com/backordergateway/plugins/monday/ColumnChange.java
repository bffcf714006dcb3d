package com.backordergateway.plugins.monday;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Set;

/**
 * The parts of a monday.com column-change event ({@code body.event}) the source reads. Ids are
 * numbers in the JSON that can exceed 2^31 (and, for safety, are never narrowed): they are kept
 * as their digits.
 *
 * @param type {@code update_column_value} for a {@code change_column_value} or {@code
 *     change_status_column_value} subscription
 * @param triggerUuid the delivery's id, the same on monday.com's retries (every minute for 30
 *     minutes); empty when missing
 * @param userId who changed the column; empty when missing
 * @param boardId the board; empty when missing
 * @param pulseId the item ("pulse" in monday.com's events); empty when missing
 * @param pulseName the item's name; empty when missing
 * @param columnId the column that changed; empty when missing
 * @param columnType {@code color} (a classic status column) or {@code status} for a status column;
 *     empty when missing
 * @param label the status label it changed to ({@code value.label.text}); empty when cleared
 * @param previousLabel the label it had ({@code previousValue.label.text}); empty when none
 */
record ColumnChange(String type, String triggerUuid, String userId, String boardId, String pulseId, String pulseName,
    String columnId, String columnType, String label, String previousLabel) {

  /** The event types a column-change subscription arrives as. */
  static final Set<String> TYPES = Set.of("update_column_value", "change_status_column_value", "change_column_value");

  /** The column types of status columns. */
  static final Set<String> STATUS_TYPES = Set.of("color", "status");

  ColumnChange {
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(triggerUuid, "triggerUuid is null");
    Objects.requireNonNull(userId, "userId is null");
    Objects.requireNonNull(boardId, "boardId is null");
    Objects.requireNonNull(pulseId, "pulseId is null");
    Objects.requireNonNull(pulseName, "pulseName is null");
    Objects.requireNonNull(columnId, "columnId is null");
    Objects.requireNonNull(columnType, "columnType is null");
    Objects.requireNonNull(label, "label is null");
    Objects.requireNonNull(previousLabel, "previousLabel is null");
  }

  static ColumnChange read(JsonNode event) {
    return new ColumnChange(text(event.get("type")), text(event.get("triggerUuid")), id(event.get("userId")),
        id(event.get("boardId")), id(event.get("pulseId")), text(event.get("pulseName")), text(event.get("columnId")),
        text(event.get("columnType")), label(event.get("value")), label(event.get("previousValue")));
  }

  /** Whether the event is a column change at all. */
  boolean isColumnChange() {
    return TYPES.contains(type);
  }

  /**
   * Whether the column is a status column: its type says so, or, for an event without {@code
   * columnType}, its value is a label.
   */
  boolean isStatusColumn() {
    return columnType.isEmpty() ? !label.isEmpty() || !previousLabel.isEmpty() : STATUS_TYPES.contains(columnType);
  }

  /** {@code value.label.text}: a status column's label. */
  private static String label(JsonNode value) {
    if (value == null || !value.isObject()) {
      return "";
    }
    JsonNode label = value.get("label");
    if (label == null) {
      return "";
    }
    return label.isObject() ? text(label.get("text")) : text(label);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? "" : node.asText().strip();
  }

  /** A numeric id as its digits (never through a double or an int); a textual id as given. */
  private static String id(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return "";
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      return node.decimalValue().stripTrailingZeros().toPlainString();
    }
    return node.asText().strip();
  }
}
