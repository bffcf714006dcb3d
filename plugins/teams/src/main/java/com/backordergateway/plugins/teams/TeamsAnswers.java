package com.backordergateway.plugins.teams;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.RetryableDeliveryException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Teams webhook's answer is read, in one place, by the answer's shape rather than the URL's
 * host (hosts vary by tenant and region, and tests run against a local fake):
 *
 * <ol>
 *   <li>a real 429 or 5xx is retryable, honouring Retry-After;
 *   <li>a body saying "… returned HTTP error NNN" — how legacy connectors report Teams' own answer,
 *       in a 200 as often as in a 4xx, for throttling ("HTTP error 429") and for refusals ("413")
 *       alike — is classified by NNN: 429 and 5xx retryable, anything else permanent. Never a
 *       success, whatever the status;
 *   <li>a 2xx is delivered only in a shape that confirms it: 202 (Workflows accepted the run;
 *       its {@code x-ms-workflow-run-id} becomes the external id), or 200 with body {@code 1}
 *       (legacy connectors) or no body. Legacy connectors also refuse cards inside a 200 ("Bad
 *       payload received by generic incoming webhook.", "Summary or Text is required."), so any
 *       other 2xx body is a permanent failure with that text, never a success;
 *   <li>any other status is permanent with the body's text (Workflows errors are JSON
 *       {@code {"error":{"code","message"}}}, legacy ones plain text).
 * </ol>
 */
final class TeamsAnswers {

  /** Legacy connectors' "Microsoft Teams endpoint returned HTTP error 429 with ContextId …". */
  private static final Pattern EMBEDDED_STATUS = Pattern.compile("HTTP error (\\d{3})", Pattern.CASE_INSENSITIVE);

  static final String RUN_ID_HEADER = "x-ms-workflow-run-id";

  private TeamsAnswers() {}

  /** The receipt for a delivered card, or the right failure. */
  static DeliveryReceipt receipt(HttpResponse<String> response, String deliveryId, Clock clock)
      throws DeliveryException {
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      PlatformResponses.check("Teams", response, clock);
    }
    Optional<Integer> embedded = embeddedStatus(response.body());
    if (embedded.isPresent()) {
      int reported = embedded.get();
      String text = "Teams answered HTTP " + status + " reporting HTTP error " + reported + ": "
          + PlatformResponses.errorText(response.body());
      if (reported == 429 || reported >= 500) {
        throw new RetryableDeliveryException(text, PlatformResponses.retryAfter(response, clock).orElse(null), null);
      }
      throw new PermanentDeliveryException(text);
    }
    PlatformResponses.check("Teams", response, clock);
    if (!confirmsDelivery(status, response.body())) {
      throw new PermanentDeliveryException("Teams answered HTTP " + status + " without confirming the post: "
          + PlatformResponses.errorText(response.body()));
    }
    String runId = response.headers().firstValue(RUN_ID_HEADER).map(String::strip).orElse("");
    return new DeliveryReceipt(runId.isEmpty() ? deliveryId : runId, "");
  }

  /** 202 from Workflows; 200 with {@code 1} (legacy) or an empty body. */
  static boolean confirmsDelivery(int status, String body) {
    String text = body == null ? "" : body.strip();
    return status == 202 || text.isEmpty() || text.equals("1");
  }

  /** The Teams status a legacy connector reports inside its body, if it does. */
  static Optional<Integer> embeddedStatus(String body) {
    if (body == null) {
      return Optional.empty();
    }
    Matcher matcher = EMBEDDED_STATUS.matcher(body);
    return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }
}
