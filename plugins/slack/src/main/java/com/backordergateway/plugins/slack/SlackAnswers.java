package com.backordergateway.plugins.slack;

import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How Slack's answers are read, in one place: the standard rules (2xx delivered; 429, with
 * Retry-After, and 5xx retryable; other 4xx permanent with Slack's error code) plus Slack's own
 * ways of answering.
 *
 * <p>Incoming webhooks answer with HTTP statuses and a plain-text code: 200 {@code ok}; 400
 * ({@code invalid_payload}), 403 ({@code action_prohibited}, {@code invalid_token}), 404
 * ({@code no_service}, {@code channel_not_found}), 410 ({@code channel_is_archived}) are
 * permanent with that code. The standard rules cover them.
 *
 * <p>The Web API reports failures <em>inside HTTP 200</em> as {@code {"ok":false,"error":"…"}}:
 * {@code ratelimited} and Slack's own transient errors ({@code internal_error},
 * {@code service_unavailable}…) are retryable, honouring Retry-After when sent; every other code
 * ({@code channel_not_found}, {@code not_in_channel}, {@code invalid_auth},
 * {@code token_revoked}, {@code missing_scope}, {@code invalid_blocks}…) is permanent with the
 * code and Slack's details. A 2xx that is not Slack's JSON (a proxy page) is retried, never taken
 * for delivered.
 */
final class SlackAnswers {

  /** Web API error codes that trying again later can fix. */
  static final Set<String> RETRYABLE_API_ERRORS = Set.of(
      "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
      "team_added_to_org");

  static final PlatformResponses WEBHOOK = PlatformResponses.of("Slack incoming webhook");

  static final PlatformResponses WEB_API = PlatformResponses.of("Slack Web API")
      .readingErrors(body -> PlatformJson.get().read(body).filter(node -> node.has("error")).map(SlackAnswers::errorText))
      .withQuirk(SlackAnswers::okFlag);

  private SlackAnswers() {}

  /** A 2xx is judged by its {@code ok} flag, not its status; other statuses by the standard rules. */
  private static Optional<Verdict> okFlag(HttpResponse<String> answer) {
    if (answer.statusCode() < 200 || answer.statusCode() >= 300) {
      return Optional.empty();
    }
    Optional<JsonNode> body = PlatformJson.get().read(answer.body()).filter(JsonNode::isObject);
    if (body.isEmpty()) {
      return Optional.of(Verdict.retryable("a success status without its JSON answer: "
          + PlatformResponses.errorText(answer.body())));
    }
    if (body.get().path("ok").isBoolean() && body.get().path("ok").booleanValue()) {
      return Optional.of(Verdict.delivered());
    }
    String text = "ok:false, " + errorText(body.get());
    boolean worthRetrying = RETRYABLE_API_ERRORS.contains(code(body.get()));
    return Optional.of(worthRetrying ? Verdict.retryable(text) : Verdict.permanent(text));
  }

  /** "error channel_not_found", with what Slack adds: the scope needed, Block Kit's validation messages. */
  private static String errorText(JsonNode body) {
    List<String> details = new ArrayList<>();
    if (body.path("needed").isTextual()) {
      details.add("needs scope " + body.path("needed").asText());
    }
    for (JsonNode message : body.path("response_metadata").path("messages")) {
      details.add(message.asText());
    }
    return "error " + code(body) + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
  }

  private static String code(JsonNode body) {
    String error = body.path("error").asText("");
    return error.isBlank() ? "unknown_error" : error;
  }
}
