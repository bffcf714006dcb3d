package com.backordergateway.client;

import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The retailer's sheets and boards of the audit story kept in memory, each answering as the
 * platform would: the Apps Script web app of the Google Sheets connector appending rows, and
 * the record, item and card APIs of Airtable, monday.com and Trello. The story test then reads
 * what each one holds.
 */
final class FakeBoards {

  private FakeBoards() {}

  /** The README's {@code doPost} script: appends each row once per delivery id. */
  static final class AppsScript implements Function<RecordedRequest, FakeResponse> {
    private final List<JsonNode> rows = new ArrayList<>();
    private final List<String> deliveryIds = new ArrayList<>();

    synchronized List<JsonNode> rows() {
      return List.copyOf(rows);
    }

    @Override
    public synchronized FakeResponse apply(RecordedRequest request) {
      JsonNode body = request.json();
      if (!request.method().equals("POST") || !body.path("row").isArray() || !body.path("columns").isArray()) {
        return FakeResponse.json(200, "{\"ok\":false,\"error\":\"not a row\"}");
      }
      String deliveryId = body.path("delivery_id").asText();
      if (!deliveryIds.contains(deliveryId)) {
        deliveryIds.add(deliveryId);
        rows.add(body);
      }
      int line = rows.size() + 1;
      return FakeResponse.json(200, "{\"ok\":true,\"updatedRange\":\"" + body.path("sheet").asText() + "!A" + line
          + ":L" + line + "\"}");
    }
  }

  /** One record, item or card and every write made to it after it was created. */
  record Thing(String id, List<JsonNode> writes) {}

  /** Airtable's upsert: one record per value of the merge field. */
  static final class Airtable implements Function<RecordedRequest, FakeResponse> {
    private final String bearer;
    private final Map<String, Thing> byKey = new LinkedHashMap<>();

    Airtable(String token) {
      this.bearer = "Bearer " + token;
    }

    synchronized Map<String, Thing> records() {
      return Map.copyOf(byKey);
    }

    @Override
    public synchronized FakeResponse apply(RecordedRequest request) {
      if (!request.header("Authorization").orElse("").equals(bearer)) {
        return FakeResponse.json(401, "{\"error\":{\"type\":\"AUTHENTICATION_REQUIRED\",\"message\":\"Authentication required\"}}");
      }
      JsonNode body = request.json();
      String mergeOn = body.at("/performUpsert/fieldsToMergeOn/0").asText();
      JsonNode fields = body.at("/records/0/fields");
      if (!request.method().equals("PATCH") || mergeOn.isEmpty() || !fields.has(mergeOn)) {
        return FakeResponse.json(422, "{\"error\":{\"type\":\"INVALID_REQUEST_UNKNOWN\",\"message\":\"not an upsert\"}}");
      }
      String key = fields.get(mergeOn).asText();
      boolean created = !byKey.containsKey(key);
      Thing record = byKey.computeIfAbsent(key, k -> new Thing(String.format("rec%014d", byKey.size() + 1),
          new ArrayList<>()));
      record.writes().add(fields);
      String ids = "[\"" + record.id() + "\"]";
      return FakeResponse.json(200, "{\"records\":[{\"id\":\"" + record.id() + "\",\"fields\":{}}],\"createdRecords\":"
          + (created ? ids : "[]") + ",\"updatedRecords\":" + (created ? "[]" : ids) + "}");
    }
  }

  /** Trello's cards: created on a list, commented on, moved. */
  static final class Trello implements Function<RecordedRequest, FakeResponse> {
    private static final Pattern CARD = Pattern.compile("/1/cards/([0-9a-f]{24})(/actions/comments)?");
    private final String token;
    private final Map<String, Thing> cards = new LinkedHashMap<>();

    Trello(String token) {
      this.token = token;
    }

    /** Each card: its creation, then each comment and update, in order. */
    synchronized Map<String, Thing> cards() {
      return Map.copyOf(cards);
    }

    @Override
    public synchronized FakeResponse apply(RecordedRequest request) {
      if (!request.queryParameter("token").orElse("").equals(token) || request.queryParameter("key").isEmpty()) {
        return FakeResponse.status(401).header("Content-Type", "text/plain").body("invalid token");
      }
      if (request.method().equals("POST") && request.path().equals("/1/cards")) {
        String id = String.format("%024x", cards.size() + 1);
        cards.put(id, new Thing(id, new ArrayList<>(List.of(request.json()))));
        return FakeResponse.json(200, "{\"id\":\"" + id + "\"}");
      }
      Matcher card = CARD.matcher(request.path());
      if (!card.matches() || !cards.containsKey(card.group(1))) {
        return FakeResponse.status(404).header("Content-Type", "text/plain").body("The requested resource was not found.");
      }
      cards.get(card.group(1)).writes().add(request.json());
      return FakeResponse.json(200, "{\"id\":\"" + card.group(1) + "\"}");
    }
  }

  /** monday.com's GraphQL: items created, their status changed, updates posted on them. */
  static final class Monday implements Function<RecordedRequest, FakeResponse> {
    private final String token;
    private final Map<String, Thing> items = new LinkedHashMap<>();
    private long nextId = 9_100_000_001L;

    Monday(String token) {
      this.token = token;
    }

    synchronized Map<String, Thing> items() {
      return Map.copyOf(items);
    }

    @Override
    public synchronized FakeResponse apply(RecordedRequest request) {
      if (!request.header("Authorization").orElse("").equals(token) || request.header("API-Version").isEmpty()) {
        return FakeResponse.json(401, "{\"errors\":[{\"message\":\"Not Authenticated\"}]}");
      }
      String query = request.json().path("query").asText();
      JsonNode variables = request.json().path("variables");
      if (query.contains("create_item(")) {
        String id = Long.toString(nextId++);
        items.put(id, new Thing(id, new ArrayList<>(List.of(variables))));
        return FakeResponse.json(200, "{\"data\":{\"create_item\":{\"id\":\"" + id + "\"}}}");
      }
      Thing item = items.get(variables.path("itemId").asText());
      if (item == null) {
        return FakeResponse.json(200, "{\"errors\":[{\"message\":\"Item not found\",\"extensions\":"
            + "{\"code\":\"InvalidItemIdException\"}}],\"data\":null}");
      }
      item.writes().add(variables);
      String field = query.contains("create_update(") ? "create_update" : "status";
      return FakeResponse.json(200, "{\"data\":{\"" + field + "\":{\"id\":\"" + nextId++ + "\"}}}");
    }
  }
}
