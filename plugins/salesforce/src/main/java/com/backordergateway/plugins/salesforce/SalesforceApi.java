package com.backordergateway.plugins.salesforce;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PlatformResponses;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * Calls of the org's REST API with the instance's access token as {@code Bearer}: a call refused
 * with {@code 401 INVALID_SESSION_ID} (the token expired or was revoked) is sent once more with a
 * renewed token, never twice. Every answer's {@code Sforce-Limit-Info} is read for the org's usage.
 */
final class SalesforceApi {

  private final AccessTokens tokens;
  private final PlatformResponses responses;
  private final ConnectorContext context;
  private final ApiUsage usage = new ApiUsage();

  SalesforceApi(AccessTokens tokens, PlatformResponses responses, ConnectorContext context) {
    this.tokens = Objects.requireNonNull(tokens, "tokens is null");
    this.responses = Objects.requireNonNull(responses, "responses is null");
    this.context = Objects.requireNonNull(context, "context is null");
  }

  /** The answer to {@code request} (JSON in and out), whatever its status. */
  HttpResponse<String> send(HttpRequest.Builder request) throws DeliveryException {
    String token = tokens.current();
    HttpResponse<String> answer = send(request, token);
    if (SalesforceAnswers.sessionExpired(answer)) {
      context.logger().info("Salesforce refused the access token ({}); fetching a new one",
          SalesforceAnswers.INVALID_SESSION_ID);
      answer = send(request, tokens.renew(token));
    }
    return answer;
  }

  /** The answer to {@code request} if Salesforce accepted it; otherwise the retryable or permanent failure. */
  HttpResponse<String> accepted(HttpRequest.Builder request) throws DeliveryException {
    return check(send(request));
  }

  /** Classifies an answer {@link #send} returned. */
  HttpResponse<String> check(HttpResponse<String> answer) throws DeliveryException {
    return responses.check(answer, context.clock());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token) throws DeliveryException {
    HttpRequest call = request.copy()
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .build();
    HttpResponse<String> answer = context.http().send(call);
    usage.read(answer, context.logger());
    context.logger().debug("Salesforce {} {}: HTTP {}", call.method(), call.uri().getPath(), answer.statusCode());
    return answer;
  }
}
