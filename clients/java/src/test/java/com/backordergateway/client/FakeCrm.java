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
}
