package com.backordergateway.plugins.teams;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Teams webhook's answer is read, in one place, by the answer's shape rather than the URL's
 * host (hosts vary by tenant and region, and tests run against a local fake): the standard rules
 * (a real 429 or 5xx retryable, honouring Retry-After; other 4xx permanent with the body's text:
 * Workflows errors are JSON {@code {"error":{"code","message"}}}, legacy ones plain text) with two
 * quirks of the legacy connectors, consulted first:
 *
 * <ol>
 *   <li>a body saying "… returned HTTP error NNN" — how legacy connectors report Teams' own answer,
 *       in a 200 as often as in a 4xx, for throttling ("HTTP error 429") and for refusals ("413")
 *       alike — is classified by NNN: 429 and 5xx retryable, anything else permanent. Never a
 *       success, whatever the status;
 *   <li>a 2xx is delivered only in a shape that confirms it: 202 (Workflows accepted the run;
 *       its {@code x-ms-workflow-run-id} becomes the external id), or 200 with body {@code 1}
 *       (legacy connectors) or no body. Legacy connectors also refuse cards inside a 200 ("Bad
 *       payload received by generic incoming webhook.", "Summary or Text is required."), so any
 *       other 2xx body is a permanent failure with that text, never a success.
 * </ol>
 */
final class TeamsAnswers {

  /** Legacy connectors' "Microsoft Teams endpoint returned HTTP error 429 with ContextId …". */
  private static final Pattern EMBEDDED_STATUS = Pattern.compile("HTTP error (\\d{3})", Pattern.CASE_INSENSITIVE);

  static final String RUN_ID_HEADER = "x-ms-workflow-run-id";

  static final PlatformResponses TEAMS = PlatformResponses.of("Teams")
      .withQuirk(TeamsAnswers::statusInTheBody)
      .withQuirk(TeamsAnswers::unconfirmedSuccess);

  private TeamsAnswers() {}

  /** The receipt for a delivered card, or the right failure. */
  static DeliveryReceipt receipt(HttpResponse<String> response, String deliveryId, Clock clock)
      throws DeliveryException {
    TEAMS.check(response, clock);
    String runId = response.headers().firstValue(RUN_ID_HEADER).map(String::strip).orElse("");
    return new DeliveryReceipt(runId.isEmpty() ? deliveryId : runId, "");
  }

  /** Teams' own status reported in the body; a real 429 or 5xx is left to the standard rules. */
  private static Optional<Verdict> statusInTheBody(HttpResponse<String> answer) {
    if (answer.statusCode() == 429 || answer.statusCode() >= 500) {
      return Optional.empty();
    }
    return embeddedStatus(answer.body()).map(reported -> {
      String text = "reporting HTTP error " + reported + ": " + answer.body();
      return reported == 429 || reported >= 500 ? Verdict.retryable(text) : Verdict.permanent(text);
    });
  }

  private static Optional<Verdict> unconfirmedSuccess(HttpResponse<String> answer) {
    int status = answer.statusCode();
    boolean success = status >= 200 && status < 300;
    return success && !confirmsDelivery(status, answer.body())
        ? Optional.of(Verdict.permanent("the post is not confirmed: " + PlatformResponses.errorText(answer.body())))
        : Optional.empty();
  }

  /** 202 from Workflows; 200 with {@code 1} (legacy) or an empty body. */
  private static boolean confirmsDelivery(int status, String body) {
    String text = body == null ? "" : body.strip();
    return status == 202 || text.isEmpty() || text.equals("1");
  }

  /** The Teams status a legacy connector reports inside its body, if it does. */
  private static Optional<Integer> embeddedStatus(String body) {
    if (body == null) {
      return Optional.empty();
    }
    Matcher matcher = EMBEDDED_STATUS.matcher(body);
    return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }
}
