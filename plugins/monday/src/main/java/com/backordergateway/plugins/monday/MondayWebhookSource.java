package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.ResolvedSignal;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.api.UnavailableSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.api.WebhookSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import org.pf4j.Extension;

/**
 * A monday.com board's column-change webhooks as a source (type {@code monday}, posted to {@code
 * /webhooks/monday/<source id>}).
 *
 * <p>{@link #verify}, before the body is read: a webhook a monday app created carries {@code
 * Authorization: <JWT>} signed HS256 with the app's Signing Secret ({@link AppJwt}; its {@code
 * aud} must name {@code endpoint-url} when that is set); a board webhook (Integrations › Webhooks,
 * or {@code create_webhook} with a personal token) is not signed at all, so its URL carries {@code
 * ?secret=<url-secret>}, compared in constant time. With both secrets configured either proof
 * passes. {@link #read}: a JWT's {@code exp} must be ahead on the context's clock; then monday.com's
 * creation {@code challenge} is echoed as the handshake it expects, and a status column changed to
 * the backorder label marks the SKU in the item's name unavailable, changed from it to the resolved
 * label resolves it as restocked. Changes made by the gateway's own monday.com user (the loop
 * guard) and everything else are acknowledged and ignored. Signals are deduplicated on {@code
 * triggerUuid}, which monday.com keeps across its retries (every minute for 30 minutes).
 */
@Extension
public final class MondayWebhookSource implements WebhookSource {

  static final String AUTHORIZATION = "Authorization";
  static final String SECRET_PARAMETER = "secret";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String source() {
    return "monday";
  }

  @Override
  public List<SettingSpec> settings() {
    return MondaySourceSettings.SPECS;
  }

  /** At binding (start-up): one of the two secrets, a URL-safe url-secret, distinct labels, a SKU pattern that compiles. */
  @Override
  public void checkSettings(ConnectorSettings settings) {
    MondaySourceSettings.from(settings);
  }

