package com.backordergateway.connector.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON for platform requests and answers, on the host's Jackson (one configured mapper, shared
 * by every plugin). Reading is lenient where platforms are: a body that is not JSON (an HTML
 * error page from a proxy, Slack's plain {@code ok}) reads as empty, never as an exception.
 */
public final class PlatformJson {

  private static final PlatformJson INSTANCE = new PlatformJson(new ObjectMapper());

  private final ObjectMapper mapper;

  private PlatformJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The shared instance (also {@link ConnectorContext#json()}). */
  public static PlatformJson get() {
    return INSTANCE;
  }

  public ObjectNode object() {
    return mapper.createObjectNode();
  }

  public ArrayNode array() {
    return mapper.createArrayNode();
  }

  /** A JSON request body, UTF-8. */
  public HttpRequest.BodyPublisher body(JsonNode node) {
    return HttpRequest.BodyPublishers.ofString(write(node), StandardCharsets.UTF_8);
  }

  public String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** The body as a JSON tree; empty when it is blank or not JSON. */
  public Optional<JsonNode> read(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(mapper.readTree(body));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  /** A text field of a JSON object body ({@code sid}, {@code id}); empty when absent or blank. */
  public Optional<String> text(String body, String field) {
    return read(body).map(node -> node.path(field)).filter(n -> n.isTextual() || n.isNumber())
        .map(JsonNode::asText).filter(v -> !v.isBlank());
  }
}
