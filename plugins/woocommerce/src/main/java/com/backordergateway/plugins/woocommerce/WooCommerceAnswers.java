package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the WooCommerce connector reads the store's answers, in one place:
 *
 * <ul>
 *   <li>2xx with the resource as JSON is success (200 for the order update, 201 for the note, whose
 *       {@code id} is the external id); a 2xx that is not the REST API's JSON (WordPress serving a
 *       page, as with plain permalinks) is permanent and says so;
 *   <li>a redirect is permanent and names where it pointed (http to https, another host name);
 *   <li>429 (a security plugin, the host or a CDN limiting) and 5xx are retryable, never sooner than
 *       Retry-After;
 *   <li>other statuses are permanent with WooCommerce's {@code code: message} (and, for
 *       {@code rest_invalid_param}, each parameter's problem): 401 keys wrong or read-only, 404 no
 *       such order, 400 bad field values.
 * </ul>
 *
 * Both API keys are masked in every message, should the store or a proxy echo them.
 */
final class WooCommerceAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WooCommerceSettings settings;
  private final Clock clock;

  WooCommerceAnswers(WooCommerceSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
  }

  /**
   * The resource the store answered with, for a successful call described by {@code what}.
   *
   * @throws DeliveryException classified as above
   */
  JsonNode resource(HttpResponse<String> response, String what) throws DeliveryException {
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      throw new PermanentDeliveryException("WooCommerce " + what + ": HTTP " + status + " redirecting to "
          + response.headers().firstValue("Location").map(this::masked).orElse("(no Location)")
          + "; set base-url to the store's canonical https address");
    }
    if (status < 200 || status >= 300) {
      String text = "WooCommerce " + what + ": HTTP " + status + ": " + masked(errorText(response.body()));
      if (status == 429 || status >= 500) {
        throw new RetryableDeliveryException(text, PlatformResponses.retryAfter(response, clock).orElse(null), null);
      }
      throw new PermanentDeliveryException(text);
    }
    return json(response.body()).filter(node -> node.path("id").canConvertToLong()).orElseThrow(() ->
        new PermanentDeliveryException("WooCommerce " + what + ": HTTP " + status + " but not the REST API's JSON ("
            + masked(PlatformResponses.errorText(response.body())) + "); check base-url and that WordPress uses pretty "
            + "permalinks, so /wp-json/ reaches the REST API"));
  }

  /** WooCommerce's {@code {code, message, data: {status, params}}} as one line; the body itself otherwise. */
  static String errorText(String body) {
    Optional<JsonNode> error = json(body).filter(node -> node.has("code") || node.has("message"));
    if (error.isEmpty()) {
      return PlatformResponses.errorText(body);
    }
    JsonNode node = error.get();
    StringBuilder text = new StringBuilder();
    if (node.path("code").isTextual()) {
      text.append(node.path("code").asText()).append(": ");
    }
    text.append(node.path("message").asText("(no message)"));
    JsonNode params = node.path("data").path("params");
    if (params.isObject() && !params.isEmpty()) {
      List<String> problems = new ArrayList<>();
      params.fields().forEachRemaining(p -> problems.add(p.getKey() + ": " + p.getValue().asText(p.getValue().toString())));
      text.append(" (").append(String.join("; ", problems)).append(')');
    }
    return PlatformResponses.errorText(text.toString());
  }

  private String masked(String text) {
    return text.replace(settings.consumerSecret(), "****").replace(settings.consumerKey(), "****");
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
