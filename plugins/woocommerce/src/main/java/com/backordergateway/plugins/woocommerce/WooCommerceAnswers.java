package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the WooCommerce connector reads the store's answers: the standard rules (2xx delivered; 429
 * — a security plugin, the host or a CDN limiting — and 5xx retryable; other 4xx permanent: 401
 * keys wrong or read-only, 404 no such order, 400 bad field values) with WooCommerce's
 * {@code code: message} (and, for {@code rest_invalid_param}, each parameter's problem), and what
 * WordPress does its own way:
 *
 * <ul>
 *   <li>a redirect is permanent and names where it pointed (http to https, another host name);
 *   <li>a 2xx that is not the REST API's JSON (WordPress serving a page, as with plain permalinks)
 *       is permanent and says so: the request never reached WooCommerce.
 * </ul>
 *
 * One set of rules per call, so an error names the call it came from.
 */
final class WooCommerceAnswers {

  /** {@code PUT /orders/{id}} {@code {"status":"on-hold"}}. */
  static final PlatformResponses ORDER_HOLD = rules("WooCommerce (putting the order on hold)");

  /** {@code POST /orders/{id}/notes}. */
  static final PlatformResponses CUSTOMER_NOTE = rules("WooCommerce (adding the customer note)");

  private WooCommerceAnswers() {}

  private static PlatformResponses rules(String platform) {
    return PlatformResponses.of(platform).readingErrors(WooCommerceAnswers::errorText)
        .withQuirk(WooCommerceAnswers::redirect)
        .withQuirk(WooCommerceAnswers::notTheRestApi);
  }

  /**
   * The id of the resource (order or note) the store answered with.
   *
   * @throws DeliveryException classified by {@code rules}
   */
  static String resourceId(PlatformResponses rules, HttpResponse<String> response, Clock clock)
      throws DeliveryException {
    rules.check(response, clock);
    return PlatformJson.get().read(response.body()).orElseThrow().path("id").asText();
  }

  private static Optional<Verdict> redirect(HttpResponse<String> answer) {
    if (answer.statusCode() < 300 || answer.statusCode() >= 400) {
      return Optional.empty();
    }
    String location = answer.headers().firstValue("Location").orElse("(no Location)");
    return Optional.of(Verdict.permanent(
        "redirecting to " + location + "; set base-url to the store's canonical https address"));
  }

  private static Optional<Verdict> notTheRestApi(HttpResponse<String> answer) {
    if (answer.statusCode() < 200 || answer.statusCode() >= 300
        || PlatformJson.get().read(answer.body()).filter(node -> node.path("id").canConvertToLong()).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(Verdict.permanent("not the REST API's JSON (" + PlatformResponses.errorText(answer.body())
        + "); check base-url and that WordPress uses pretty permalinks, so /wp-json/ reaches the REST API"));
  }

  /** WooCommerce's {@code {code, message, data: {status, params}}} as one line; empty when the body is not one. */
  static Optional<String> errorText(String body) {
    return PlatformJson.get().read(body).filter(node -> node.has("code") || node.has("message")).map(node -> {
      StringBuilder text = new StringBuilder();
      if (node.path("code").isTextual()) {
        text.append(node.path("code").asText()).append(": ");
      }
      text.append(node.path("message").asText("(no message)"));
      JsonNode params = node.path("data").path("params");
      if (params.isObject() && !params.isEmpty()) {
        List<String> problems = new ArrayList<>();
        params.fields().forEachRemaining(
            p -> problems.add(p.getKey() + ": " + p.getValue().asText(p.getValue().toString())));
        text.append(" (").append(String.join("; ", problems)).append(')');
      }
      return text.toString();
    });
  }
}
