package com.backordergateway.plugins.trello;

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
import com.backordergateway.plugins.trello.CardCustomFields.Found;
import com.backordergateway.plugins.trello.CardCustomFields.Missing;
import com.backordergateway.plugins.trello.CardCustomFields.Value;
import com.backordergateway.plugins.trello.TrelloAction.Named;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import org.pf4j.Extension;

/**
 * A Trello board's webhook as a source (type {@code trello}, posted to {@code
 * /webhooks/trello/<source id>}; the host answers Trello's {@code HEAD} check of that URL).
 *
 * <p>{@link #verify}: {@code X-Trello-Webhook} must be base64(HMAC-SHA1(app secret, raw body
 * bytes followed by the callback URL's UTF-8 bytes)), compared in constant time. {@link #read}:
 * a card created in (or copied or moved from another board to) the Backorder list, or moved to it
 * from another list, marks its SKU unavailable; a card moved from the Backorder list to the
 * Resolved list resolves its SKU's backorder as restocked. The SKU is the first match of the
 * pattern in the card's name, or the value of a custom field, looked up through the API. Actions
 * of the gateway's own Trello member (the loop guard) and every other action are acknowledged
 * and ignored. Each signal is deduplicated on the action id, which Trello keeps across its
 * retries of one delivery.
 */
@Extension
public final class TrelloWebhookSource implements WebhookSource {

  static final String SIGNATURE_HEADER = "X-Trello-Webhook";
  static final String CREATE_CARD = "createCard";
  static final String UPDATE_CARD = "updateCard";

  /** Actions that put a card on a list ({@code data.list}), and how a reason says so. */
  private static final Map<String, String> ARRIVALS = Map.of(
      CREATE_CARD, "created in",
      "copyCard", "copied to",
      "moveCardToBoard", "moved to",
      "convertToCardFromCheckItem", "created in");

  @Override
  public String source() {
    return "trello";
  }

  @Override
  public List<SettingSpec> settings() {
    return TrelloSourceSettings.SPECS;
  }

  @Override
  public void checkSettings(ConnectorSettings settings) {
    TrelloSourceSettings.from(settings);
  }

