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
 * The CRMs of the CRM story kept in memory, each answering as the platform would and refusing a
 * request without its auth: HubSpot contacts upserted by email and patched by id, a Salesforce
 * org with Orders, Chatter feeds and Tasks behind an OAuth token, and Pipedrive deals with notes
 * and activities. The story test then reads what each one holds.
 */
final class FakeCrm {

  private FakeCrm() {}

  private static FakeResponse refused(int status, String body) {
    return FakeResponse.json(status, body);
  }

  /** HubSpot's contacts: one per email, each with its property history. */
  static final class Hubspot implements Function<RecordedRequest, FakeResponse> {
    private static final Pattern CONTACT = Pattern.compile("/crm/v3/objects/contacts/(\\d+)");
    private final String bearer;
    private final Map<String, String> idByEmail = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> writes = new LinkedHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private long nextId = 51;

    Hubspot(String token) {
      this.bearer = "Bearer " + token;
    }

    /** Each contact's property writes, in order, by email. */
    synchronized Map<String, List<JsonNode>> contacts() {
      Map<String, List<JsonNode>> byEmail = new LinkedHashMap<>();
      idByEmail.forEach((email, id) -> byEmail.put(email, List.copyOf(writes.get(id))));
      return byEmail;
    }

    synchronized List<JsonNode> events() {
      return List.copyOf(events);
    }

    @Override
    public synchronized FakeResponse apply(RecordedRequest request) {
      if (!request.header("Authorization").orElse("").equals(bearer)) {
        return refused(401, "{\"status\":\"error\",\"message\":\"Authentication credentials not found.\","
            + "\"category\":\"INVALID_AUTHENTICATION\"}");
      }
      Matcher contact = CONTACT.matcher(request.path());
      if (request.method().equals("POST") && request.path().equals("/crm/v3/objects/contacts/batch/upsert")) {
        JsonNode input = request.json().at("/inputs/0");
        boolean created = !idByEmail.containsKey(input.path("id").asText());
        String id = idByEmail.computeIfAbsent(input.path("id").asText(), email -> String.valueOf(nextId++));
        writes.computeIfAbsent(id, key -> new ArrayList<>()).add(input.path("properties"));
        return FakeResponse.json(200, "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"" + id + "\",\"new\":"
            + created + ",\"properties\":{}}]}");
      }
      if (request.method().equals("PATCH") && contact.matches()) {
        List<JsonNode> history = writes.get(contact.group(1));
        if (history == null) {
          return refused(404, "{\"status\":\"error\",\"message\":\"resource not found\",\"category\":\"OBJECT_NOT_FOUND\"}");
        }
        history.add(request.json().path("properties"));
        return FakeResponse.json(200, "{\"id\":\"" + contact.group(1) + "\",\"properties\":{}}");
      }
      if (request.method().equals("POST") && request.path().equals("/events/v3/send")) {
        events.add(request.json());
        return FakeResponse.status(204);
      }
      return refused(404, "{\"status\":\"error\",\"message\":\"no such endpoint " + request.path() + "\"}");
    }
  }

  /** A Salesforce org: Orders by OrderNumber, posts per feed, Tasks with their writes. */
  static final class Salesforce implements Function<RecordedRequest, FakeResponse> {
    private static final Pattern WHERE = Pattern.compile("WHERE (\\w+) = '([^']*)' LIMIT 1$");
    private final String clientSecret;
    private final Map<String, String> orderByNumber = new LinkedHashMap<>();
    private final Map<String, List<String>> posts = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> tasks = new LinkedHashMap<>();
    private int tokens;
    private long nextId = 1;

    Salesforce(String clientSecret) {
      this.clientSecret = clientSecret;
    }

    synchronized Salesforce withOrder(String orderNumber, String orderId) {
      orderByNumber.put(orderNumber, orderId);
      return this;
    }

    synchronized int tokensIssued() {
      return tokens;
    }

    synchronized List<String> postsOn(String orderId) {
      return List.copyOf(posts.getOrDefault(orderId, List.of()));
    }

    /** Each Task's writes (its creation, then each PATCH), by Task id. */
    synchronized Map<String, List<JsonNode>> tasks() {
      return Map.copyOf(tasks);
    }

