package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the Shopify connector reads an Admin GraphQL answer: the standard rules (429 and 5xx
 * retryable, other 4xx permanent — 401 bad token, 402 frozen or unpaid store, 403 missing scope,
 * 404 unknown shop or version, 423 locked store) with Shopify's {@code errors} text, and
 * Shopify's own ways:
 *
 * <ul>
 *   <li>a redirect is permanent and names where it pointed (a custom domain instead of
 *       myshopify.com);
 *   <li>Retry-After in decimal seconds ({@code 2.0}), which the standard rules cannot read;
 *   <li>a 200 whose top-level {@code errors} carry {@code extensions.code} {@code THROTTLED} is
 *       retryable after the wait the cost bucket implies (requested cost minus available points,
 *       over the restore rate); {@code INTERNAL_SERVER_ERROR} likewise retryable; any other
 *       GraphQL error ({@code ACCESS_DENIED}, syntax, {@code MAX_COST_EXCEEDED}) is permanent;
 *   <li>a 200 that is not GraphQL JSON, or has neither data nor errors, is retryable: tagging is
 *       idempotent and the note is appended only if it is not there yet, so trying again cannot
 *       duplicate anything;
 *   <li>a mutation's non-empty {@code userErrors} are permanent, with their fields and messages.
 * </ul>
 */
final class ShopifyAnswers {

  static final PlatformResponses SHOPIFY = PlatformResponses.of("Shopify")
      .readingErrors(ShopifyAnswers::errorText)
      .withQuirk(ShopifyAnswers::redirect)
      .withQuirk(ShopifyAnswers::decimalRetryAfter)
      .withQuirk(ShopifyAnswers::graphqlErrors);

  private ShopifyAnswers() {}

  /**
   * The {@code data} object of a successful answer.
   *
   * @throws DeliveryException classified as above
   */
  static JsonNode data(HttpResponse<String> response, Clock clock) throws DeliveryException {
    SHOPIFY.check(response, clock);
    return PlatformJson.get().read(response.body()).orElseThrow().path("data");
  }

  /**
   * The payload of mutation {@code field} in {@code data}, if it reported no user errors.
   *
   * @throws PermanentDeliveryException with the user errors' fields and messages
   */
  static JsonNode mutationPayload(JsonNode data, String field) throws DeliveryException {
    JsonNode payload = data.path(field);
    if (!payload.isObject()) {
      throw new RetryableDeliveryException("Shopify's answer has no " + field + " payload");
    }
    JsonNode userErrors = payload.path("userErrors");
    if (userErrors.isArray() && !userErrors.isEmpty()) {
      List<String> messages = new ArrayList<>();
      for (JsonNode error : userErrors) {
        List<String> path = new ArrayList<>();
        error.path("field").forEach(part -> path.add(part.asText()));
        String message = error.path("message").asText("(no message)");
        messages.add(path.isEmpty() ? message : String.join(".", path) + ": " + message);
      }
      throw new PermanentDeliveryException("Shopify refused " + field + ": " + String.join("; ", messages));
    }
    return payload;
  }

  private static Optional<Verdict> redirect(HttpResponse<String> answer) {
    if (answer.statusCode() < 300 || answer.statusCode() >= 400) {
      return Optional.empty();
    }
    return Optional.of(Verdict.permanent("redirecting to " + answer.headers().firstValue("Location").orElse("(no Location)")
        + ": the Admin API is served on the store's myshopify.com domain; check shop-domain and base-url"));
  }

  /** Retry-After as Shopify writes it, {@code 2.0}; whole seconds and dates are left to the standard rules. */
  private static Optional<Verdict> decimalRetryAfter(HttpResponse<String> answer) {
    Optional<String> value = answer.headers().firstValue("Retry-After").map(String::strip)
        .filter(v -> v.matches("[0-9]{1,6}\\.[0-9]{1,3}"));
    if (value.isEmpty() || (answer.statusCode() != 429 && answer.statusCode() < 500)) {
      return Optional.empty();
    }
    Duration wait = Duration.ofMillis((long) Math.ceil(Double.parseDouble(value.get()) * 1000));
    return Optional.of(Verdict.retryable(errorText(answer.body()).orElse(answer.body()), wait));
  }

  /** A 200 is only delivered when it is GraphQL JSON with data and without top-level errors. */
  private static Optional<Verdict> graphqlErrors(HttpResponse<String> answer) {
    if (answer.statusCode() < 200 || answer.statusCode() >= 300) {
      return Optional.empty();
    }
    Optional<JsonNode> read = PlatformJson.get().read(answer.body()).filter(JsonNode::isObject);
    if (read.isEmpty()) {
      return Optional.of(Verdict.retryable("something other than GraphQL JSON: " + answer.body()));
    }
    JsonNode body = read.get();
    JsonNode errors = body.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      return Optional.of(classify(errors, body.path("extensions").path("cost")));
    }
    return body.path("data").isObject() ? Optional.empty() : Optional.of(Verdict.retryable("neither data nor errors"));
  }

  private static Verdict classify(JsonNode errors, JsonNode cost) {
    List<String> messages = new ArrayList<>();
    boolean throttled = false;
    boolean internal = false;
    for (JsonNode error : errors) {
      String code = error.path("extensions").path("code").asText("");
      throttled |= code.equals("THROTTLED");
      internal |= code.equals("INTERNAL_SERVER_ERROR");
      String message = error.path("message").asText("(no message)");
      messages.add(code.isEmpty() ? message : code + ": " + message);
    }
    String text = "GraphQL error: " + String.join("; ", messages);
    if (throttled) {
      return throttleWait(cost).map(wait -> Verdict.retryable(text, wait)).orElseGet(() -> Verdict.retryable(text));
    }
    return internal ? Verdict.retryable(text) : Verdict.permanent(text);
  }

  /** How long until the bucket holds the requested cost again; empty if Shopify did not say. */
  static Optional<Duration> throttleWait(JsonNode cost) {
    JsonNode requested = cost.path("requestedQueryCost");
    JsonNode status = cost.path("throttleStatus");
    JsonNode available = status.path("currentlyAvailable");
    JsonNode restoreRate = status.path("restoreRate");
    if (!requested.isNumber() || !available.isNumber() || !restoreRate.isNumber() || restoreRate.asDouble() <= 0) {
      return Optional.empty();
    }
    double missing = Math.max(0, requested.asDouble() - available.asDouble());
    return Optional.of(Duration.ofMillis((long) Math.ceil(missing / restoreRate.asDouble() * 1000)));
  }

  /** Shopify's {@code errors}: a string, a list of {@code {message}}, or an object of field messages. */
  static Optional<String> errorText(String body) {
    JsonNode node = PlatformJson.get().read(body).map(json -> json.path("errors")).orElse(null);
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return Optional.of(node.asText());
    }
    List<String> messages = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(e -> messages.add(e.isTextual() ? e.asText() : e.path("message").asText(e.toString())));
    } else {
      node.fields().forEachRemaining(f -> messages.add(f.getKey() + ": "
          + (f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString())));
    }
    return Optional.of(String.join("; ", messages));
  }
}