  @Override
  public void verify(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException {
    Objects.requireNonNull(request, "request is null");
    TrelloSourceSettings source = TrelloSourceSettings.from(settings);
    String presented = request.header(SIGNATURE_HEADER).filter(s -> !s.isBlank()).orElseThrow(
        () -> WebhookRejectedException.badSignature("trello: no " + SIGNATURE_HEADER
            + " header; Trello signs every delivery of a webhook"));
    if (!WebhookSignatures.matchesBase64Sha1(source.appSecret(), signed(request.body(), source.callbackUrl()),
        presented)) {
      throw WebhookRejectedException.badSignature("trello: " + SIGNATURE_HEADER
          + " does not match the body and callback-url: another app's secret, a callback-url other than the"
          + " callbackURL the webhook was registered with, or a body changed on the way");
    }
  }

  /** What Trello signs: the body's bytes, then the callback URL's. */
  static byte[] signed(byte[] body, String callbackUrl) {
    byte[] url = callbackUrl.getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[body.length + url.length];
    System.arraycopy(body, 0, data, 0, body.length);
    System.arraycopy(url, 0, data, body.length, url.length);
    return data;
  }

  @Override
  public WebhookOutcome read(WebhookRequest request, ConnectorSettings settings, ConnectorContext context)
      throws WebhookRejectedException {
    Objects.requireNonNull(request, "request is null");
    TrelloSourceSettings source = TrelloSourceSettings.from(settings);
    TrelloAction action = TrelloAction.read(request.body());
    if (source.gatewayMember().isPresent() && source.gatewayMember().get().equals(action.memberCreator())) {
      return WebhookOutcome.ignored("action " + action.id() + " was made by the gateway's own Trello member ("
          + TrelloSourceSettings.GATEWAY_MEMBER_ID + "), not read back");
    }
    String arrival = ARRIVALS.get(action.type());
    if (arrival != null) {
      Named card = card(action);
      Optional<Named> list = action.list();
      if (list.isEmpty() || !list.get().id().equals(source.backorderList())) {
        return WebhookOutcome.ignored("card " + card.id() + " " + arrival + " list "
            + list.map(Named::shown).orElse("(none given)") + ", not the backorder list");
      }
      return unavailable(action, card, arrival, list.get(), source, context);
    }
    if (!action.type().equals(UPDATE_CARD)) {
      return WebhookOutcome.ignored("a " + action.type() + " action, not a card created in or moved between lists");
    }
    Named card = card(action);
    if (action.listAfter().isEmpty()) {
      return WebhookOutcome.ignored("card " + card.id() + " was changed but not moved to another list");
    }
    Named after = action.listAfter().get();
    if (after.id().equals(source.backorderList())) {
      return unavailable(action, card, "moved to", after, source, context);
    }
    if (source.resolvedList().isPresent() && after.id().equals(source.resolvedList().get())) {
      Optional<Named> before = action.listBefore();
      if (before.isEmpty() || !before.get().id().equals(source.backorderList())) {
        return WebhookOutcome.ignored("card " + card.id() + " moved to the resolved list from "
            + before.map(Named::shown).orElse("a list not given") + ", not from the backorder list");
      }
      return resolved(action, card, source, context);
    }
    return WebhookOutcome.ignored("card " + card.id() + " moved to list " + after.shown()
        + ", neither the backorder nor the resolved list");
  }

  private static WebhookOutcome unavailable(TrelloAction action, Named card, String how, Named list,
      TrelloSourceSettings source, ConnectorContext context) throws WebhookRejectedException {
    Found sku = sku(card, source, context);
    if (sku instanceof Missing missing) {
      return WebhookOutcome.ignored(missing.why() + "; nothing recorded");
    }
    String reason = "card \"" + card.name() + "\" " + how + " " + (list.name().isEmpty() ? "the backorder list"
        : list.name()) + " on Trello";
    return WebhookOutcome.of(UnavailableSignal.of(action.id(), ((Value) sku).text(), reason, action.actor()));
  }

  private static WebhookOutcome resolved(TrelloAction action, Named card, TrelloSourceSettings source,
      ConnectorContext context) throws WebhookRejectedException {
    Found sku = sku(card, source, context);
    if (sku instanceof Missing missing) {
      return WebhookOutcome.ignored(missing.why() + "; nothing recorded");
    }
    return WebhookOutcome.of(new ResolvedSignal(action.id(), ((Value) sku).text(), ResolvedSignal.Outcome.RESTOCKED,
        ""));
  }

  /** The card's SKU: from the custom field when one is set, else from the name. */
  private static Found sku(Named card, TrelloSourceSettings source, ConnectorContext context)
      throws WebhookRejectedException {
    if (source.skuField().isPresent()) {
      return CardCustomFields.read(source.skuField().get(), card.id(), context);
    }
    Matcher match = source.skuPattern().matcher(card.name());
    while (match.find()) {
      String sku = match.groupCount() >= 1 ? match.group(1) : match.group();
      if (sku != null && !sku.isBlank()) {
        return new Value(sku.strip());
      }
    }
    return new Missing("no SKU in the name \"" + card.name() + "\" of card " + card.id() + " ("
        + TrelloSourceSettings.SKU_PATTERN + " " + source.skuPattern().pattern() + " does not match it)");
  }

  private static Named card(TrelloAction action) throws WebhookRejectedException {
    return action.card().orElseThrow(() -> WebhookRejectedException.malformed(
        "trello: the " + action.type() + " action " + action.id() + " has no data.card.id"));
  }

  @Override
  public String toString() {
    return "TrelloWebhookSource";
  }
}