    @Override
    public synchronized FakeResponse apply(RecordedRequest request) {
      if (request.path().equals("/services/oauth2/token")) {
        if (!request.formValue("client_secret").orElse("").equals(clientSecret)) {
          return refused(400, "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}");
        }
        tokens++;
        return FakeResponse.json(200, "{\"access_token\":\"00DSTORY!token" + tokens + "\",\"token_type\":\"Bearer\"}");
      }
      if (!request.header("Authorization").orElse("").equals("Bearer 00DSTORY!token" + tokens)) {
        return refused(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
      }
      String path = request.path().replaceFirst("^/services/data/v\\d+\\.0", "");
      if (path.equals("/query")) {
        Matcher where = WHERE.matcher(request.queryParameter("q").orElse(""));
        String id = !where.find() ? null : where.group(1).equals("Id") ? where.group(2)
            : orderByNumber.get(where.group(2));
        return FakeResponse.json(200, id == null ? "{\"totalSize\":0,\"done\":true,\"records\":[]}"
            : "{\"totalSize\":1,\"done\":true,\"records\":[{\"Id\":\"" + id + "\",\"OwnerId\":\"005STORY0000OwnAAA\"}]}");
      }
      if (path.equals("/chatter/feed-elements")) {
        posts.computeIfAbsent(request.json().path("subjectId").asText(), key -> new ArrayList<>())
            .add(request.json().at("/body/messageSegments/0/text").asText());
        return FakeResponse.json(201, "{\"id\":\"" + id("0D5") + "\"}");
      }
      if (path.equals("/sobjects/Task/") && request.method().equals("POST")) {
        String id = id("00T");
        tasks.put(id, new ArrayList<>(List.of(request.json())));
        return FakeResponse.json(201, "{\"id\":\"" + id + "\",\"success\":true,\"errors\":[]}");
      }
      if (path.startsWith("/sobjects/Task/") && request.method().equals("PATCH")) {
        List<JsonNode> task = tasks.get(path.substring("/sobjects/Task/".length()));
        if (task == null) {
          return refused(404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
        }
        task.add(request.json());
        return FakeResponse.status(204);
      }
      return refused(404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
    }

    private String id(String prefix) {
      return String.format("%sSTORY%010d", prefix, nextId++);
    }
  }

  /** A Pipedrive company: deals with an order field, notes on them, activities for their owners. */
  static final class Pipedrive implements Function<RecordedRequest, FakeResponse> {
    private static final Pattern DEAL = Pattern.compile("/api/v2/deals/(\\d+)");
    private static final Pattern ACTIVITY = Pattern.compile("/api/v2/activities/(\\d+)");
    private final String token;
    private final String orderField;
    private final Map<String, Long> dealByOrder = new LinkedHashMap<>();
    private final Map<Long, List<Long>> labels = new LinkedHashMap<>();
    private final Map<Long, List<String>> notes = new LinkedHashMap<>();
    private final Map<Long, List<JsonNode>> activities = new LinkedHashMap<>();
    private long nextId = 900;

    Pipedrive(String token, String orderField) {
      this.token = token;
      this.orderField = orderField;
    }

    synchronized Pipedrive withDeal(long id, String order) {
      dealByOrder.put(order, id);
      labels.put(id, new ArrayList<>());
      return this;
    }

    synchronized List<Long> labelsOf(long deal) {
      return List.copyOf(labels.get(deal));
    }

    synchronized List<String> notesOn(long deal) {
      return List.copyOf(notes.getOrDefault(deal, List.of()));
    }

    /** Each activity's writes (its creation, then each PATCH), by id. */
    synchronized Map<Long, List<JsonNode>> activities() {
      return Map.copyOf(activities);
    }

    @Override
    public synchronized FakeResponse apply(RecordedRequest request) {
      if (!request.header("x-api-token").orElse("").equals(token)) {
        return refused(401, "{\"success\":false,\"error\":\"unauthorized access\"}");
      }
      String path = request.path();
      Matcher deal = DEAL.matcher(path);
      Matcher activity = ACTIVITY.matcher(path);
      if (path.equals("/api/v2/deals/search")) {
        Long id = dealByOrder.get(request.queryParameter("term").orElse(""));
        return ok(id == null ? "{\"items\":[]}" : "{\"items\":[{\"result_score\":1,\"item\":{\"id\":" + id + "}}]}");
      }
      if (deal.matches() && labels.containsKey(Long.parseLong(deal.group(1)))) {
        long id = Long.parseLong(deal.group(1));
        if (request.method().equals("PATCH")) {
          List<Long> set = new ArrayList<>();
          request.json().path("label_ids").forEach(label -> set.add(label.asLong()));
          labels.put(id, set);
        }
        String order = dealByOrder.entrySet().stream().filter(e -> e.getValue() == id).findFirst().orElseThrow().getKey();
        return ok("{\"id\":" + id + ",\"owner_id\":13055,\"label_ids\":" + labels.get(id) + ",\"custom_fields\":{\""
            + orderField + "\":\"" + order + "\"}}");
      }
      if (path.equals("/api/v1/notes") && request.method().equals("POST")) {
        notes.computeIfAbsent(request.json().path("deal_id").asLong(), k -> new ArrayList<>())
            .add(request.json().path("content").asText());
        return ok("{\"id\":" + nextId++ + "}");
      }
      if (path.equals("/api/v2/activities") && request.method().equals("POST")) {
        long id = nextId++;
        activities.put(id, new ArrayList<>(List.of(request.json())));
        return ok("{\"id\":" + id + "}");
      }
      if (activity.matches() && activities.containsKey(Long.parseLong(activity.group(1)))) {
        activities.get(Long.parseLong(activity.group(1))).add(request.json());
        return ok("{\"id\":" + activity.group(1) + "}");
      }
      return refused(404, "{\"success\":false,\"error\":\"Not found\"}");
    }

    private static FakeResponse ok(String data) {
      return FakeResponse.json(200, "{\"success\":true,\"data\":" + data + "}");
    }
  }
}
