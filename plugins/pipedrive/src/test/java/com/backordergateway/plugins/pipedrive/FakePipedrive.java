package com.backordergateway.plugins.pipedrive;

import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful Pipedrive company for {@code FakePlatform#answering}: deals with an order custom
 * field, found by the v2 deal search (exact match on custom fields), read and patched by id;
 * notes; and activities created, patched and deleted. A request without the {@code x-api-token}
 * header is refused with 401, as Pipedrive does. Answers one request at a time.
 */
final class FakePipedrive implements Function<RecordedRequest, FakeResponse> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEAL = Pattern.compile("/api/v2/deals/(\\d+)");
  private static final Pattern ACTIVITY = Pattern.compile("/api/v2/activities/(\\d+)");

  private final String token;
  private final String orderField;
  private final Map<Long, ObjectNode> deals = new LinkedHashMap<>();
  private final Map<Long, List<String>> notes = new LinkedHashMap<>();
  private final Map<Long, ObjectNode> activities = new LinkedHashMap<>();
  private long nextId = 700;

  FakePipedrive(String token, String orderField) {
    this.token = token;
    this.orderField = orderField;
  }

  synchronized FakePipedrive withDeal(long id, String order, long ownerId, long... labels) {
    ObjectNode deal = JSON.createObjectNode().put("id", id).put("title", "Order " + order).put("owner_id", ownerId);
    ArrayNode labelIds = deal.putArray("label_ids");
    for (long label : labels) {
      labelIds.add(label);
    }
    deal.putObject("custom_fields").put(orderField, order);
    deals.put(id, deal);
    return this;
  }

  synchronized JsonNode deal(long id) {
    return deals.get(id).deepCopy();
  }

  synchronized List<String> notesOn(long dealId) {
    return List.copyOf(notes.getOrDefault(dealId, List.of()));
  }

  synchronized Map<Long, ObjectNode> activities() {
    return Map.copyOf(activities);
  }

  synchronized void deleteActivity(long id) {
    activities.remove(id);
  }

  @Override
  public synchronized FakeResponse apply(RecordedRequest request) {
    if (!request.header("x-api-token").orElse("").equals(token)) {
      return FakeResponse.json(401, "{\"success\":false,\"error\":\"unauthorized access\",\"errorCode\":401}");
    }
    String path = request.path();
    Matcher deal = DEAL.matcher(path);
    Matcher activity = ACTIVITY.matcher(path);
    if (path.equals("/api/v2/deals/search")) {
      String term = request.queryParameter("term").orElse("");
      ArrayNode items = JSON.createArrayNode();
      deals.values().stream().filter(d -> d.at("/custom_fields/" + orderField).asText().equals(term))
          .forEach(d -> items.addObject().put("result_score", 1.0).putObject("item").put("id", d.get("id").asLong())
              .put("type", "deal").put("title", d.get("title").asText()));
      ObjectNode answer = JSON.createObjectNode().put("success", true);
      answer.putObject("data").set("items", items);
      return FakeResponse.json(200, answer.toString());
    }
    if (deal.matches()) {
      ObjectNode found = deals.get(Long.parseLong(deal.group(1)));
      if (found == null) {
        return FakeResponse.json(404, "{\"success\":false,\"error\":\"Deal not found\"}");
      }
      if (request.method().equals("PATCH")) {
        found.setAll((ObjectNode) request.json());
      }
      return data(found);
    }
    if (path.equals("/api/v1/notes") && request.method().equals("POST")) {
      long id = nextId++;
      notes.computeIfAbsent(request.json().get("deal_id").asLong(), k -> new ArrayList<>())
          .add(request.json().get("content").asText());
      return data(JSON.createObjectNode().put("id", id));
    }
    if (path.equals("/api/v2/activities") && request.method().equals("POST")) {
      long id = nextId++;
      ObjectNode created = ((ObjectNode) request.json()).put("id", id);
      activities.put(id, created);
      return data(created);
    }
    if (activity.matches() && request.method().equals("PATCH")) {
      ObjectNode found = activities.get(Long.parseLong(activity.group(1)));
      if (found == null) {
        return FakeResponse.json(404, "{\"success\":false,\"error\":\"Activity not found\"}");
      }
      found.setAll((ObjectNode) request.json());
      return data(found);
    }
    return FakeResponse.json(404, "{\"success\":false,\"error\":\"Unknown method .\"}");
  }

  private static FakeResponse data(JsonNode data) {
    ObjectNode answer = JSON.createObjectNode().put("success", true);
    answer.set("data", data);
    return FakeResponse.json(200, answer.toString());
  }
}
