package com.backordergateway.plugins.salesforce;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the Salesforce Order a notification is about with one SOQL query, {@code SELECT Id,
 * OwnerId FROM Order WHERE <field> = '<value>' LIMIT 1}: by {@code OrderNumber} or an external-id
 * field, or by {@code Id} when a follow-up knows it. The field name comes from a setting checked
 * against a field-name pattern; the value is escaped as a SOQL string literal, so an order name
 * such as {@code O'Brien #12} is matched as written and never changes the query.
 */
final class OrderLookup {

  /** An Order and its owner (empty when the query did not give one). */
  record SalesforceOrder(String id, String ownerId) {
    SalesforceOrder {
      Objects.requireNonNull(id, "id is null");
      Objects.requireNonNull(ownerId, "ownerId is null");
    }
  }

  private final SalesforceApi api;
  private final SalesforceSettings settings;

  OrderLookup(SalesforceApi api, SalesforceSettings settings) {
    this.api = Objects.requireNonNull(api, "api is null");
    this.settings = Objects.requireNonNull(settings, "settings is null");
  }

  /** The Order whose {@code field} is {@code value}; empty when there is none. */
  Optional<SalesforceOrder> find(String field, String value) throws DeliveryException {
    HttpResponse<String> answer = api.accepted(HttpRequest.newBuilder(settings.queryUrl(soql(field, value))).GET());
    JsonNode records = PlatformJson.get().read(answer.body()).map(body -> body.path("records"))
        .orElseThrow(() -> new PermanentDeliveryException("Salesforce answered the Order query with HTTP "
            + answer.statusCode() + " but no query result"));
    if (!records.isArray() || records.isEmpty()) {
      return Optional.empty();
    }
    JsonNode order = records.get(0);
    String id = order.path("Id").asText("");
    if (!id.matches(SalesforceSettings.RECORD_ID)) {
      throw new PermanentDeliveryException("Salesforce answered the Order query with a record without an Id");
    }
    return Optional.of(new SalesforceOrder(id, order.path("OwnerId").asText("")));
  }

  /** The query that finds the Order whose {@code field} is {@code value}. */
  static String soql(String field, String value) {
    return "SELECT Id, OwnerId FROM Order WHERE " + field + " = '" + escape(value) + "' LIMIT 1";
  }

  /**
   * {@code value} as the inside of a SOQL string literal: backslash, both quotes and the control
   * characters SOQL knows as escape sequences (SOQL reference, "Quoted String Escape Sequences").
   */
  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\'' -> escaped.append("\\'");
        case '"' -> escaped.append("\\\"");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        case '\b' -> escaped.append("\\b");
        case '\f' -> escaped.append("\\f");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
