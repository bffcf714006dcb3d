package com.backordergateway.client;

import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A helpdesk's ticket API kept in memory, answering as Zendesk, Freshdesk or Gorgias would: it
 * refuses a request without the platform's auth or a JSON body, opens tickets, adds comments,
 * notes and messages to tickets it has (404 otherwise) and sets their status. The story test
 * then counts what each helpdesk holds.
 */
final class FakeHelpdesk implements Function<RecordedRequest, FakeResponse> {

  /** One ticket and what was added to it after it was opened. */
  record Ticket(long id, JsonNode opening, List<JsonNode> followUps, List<String> statuses) {}

  private final String platform;
  private final String authorization;
  private final Map<Long, Ticket> tickets = new LinkedHashMap<>();
  private long nextId = 4521;

  private FakeHelpdesk(String platform, String user, String password) {
    this.platform = platform;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static FakeHelpdesk zendesk(String email, String apiToken) {
    return new FakeHelpdesk("zendesk", email + "/token", apiToken);
  }

  static FakeHelpdesk freshdesk(String apiKey) {
    return new FakeHelpdesk("freshdesk", apiKey, "X");
  }

  static FakeHelpdesk gorgias(String email, String apiKey) {
    return new FakeHelpdesk("gorgias", email, apiKey);
  }

  synchronized List<Ticket> tickets() {
    return List.copyOf(tickets.values());
  }

  @Override
  public synchronized FakeResponse apply(RecordedRequest request) {
    if (!request.header("Authorization").map(authorization::equals).orElse(false)) {
      return FakeResponse.json(401, "{\"error\":\"Couldn't authenticate you\"}");
    }
    if (!request.method().equals("GET") && !request.header("Content-Type").orElse("").startsWith("application/json")) {
      return FakeResponse.json(415, "{\"error\":\"Content-Type must be application/json\"}");
    }
    return switch (platform) {
      case "zendesk" -> zendesk(request);
      case "freshdesk" -> freshdesk(request);
      default -> gorgias(request);
    };
  }

  private FakeResponse zendesk(RecordedRequest request) {
    Optional<Long> id = id("/api/v2/tickets/(\\d+)", request.path());
    if (request.method().equals("POST") && request.path().equals("/api/v2/tickets")) {
      long opened = open(request.json().path("ticket"));
      return FakeResponse.json(201, "{\"ticket\":{\"id\":" + opened + ",\"status\":\"new\"}}");
    }
    if (request.method().equals("PUT") && id.isPresent()) {
      JsonNode update = request.json().path("ticket");
      return onTicket(id.get(), t -> {
        t.followUps().add(update.path("comment"));
        if (update.hasNonNull("status")) {
          t.statuses().add(update.path("status").asText());
        }
      }, 200, "{\"ticket\":{\"id\":" + id.get() + "}}");
    }
    return FakeResponse.status(404);
  }

  private FakeResponse freshdesk(RecordedRequest request) {
    if (request.method().equals("POST") && request.path().equals("/api/v2/tickets")) {
      return FakeResponse.json(201, "{\"id\":" + open(request.json()) + "}");
    }
    Optional<Long> note = id("/api/v2/tickets/(\\d+)/notes", request.path());
    if (request.method().equals("POST") && note.isPresent()) {
      JsonNode body = request.json();
      return onTicket(note.get(), t -> t.followUps().add(body), 201, "{\"id\":9" + note.get() + "}");
    }
    Optional<Long> ticket = id("/api/v2/tickets/(\\d+)", request.path());
    if (request.method().equals("PUT") && ticket.isPresent()) {
      String status = request.json().path("status").asText();
      return onTicket(ticket.get(), t -> t.statuses().add(status), 200, "{\"id\":" + ticket.get() + "}");
    }
    return FakeResponse.status(404);
  }

  private FakeResponse gorgias(RecordedRequest request) {
    String path = request.path();
    if (request.method().equals("GET") && path.equals("/api/tickets")) {
      String externalId = request.queryParameter("external_id").orElse("");
      return FakeResponse.json(200, "{\"data\":[" + tickets.values().stream()
          .filter(t -> t.opening().path("external_id").asText().equals(externalId))
          .map(t -> "{\"id\":" + t.id() + "}").findFirst().orElse("") + "]}");
    }
    if (request.method().equals("POST") && path.equals("/api/tickets")) {
      return FakeResponse.json(201, "{\"id\":" + open(request.json()) + "}");
    }
    if (request.method().equals("GET") && path.equals("/api/messages")) {
      long ticket = Long.parseLong(request.queryParameter("ticket_id").orElse("0"));
      Ticket t = tickets.get(ticket);
      if (t == null) {
        return FakeResponse.status(404);
      }
      return FakeResponse.json(200, "{\"data\":[" + String.join(",", t.followUps().stream()
          .map(m -> "{\"external_id\":\"" + m.path("external_id").asText() + "\"}").toList()) + "]}");
    }
    Optional<Long> messages = id("/api/tickets/(\\d+)/messages", path);
    if (request.method().equals("POST") && messages.isPresent()) {
      JsonNode body = request.json();
      return onTicket(messages.get(), t -> t.followUps().add(body), 201, "{\"id\":7" + messages.get() + "}");
    }
    Optional<Long> ticket = id("/api/tickets/(\\d+)", path);
    if (request.method().equals("PUT") && ticket.isPresent()) {
      String status = request.json().path("status").asText();
      return onTicket(ticket.get(), t -> t.statuses().add(status), 200, "{\"id\":" + ticket.get() + "}");
    }
    return FakeResponse.status(404);
  }

  private long open(JsonNode opening) {
    long id = nextId++;
    tickets.put(id, new Ticket(id, opening, new ArrayList<>(), new ArrayList<>()));
    return id;
  }

  private FakeResponse onTicket(long id, Consumer<Ticket> change, int status, String answer) {
    Ticket ticket = tickets.get(id);
    if (ticket == null) {
      return FakeResponse.json(404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
    }
    change.accept(ticket);
    return FakeResponse.json(status, answer);
  }

  private static Optional<Long> id(String pattern, String path) {
    Matcher m = Pattern.compile(pattern).matcher(path);
    return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }
}
