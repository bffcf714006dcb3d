package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The GraphQL request bodies ({@code {"query": …, "variables": {…}}}) of the three mutations the
 * connector makes. Every value travels as a variable, never spliced into the query text, so a
 * product name with quotes or braces cannot break (or change) the mutation. Optional arguments
 * that are not set are left out of {@code variables} altogether: monday.com then applies its
 * default (the board's top group, no column values) rather than an explicit null.
 */
final class BoardMutations {

  static final String CREATE_ITEM = "mutation CreateBackorderItem($boardId: ID!, $groupId: String, "
      + "$itemName: String!, $columnValues: JSON) { create_item(board_id: $boardId, group_id: $groupId, "
      + "item_name: $itemName, column_values: $columnValues) { id } }";

  static final String SET_STATUS = "mutation SetBackorderStatus($boardId: ID!, $itemId: ID!, "
      + "$statusColumnId: String!, $status: JSON!) { status: change_column_value(board_id: $boardId, "
      + "item_id: $itemId, column_id: $statusColumnId, value: $status) { id } }";

  /** The status and the date together: both changes are idempotent, so a retry may repeat them. */
  static final String SET_STATUS_AND_ETA = "mutation SetBackorderStatusAndEta($boardId: ID!, $itemId: ID!, "
      + "$statusColumnId: String!, $status: JSON!, $etaColumnId: String!, $eta: JSON!) { "
      + "status: change_column_value(board_id: $boardId, item_id: $itemId, column_id: $statusColumnId, "
      + "value: $status) { id } eta: change_column_value(board_id: $boardId, item_id: $itemId, "
      + "column_id: $etaColumnId, value: $eta) { id } }";

  static final String POST_UPDATE = "mutation PostBackorderUpdate($itemId: ID!, $body: String!) { "
      + "create_update(item_id: $itemId, body: $body) { id } }";

  static final String POST_UPDATE_MENTIONING = "mutation PostBackorderUpdate($itemId: ID!, $body: String!, "
      + "$mentionsList: [UpdateMention]) { create_update(item_id: $itemId, body: $body, "
      + "mentions_list: $mentionsList) { id } }";

  private static final PlatformJson JSON = PlatformJson.get();

  private BoardMutations() {}

  /** {@code create_item} on the board, in the group if one is set, with the starting column values. */
  static ObjectNode createItem(MondaySettings settings, String itemName, Optional<String> columnValues) {
    ObjectNode variables = JSON.object().put("boardId", settings.boardId());
    settings.groupId().ifPresent(group -> variables.put("groupId", group));
    variables.put("itemName", itemName);
    columnValues.ifPresent(values -> variables.put("columnValues", values));
    return request(CREATE_ITEM, variables);
  }

  /** {@code change_column_value} of the status column to {@code label}, and of the date column to {@code day}. */
  static ObjectNode setStatus(MondaySettings settings, String itemId, String label, Optional<LocalDate> day) {
    ObjectNode variables = JSON.object().put("boardId", settings.boardId()).put("itemId", itemId)
        .put("statusColumnId", settings.statusColumnId()).put("status", ColumnValues.status(label));
    if (day.isEmpty() || settings.etaColumnId().isEmpty()) {
      return request(SET_STATUS, variables);
    }
    variables.put("etaColumnId", settings.etaColumnId().get()).put("eta", ColumnValues.date(day.get()));
    return request(SET_STATUS_AND_ETA, variables);
  }

  /** {@code create_update} on the item; with owners, {@code mentions_list} names each as a User. */
  static ObjectNode postUpdate(String itemId, String body, List<String> ownerIds) {
    ObjectNode variables = JSON.object().put("itemId", itemId).put("body", body);
    if (ownerIds.isEmpty()) {
      return request(POST_UPDATE, variables);
    }
    ArrayNode mentions = variables.putArray("mentionsList");
    ownerIds.forEach(id -> mentions.addObject().put("id", id).put("type", "User"));
    return request(POST_UPDATE_MENTIONING, variables);
  }

  private static ObjectNode request(String query, ObjectNode variables) {
    ObjectNode request = JSON.object().put("query", query);
    request.set("variables", variables);
    return request;
  }
}