  @Override
  public void verify(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException {
    Objects.requireNonNull(request, "request is null");
    authenticate(request, MondaySourceSettings.from(settings));
  }

  @Override
  public WebhookOutcome read(WebhookRequest request, ConnectorSettings settings, ConnectorContext context)
      throws WebhookRejectedException {
    Objects.requireNonNull(request, "request is null");
    MondaySourceSettings source = MondaySourceSettings.from(settings);
    Optional<AppJwt> token = authenticate(request, source);
    if (token.isPresent()) {
      Optional<Instant> expired = token.get().expiredAt(context.clock().instant());
      if (expired.isPresent()) {
        throw WebhookRejectedException.badSignature("monday: the Authorization token expired at " + expired.get()
            + " (it is " + context.clock().instant() + " on the gateway's clock)");
      }
    }
    JsonNode body = body(request);
    JsonNode challenge = body.get("challenge");
    if (challenge != null) {
      if (!challenge.isTextual()) {
        throw WebhookRejectedException.malformed("monday: the challenge is not a string");
      }
      return WebhookOutcome.handshake(handshake(challenge.asText()));
    }
    JsonNode event = body.get("event");
    if (event == null || !event.isObject()) {
      throw WebhookRejectedException.malformed("monday: the body has neither a challenge nor an event object");
    }
    return outcome(ColumnChange.read(event), source);
  }

  /**
   * The URL secret, else the app JWT, as configured. Empty when the URL secret passed; the token
   * (whose expiry the caller checks) when it did.
   */
  private static Optional<AppJwt> authenticate(WebhookRequest request, MondaySourceSettings source)
      throws WebhookRejectedException {
    List<String> problems = new ArrayList<>();
    if (source.urlSecret().isPresent()) {
      Optional<String> presented = request.queryParameter(SECRET_PARAMETER).map(String::strip);
      if (presented.isPresent() && WebhookSignatures.sameSecret(source.urlSecret().get(), presented.get())) {
        return Optional.empty();
      }
      problems.add(presented.isEmpty()
          ? "the URL carries no ?" + SECRET_PARAMETER + "= (register the webhook as https://<gateway>/webhooks/monday/"
              + "<source id>?" + SECRET_PARAMETER + "=<url-secret>)"
          : "the URL's " + SECRET_PARAMETER + "= is not this source's url-secret");
    }
    if (source.signingSecret().isPresent()) {
      Optional<String> token = request.header(AUTHORIZATION).map(MondayWebhookSource::bearer).filter(t -> !t.isEmpty());
      if (token.isEmpty()) {
        problems.add("no " + AUTHORIZATION + " token (webhooks a monday app creates carry a JWT signed with its"
            + " Signing Secret; a board webhook carries none and needs url-secret)");
      } else {
        try {
          return Optional.of(AppJwt.verify(token.get(), source.signingSecret().get(), source.endpointUrl()));
        } catch (WebhookRejectedException e) {
          problems.add(e.getMessage().replaceFirst("^monday: ", ""));
        }
      }
    }
    throw WebhookRejectedException.badSignature("monday: " + String.join("; and ", problems));
  }

  /** The token without an optional {@code Bearer } prefix. */
  private static String bearer(String header) {
    String value = header.strip();
    return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : value;
  }

  private static JsonNode body(WebhookRequest request) throws WebhookRejectedException {
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      throw WebhookRejectedException.malformed("monday: the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw WebhookRejectedException.malformed("monday: the body cannot be read: " + e.getMessage());
    }
    if (body == null || !body.isObject()) {
      throw WebhookRejectedException.malformed("monday: the body is not a JSON object");
    }
    return body;
  }

  /** {@code {"challenge":"…"}}, written by Jackson so any character of the challenge is escaped. */
  private static String handshake(String challenge) {
    try {
      return JSON.writeValueAsString(JSON.createObjectNode().put("challenge", challenge));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the challenge answer", e);
    }
  }

  private static WebhookOutcome outcome(ColumnChange change, MondaySourceSettings source)
      throws WebhookRejectedException {
    if (!change.isColumnChange()) {
      return WebhookOutcome.ignored("a " + (change.type().isEmpty() ? "monday.com" : change.type())
          + " event, not a column change");
    }
    if (change.triggerUuid().isEmpty()) {
      throw WebhookRejectedException.malformed("monday: the event has no triggerUuid, which identifies the delivery");
    }
    if (source.statusColumn().isPresent() && !source.statusColumn().get().equals(change.columnId())) {
      return WebhookOutcome.ignored("a change of column " + shown(change.columnId()) + ", not of status-column "
          + source.statusColumn().get());
    }
    if (!change.isStatusColumn()) {
      return WebhookOutcome.ignored("column " + shown(change.columnId()) + " is not a status column ("
          + (change.columnType().isEmpty() ? "no label" : change.columnType()) + ")");
    }
    if (source.gatewayUserId().isPresent() && source.gatewayUserId().get().equals(change.userId())) {
      return WebhookOutcome.ignored("made by the gateway's own monday user (" + change.userId() + ")");
    }
    boolean toBackorder = source.isBackorder(change.label()) && !source.isBackorder(change.previousLabel());
    boolean toResolved = source.isResolved(change.label()) && source.isBackorder(change.previousLabel());
    if (!toBackorder && !toResolved) {
      return WebhookOutcome.ignored(unchanged(change, source));
    }
    Optional<String> sku = sku(change.pulseName(), source);
    if (sku.isEmpty()) {
      return WebhookOutcome.ignored("item " + shown(change.pulseId()) + " (\"" + change.pulseName()
          + "\") has no SKU matching sku-pattern " + source.skuPattern().pattern());
    }
    if (toResolved) {
      return WebhookOutcome.of(new ResolvedSignal(change.triggerUuid(), sku.get(), ResolvedSignal.Outcome.RESTOCKED, ""));
    }
    String reason = "status set to " + change.label() + " on monday.com (board " + shown(change.boardId()) + ", item "
        + shown(change.pulseId()) + ")";
    String actor = change.userId().isEmpty() ? "monday.com" : "monday.com user " + change.userId();
    return WebhookOutcome.of(UnavailableSignal.of(change.triggerUuid(), sku.get(), reason, actor));
  }

  /** Why a status change is neither of the two the source acts on. */
  private static String unchanged(ColumnChange change, MondaySourceSettings source) {
    String to = change.label().isEmpty() ? "no label" : change.label();
    String from = change.previousLabel().isEmpty() ? "no label" : change.previousLabel();
    if (change.label().toLowerCase(Locale.ROOT).equals(change.previousLabel().toLowerCase(Locale.ROOT))) {
      return "status stayed " + to;
    }
    if (source.isResolved(change.label())) {
      return "status set to " + to + " from " + from + ", not from backorder-label " + source.backorderLabel();
    }
    return "status set to " + to + " from " + from + ": neither backorder-label " + source.backorderLabel()
        + source.resolvedLabel().map(label -> " nor resolved-label " + label).orElse("") + " reached";
  }

  /** The first match of the SKU pattern in the item name: group 1 if the pattern has one. */
  private static Optional<String> sku(String pulseName, MondaySourceSettings source) {
    Matcher matcher = source.skuPattern().matcher(pulseName);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String sku = matcher.groupCount() >= 1 ? matcher.group(1) : matcher.group();
    return sku == null || sku.isBlank() ? Optional.empty() : Optional.of(sku.strip());
  }

  private static String shown(String id) {
    return id.isEmpty() ? "?" : id;
  }
}
