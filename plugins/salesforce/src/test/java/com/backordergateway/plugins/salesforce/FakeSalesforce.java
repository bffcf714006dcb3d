package com.backordergateway.plugins.salesforce;

import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful Salesforce org for {@code FakePlatform#answering}: the token endpoint (counting its
 * calls, one valid token at a time), the Order query by {@code OrderNumber} or {@code Id}, Chatter
 * posts kept per feed, and Tasks that can be created, updated and deleted. A call with another
 * token than the current one is refused with {@code 401 INVALID_SESSION_ID}, as an expired
 * session is. Answers one request at a time.
 */
final class FakeSalesforce implements Function<RecordedRequest, FakeResponse> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WHERE = Pattern.compile("WHERE (\\w+) = '((?:[^'\\\\]|\\\\.)*)' LIMIT 1$");

  private final Map<String, String> ordersByNumber = new LinkedHashMap<>();
  private final Map<String, String> ownerOf = new LinkedHashMap<>();
  private final Map<String, List<String>> posts = new LinkedHashMap<>();
  private final Map<String, ObjectNode> tasks = new LinkedHashMap<>();
  private int tokenCalls;
  private int ids;
  private String token;

  /** Adds an Order with this {@code OrderNumber}, {@code Id} and owner. */
  synchronized FakeSalesforce withOrder(String orderNumber, String id, String ownerId) {
    ordersByNumber.put(orderNumber, id);
    ownerOf.put(id, ownerId);
    return this;
  }

  /** Every later call with the current token is refused, as when the session timed out. */
  synchronized void expireToken() {
    token = "expired";
  }

  /** Deletes a Task, as a sales rep might. */
  synchronized void deleteTask(String id) {
    tasks.remove(id);
  }

  synchronized int tokenCalls() {
    return tokenCalls;
  }

  /** The texts posted on a feed, in order. */
  synchronized List<String> postsOn(String subjectId) {
    return List.copyOf(posts.getOrDefault(subjectId, List.of()));
  }

  /** The Tasks by id, with their current fields. */
  synchronized Map<String, JsonNode> tasks() {
    return Map.copyOf(tasks);
  }

  @Override
  public synchronized FakeResponse apply(RecordedRequest request) {
    String path = request.path();
    if (path.equals("/services/oauth2/token")) {
      tokenCalls++;
      token = "00DFAKE!token-" + tokenCalls;
      return FakeResponse.json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\"}");
    }
    if (!request.header("Authorization").orElse("").equals("Bearer " + token)) {
      return FakeResponse.json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
    }
    if (path.endsWith("/query")) {
      return query(request.queryParameter("q").orElse(""));
    }
    if (path.endsWith("/chatter/feed-elements")) {
      JsonNode post = request.json();
      posts.computeIfAbsent(post.get("subjectId").asText(), subject -> new ArrayList<>())
          .add(post.at("/body/messageSegments/0/text").asText());
      return FakeResponse.json(201, "{\"id\":\"" + id("0D5") + "\",\"feedElementType\":\"FeedItem\"}");
    }
    if (path.endsWith("/sobjects/Task/") && request.method().equals("POST")) {
      String id = id("00T");
      tasks.put(id, (ObjectNode) request.json());
      return FakeResponse.json(201, "{\"id\":\"" + id + "\",\"success\":true,\"errors\":[]}");
    }
    if (path.contains("/sobjects/Task/") && request.method().equals("PATCH")) {
      ObjectNode task = tasks.get(path.substring(path.lastIndexOf('/') + 1));
      if (task == null) {
        return FakeResponse.json(404, "[{\"errorCode\":\"ENTITY_IS_DELETED\",\"message\":\"entity is deleted\",\"fields\":[]}]");
      }
      task.setAll((ObjectNode) request.json());
      return FakeResponse.status(204);
    }
    return FakeResponse.json(404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
  }

  private FakeResponse query(String soql) {
    Matcher where = WHERE.matcher(soql);
    if (!soql.startsWith("SELECT Id, OwnerId FROM Order ") || !where.find()) {
      return FakeResponse.json(400, "[{\"errorCode\":\"MALFORMED_QUERY\",\"message\":\"unexpected query\"}]");
    }
    String value = where.group(2).replaceAll("\\\\(.)", "$1");
    String id = where.group(1).equals("Id") ? (ownerOf.containsKey(value) ? value : null) : ordersByNumber.get(value);
    ObjectNode answer = JSON.createObjectNode().put("totalSize", id == null ? 0 : 1).put("done", true);
    if (id != null) {
      answer.putArray("records").addObject().put("Id", id).put("OwnerId", ownerOf.get(id));
    } else {
      answer.putArray("records");
    }
    return FakeResponse.json(200, answer.toString()).header("Sforce-Limit-Info", "api-usage=18/15000");
  }

  private String id(String prefix) {
    return String.format("%sFAKE%011d", prefix, ++ids);
  }
}
