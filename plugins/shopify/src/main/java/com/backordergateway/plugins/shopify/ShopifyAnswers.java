package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the Shopify connector reads an Admin GraphQL answer, in one place:
 *
 * <ul>
 *   <li>429 and 5xx are retryable, never sooner than Retry-After (Shopify writes it as decimal
 *       seconds, {@code 2.0});
 *   <li>other non-2xx are permanent with Shopify's {@code errors} text (401 bad token, 402 frozen
 *       or unpaid store, 403 missing scope, 404 unknown shop or version, 423 locked store); a
 *       redirect is permanent and names where it pointed (a custom domain instead of myshopify.com);
 *   <li>a 200 whose top-level {@code errors} carry {@code extensions.code} {@code THROTTLED} is
 *       retryable after the wait the cost bucket implies (requested cost minus available points,
 *       over the restore rate); {@code INTERNAL_SERVER_ERROR} likewise retryable; any other
 *       GraphQL error ({@code ACCESS_DENIED}, syntax, {@code MAX_COST_EXCEEDED}) is permanent;
 *   <li>a mutation's non-empty {@code userErrors} are permanent, with their fields and messages;
 *   <li>a 200 that is not GraphQL JSON is retryable: tagging is idempotent and the note is
 *       appended only if it is not there yet, so trying again cannot duplicate anything.
 * </ul>
 *
 * The access token is masked in every message, should Shopify or a proxy echo it.
 */
final class ShopifyAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> RETRYABLE_CODES = Set.of("THROTTLED", "INTERNAL_SERVER_ERROR");

  private final String accessToken;
  private final Clock clock;

  ShopifyAnswers(String accessToken, Clock clock) {
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
  }

  /**
   * The {@code data} object of a successful answer.
   *
   * @throws DeliveryException classified as above
   */
  JsonNode data(HttpResponse<String> response) throws DeliveryException {
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      throw new PermanentDeliveryException("Shopify answered HTTP " + status + " redirecting to "
          + response.headers().firstValue("Location").map(this::masked).orElse("(no Location)")
          + ": the Admin API is served on the store's myshopify.com domain; check shop-domain and base-url");
    }
    if (status < 200 || status >= 300) {
      String text = "Shopify answered HTTP " + status + ": " + masked(errorText(response.body()));
      if (status == 429 || status >= 500) {
        throw new RetryableDeliveryException(text, retryAfter(response).orElse(null), null);
      }
      throw new PermanentDeliveryException(text);
    }
    JsonNode body = json(response.body()).orElseThrow(() -> new RetryableDeliveryException(
        "Shopify answered HTTP " + status + " with something other than GraphQL JSON: "
            + masked(PlatformResponses.errorText(response.body()))));
    JsonNode errors = body.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      throw graphqlErrors(errors, body.path("extensions").path("cost"));
    }
    JsonNode data = body.path("data");
    if (!data.isObject()) {
      throw new RetryableDeliveryException("Shopify answered HTTP " + status + " without data or errors");
    }
    return data;
  }

  /**
   * The payload of mutation {@code field} in {@code data}, if it reported no user errors.
   *
   * @throws PermanentDeliveryException with the user errors' fields and messages
   */
  JsonNode mutationPayload(JsonNode data, String field) throws DeliveryException {
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
      throw new PermanentDeliveryException("Shopify refused " + field + ": " + masked(String.join("; ", messages)));
    }
    return payload;
  }

  private DeliveryException graphqlErrors(JsonNode errors, JsonNode cost) {
    List<String> messages = new ArrayList<>();
    boolean throttled = false;
    boolean retryable = false;
    for (JsonNode error : errors) {
      String code = error.path("extensions").path("code").asText("");
      throttled |= code.equals("THROTTLED");
      retryable |= RETRYABLE_CODES.contains(code);
      String message = error.path("message").asText("(no message)");
      messages.add(code.isEmpty() ? message : code + ": " + message);
    }
    String text = "Shopify GraphQL error: " + masked(PlatformResponses.errorText(String.join("; ", messages)));
    if (throttled) {
      return new RetryableDeliveryException(text, throttleWait(cost).orElse(null), null);
    }
    return retryable ? new RetryableDeliveryException(text) : new PermanentDeliveryException(text);
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

  /** Retry-After as Shopify writes it ({@code 2.0}), or as seconds or an HTTP date. */
  private Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> value = response.headers().firstValue("Retry-After").map(String::strip);
    if (value.isPresent() && value.get().matches("[0-9]+\\.[0-9]+")) {
      return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(value.get()) * 1000)));
    }
    return PlatformResponses.retryAfter(response, clock);
  }

  /** Shopify's {@code errors}: a string, a list of {@code {message}}, or an object of field messages. */
  static String errorText(String body) {
    Optional<JsonNode> errors = json(body).map(node -> node.path("errors")).filter(node -> !node.isMissingNode());
    if (errors.isEmpty()) {
      return PlatformResponses.errorText(body);
    }
    JsonNode node = errors.get();
    if (node.isTextual()) {
      return PlatformResponses.errorText(node.asText());
    }
    List<String> messages = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(e -> messages.add(e.isTextual() ? e.asText() : e.path("message").asText(e.toString())));
    } else {
      node.fields().forEachRemaining(f -> messages.add(f.getKey() + ": "
          + (f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString())));
    }
    return PlatformResponses.errorText(String.join("; ", messages));
  }

  private String masked(String text) {
    return text.replace(accessToken, "****");
  }

  private static Optional<JsonNode> json(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(body));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }
}
