package com.backordergateway.client;

import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
}
