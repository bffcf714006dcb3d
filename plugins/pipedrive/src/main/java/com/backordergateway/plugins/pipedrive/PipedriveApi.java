package com.backordergateway.plugins.pipedrive;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.DeliveryException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;

/**
 * The calls to one company's Pipedrive API, signed in and paced: JSON in and out, the token in a
 * header (never in the URL), each answer's budget handed to {@link RequestPacing}, and one debug
 * line per call with the method, path and status (never the query or a header).
 */
final class PipedriveApi {

  private final PipedriveSettings settings;
  private final ConnectorContext context;
  private final RequestPacing pacing;

  PipedriveApi(PipedriveSettings settings, ConnectorContext context, RequestPacing pacing) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.pacing = Objects.requireNonNull(pacing, "pacing is null");
  }

  /** {@code GET path?query}; the answer whatever its status. */
  HttpResponse<String> get(String path, Map<String, String> query) throws DeliveryException {
    return send(request(path, query).GET().build());
  }

  /** {@code method path} with a JSON body; the answer whatever its status. */
  HttpResponse<String> send(String method, String path, JsonNode body) throws DeliveryException {
    return send(request(path, Map.of()).header("Content-Type", "application/json")
        .method(method, context.json().body(body)).build());
  }

  /**
   * The answer when Pipedrive accepted it.
   *
   * @throws DeliveryException retryable or permanent by {@link PipedriveAnswers#PIPEDRIVE}
   */
  HttpResponse<String> accepted(HttpResponse<String> answer) throws DeliveryException {
    return PipedriveAnswers.PIPEDRIVE.check(answer, context.clock());
  }

  private HttpRequest.Builder request(String path, Map<String, String> query) {
    return settings.signed(HttpRequest.newBuilder(settings.url(path, query)).header("Accept", "application/json"));
  }

  private HttpResponse<String> send(HttpRequest request) throws DeliveryException {
    pacing.awaitWindow();
    HttpResponse<String> answer = context.http().send(request);
    pacing.observe(answer);
    context.logger().debug("Pipedrive {} {}: HTTP {}", request.method(), request.uri().getPath(), answer.statusCode());
    return answer;
  }
}
