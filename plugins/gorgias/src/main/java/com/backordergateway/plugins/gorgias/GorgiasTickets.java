package com.backordergateway.plugins.gorgias;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The Gorgias REST endpoints the connector calls, one request each, with Basic auth and JSON;
 * every answer is classified by {@link GorgiasAnswers}. A 404 on a named ticket is not an error
 * here but {@link TicketNotFound}, so the session can open a new ticket instead. Stateless.
 */
final class GorgiasTickets {

  /** The ticket a request named is gone (deleted in Gorgias). */
  static final class TicketNotFound extends Exception {
    TicketNotFound(String ticketId) {
      super("ticket " + ticketId + " was not found on Gorgias", null, false, false);
    }
  }

  private final GorgiasSettings settings;
  private final ConnectorContext context;
  private final String authorization;

  GorgiasTickets(GorgiasSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.authorization = settings.authorization();
  }

  /** {@code GET /api/tickets?external_id=…}: the newest ticket (not in the trash) an earlier delivery opened. */
  Optional<String> find(String externalId) throws DeliveryException {
    HttpResponse<String> answer = checked(get("/tickets?external_id=" + encode(externalId) + "&trashed=false&limit=1"));
    return GorgiasAnswers.firstId(answer.body());
  }

  /** {@code POST /api/tickets}: the new ticket's id. */
  String create(ObjectNode ticket) throws DeliveryException {
    HttpResponse<String> answer = checked(send("POST", "/tickets", ticket));
    // Retrying is safe: the ticket carries its external_id, and the retry finds it first.
    return context.json().text(answer.body(), "id").orElseThrow(() -> new RetryableDeliveryException(
        "Gorgias answered HTTP " + answer.statusCode() + " without a ticket id"));
  }

  /** {@code GET /api/messages?ticket_id=…}: whether a message with this external id is on the ticket. */
  boolean hasMessage(String ticketId, String externalId) throws DeliveryException, TicketNotFound {
    HttpResponse<String> answer = get("/messages?ticket_id=" + ticketId + "&limit=100&order_by=created_datetime:desc");
    return GorgiasAnswers.listsExternalId(found(ticketId, answer).body(), externalId);
  }

  /** {@code POST /api/tickets/{id}/messages}: an email Gorgias sends (no {@code sent_datetime}) or an internal note. */
  void addMessage(String ticketId, ObjectNode message) throws DeliveryException, TicketNotFound {
    found(ticketId, send("POST", "/tickets/" + ticketId + "/messages", message));
  }

  /** {@code PUT /api/tickets/{id}} {@code {"status":"closed"}}; closing twice is harmless. */
  void close(String ticketId) throws DeliveryException, TicketNotFound {
    found(ticketId, send("PUT", "/tickets/" + ticketId, context.json().object().put("status", "closed")));
  }

  private HttpResponse<String> found(String ticketId, HttpResponse<String> answer)
      throws DeliveryException, TicketNotFound {
    if (answer.statusCode() == 404) {
      throw new TicketNotFound(ticketId);
    }
    return checked(answer);
  }

  private HttpResponse<String> checked(HttpResponse<String> answer) throws DeliveryException {
    return GorgiasAnswers.GORGIAS.check(answer, context.clock());
  }

  private HttpResponse<String> get(String pathAndQuery) throws DeliveryException {
    return exchange(request(pathAndQuery).GET().build());
  }

  private HttpResponse<String> send(String method, String path, ObjectNode body) throws DeliveryException {
    return exchange(request(path).method(method, context.json().body(body))
        .header("Content-Type", "application/json").build());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(settings.api(pathAndQuery))
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  /** Sends and notes Gorgias's call counter when it is close to the account's limit. */
  private HttpResponse<String> exchange(HttpRequest request) throws DeliveryException {
    HttpResponse<String> answer = context.http().send(request);
    context.logger().debug("Gorgias {} {}: HTTP {}", request.method(), request.uri().getPath(), answer.statusCode());
    GorgiasAnswers.callLimit(answer).filter(GorgiasAnswers.CallLimit::nearlyUsed).ifPresent(calls ->
        context.logger().info("Gorgias API call limit nearly reached: {}/{} in the current window; further calls "
            + "may be refused with 429 and retried after Retry-After", calls.used(), calls.limit()));
    return answer;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
