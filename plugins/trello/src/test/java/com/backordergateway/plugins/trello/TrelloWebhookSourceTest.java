package com.backordergateway.plugins.trello;

import static com.backordergateway.plugins.trello.TrelloPayloads.ACTION;
import static com.backordergateway.plugins.trello.TrelloPayloads.BACKORDER;
import static com.backordergateway.plugins.trello.TrelloPayloads.CALLBACK;
import static com.backordergateway.plugins.trello.TrelloPayloads.CARD;
import static com.backordergateway.plugins.trello.TrelloPayloads.CARD_NAME;
import static com.backordergateway.plugins.trello.TrelloPayloads.DANA;
import static com.backordergateway.plugins.trello.TrelloPayloads.GATEWAY_MEMBER;
import static com.backordergateway.plugins.trello.TrelloPayloads.IN_STOCK;
import static com.backordergateway.plugins.trello.TrelloPayloads.RESOLVED;
import static com.backordergateway.plugins.trello.TrelloPayloads.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.ResolvedSignal;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.api.UnavailableSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Trello webhook source on deliveries shaped as Trello posts them: the signature over the
 * body and the callback URL, a card created in or moved to the Backorder list as a SKU marked
 * unavailable, a move from Backorder to Resolved as a restock, everything else acknowledged and
 * ignored, the loop guard, and the settings it refuses.
 */
class TrelloWebhookSourceTest {

  private final TrelloWebhookSource source = new TrelloWebhookSource();
  private final TestConnectorContext context = TestConnectorContext.create();

  private ConnectorSettings settings(Map<String, String> extra) {
    Map<String, String> configured = new HashMap<>(Map.of("app-secret", SECRET, "callback-url", CALLBACK,
        "backorder-list", BACKORDER, "resolved-list", RESOLVED));
    configured.putAll(extra);
    configured.values().removeIf(String::isEmpty);
    return ConnectorSettings.of(configured, source.settings());
  }

  private WebhookOutcome read(String body) throws WebhookRejectedException {
    return read(TrelloPayloads.delivery(body), settings(Map.of()));
  }

  private WebhookOutcome read(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException {
    source.verify(request, settings);
    return source.read(request, settings, context);
  }

  private static void assertIgnored(WebhookOutcome outcome, String note) {
    assertThat(outcome.signal()).isEmpty();
    assertThat(outcome.reply()).isEmpty();
    assertThat(outcome.note()).contains(note);
  }

  // ---- What the source declares --------------------------------------------------------------------

  @Test
  void declaresTheTrelloSourceWithItsSettings() {
    assertThat(source.source()).isEqualTo("trello");
    assertThat(source.settings()).extracting(SettingSpec::key).containsExactly("app-secret", "callback-url",
        "backorder-list", "resolved-list", "sku-pattern", "sku-custom-field", "api-key", "token",
        "gateway-member-id", "base-url");
    assertThat(source.settings()).filteredOn(SettingSpec::required).extracting(SettingSpec::key)
        .containsExactly("app-secret", "callback-url", "backorder-list");
    assertThat(source.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("app-secret", "api-key", "token");
    assertThat(source.settings().get(0).format()).isEqualTo(SettingFormat.secret(32));
    assertThat(source.settings().get(1).format()).isEqualTo(SettingFormat.url());
    assertThat(source.settings().get(4).defaultValue()).isEqualTo(TrelloSourceSettings.DEFAULT_SKU_PATTERN);

    ConnectorSettings settings = settings(Map.of("sku-custom-field", "65f1c0ffee0ddba11a5ef1e1",
        "api-key", "0123456789abcdef0123456789abcdef", "token", "ATTA0123456789abcdef0123456789abcdef"));
    TrelloSourceSettings read = TrelloSourceSettings.from(settings);
    assertThat(settings.toString()).doesNotContain(SECRET).doesNotContain("ATTA0123456789abcdef");
    assertThat(read.toString()).doesNotContain(SECRET).doesNotContain("ATTA0123456789abcdef")
        .doesNotContain("0123456789abcdef0123456789abcdef").contains(BACKORDER).contains(CALLBACK);
  }

  @Test
  void theDefaultPatternFindsHyphenatedUpperCaseSkusButNotDatesOrRanges() {
    var pattern = java.util.regex.Pattern.compile(TrelloSourceSettings.DEFAULT_SKU_PATTERN);
    var cases = Map.of(
        "ACR-TITANIUM-WHITE Titanium white 120 ml", "ACR-TITANIUM-WHITE",
        "Due 2026-03-02, 2-3 weeks: PAINT-ACR-120", "PAINT-ACR-120",
        "Backorder: 120-B (brushes)", "120-B");
    cases.forEach((name, sku) -> {
      var match = pattern.matcher(name);
      assertThat(match.find()).as(name).isTrue();
      assertThat(match.group()).as(name).isEqualTo(sku);
    });
    for (String none : new String[] {"Titanium white", "restock 2026-03-02", "acr-120 lower case", "ACR"}) {
      assertThat(pattern.matcher(none).find()).as(none).isFalse();
    }
  }

  // ---- Signatures ----------------------------------------------------------------------------------

  @Test
  void aDeliverySignedOverTheBodyAndTheCallbackUrlIsAuthentic() throws Exception {
    WebhookRequest delivery = TrelloPayloads.delivery(TrelloPayloads.createCard(CARD_NAME, BACKORDER, "Backorder"));
    source.verify(delivery, settings(Map.of()));
    WebhookRequest lowerCaseHeader = new WebhookRequest(
        Map.of("x-trello-webhook", delivery.header("X-Trello-Webhook").orElseThrow()), delivery.body());
    source.verify(lowerCaseHeader, settings(Map.of()));
  }

  @Test
  void aTamperedBodyAnotherSecretOrAnotherCallbackUrlIsRejectedAsUnauthenticated() {
    byte[] body = TrelloPayloads.createCard(CARD_NAME, BACKORDER, "Backorder").getBytes(StandardCharsets.UTF_8);
    byte[] tampered = TrelloPayloads.createCard(CARD_NAME.replace("ACR-TITANIUM-WHITE", "ACR-CADMIUM-RED"), BACKORDER,
        "Backorder").getBytes(StandardCharsets.UTF_8);
    String otherSecret = "0000000000000000000000000000000000000000000000000000000000000000";
    Map<String, WebhookRequest> forgeries = Map.of(
        "tampered body", signed(tampered, TrelloPayloads.sign(SECRET, body, CALLBACK)),
        "another secret", signed(body, TrelloPayloads.sign(otherSecret, body, CALLBACK)),
        "another callback URL", signed(body, TrelloPayloads.sign(SECRET, body, CALLBACK + "/")),
        "the body alone", signed(body, TrelloPayloads.sign(SECRET, body, "")),
        "not base64", signed(body, "not a signature!"),
        "no header", new WebhookRequest(Map.of("Content-Type", "application/json"), body));
    forgeries.forEach((what, forged) -> assertThatThrownBy(() -> source.verify(forged, settings(Map.of())))
        .as(what).isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
          assertThat(e.unauthenticated()).isTrue();
          assertThat(e.getMessage()).contains("X-Trello-Webhook").doesNotContain(SECRET);
        }));
  }

  @Test
  void theCallbackUrlIsSignedExactlyAsConfiguredTrailingSlashIncluded() throws Exception {
    byte[] body = TrelloPayloads.createCard(CARD_NAME, BACKORDER, "Backorder").getBytes(StandardCharsets.UTF_8);
    WebhookRequest toSlash = signed(body, TrelloPayloads.sign(SECRET, body, CALLBACK + "/"));
    ConnectorSettings slash = settings(Map.of("callback-url", CALLBACK + "/"));
    source.verify(toSlash, slash);
    assertThat(source.read(toSlash, slash, context).signal()).isPresent();
  }

  private static WebhookRequest signed(byte[] body, String signature) {
    return new WebhookRequest(Map.of("X-Trello-Webhook", signature), body);
  }

  // ---- Backorder -----------------------------------------------------------------------------------

  @Test
  void aCardCreatedInTheBackorderListMarksTheSkuInItsNameUnavailable() throws Exception {
    WebhookOutcome outcome = read(TrelloPayloads.createCard(CARD_NAME, BACKORDER, "Backorder"));

    assertThat(outcome.signal()).contains(UnavailableSignal.of(ACTION, "ACR-TITANIUM-WHITE",
        "card \"" + CARD_NAME + "\" created in Backorder on Trello", "Dana Whitfield"));
    assertThat(outcome.note()).isEmpty();
  }

  @Test
  void aCardMovedToTheBackorderListMarksItsSkuUnavailable() throws Exception {
    WebhookOutcome outcome = read(TrelloPayloads.moveCard(CARD_NAME, IN_STOCK, "In stock", BACKORDER, "Backorder"));

    assertThat(outcome.signal()).contains(UnavailableSignal.of(ACTION, "ACR-TITANIUM-WHITE",
        "card \"" + CARD_NAME + "\" moved to Backorder on Trello", "Dana Whitfield"));
  }

  @Test
  void aCardCopiedToOrMovedFromAnotherBoardIntoTheBackorderListMarksItsSkuUnavailable() throws Exception {
    assertThat(read(TrelloPayloads.copyCard(CARD_NAME, BACKORDER, "Backorder")).signal())
        .contains(UnavailableSignal.of(ACTION, "ACR-TITANIUM-WHITE",
            "card \"" + CARD_NAME + "\" copied to Backorder on Trello", "Dana Whitfield"));
    assertThat(read(TrelloPayloads.moveCardToBoard(CARD_NAME, BACKORDER, "Backorder")).signal())
        .contains(UnavailableSignal.of(ACTION, "ACR-TITANIUM-WHITE",
            "card \"" + CARD_NAME + "\" moved to Backorder on Trello", "Dana Whitfield"));
    assertIgnored(read(TrelloPayloads.copyCard(CARD_NAME, IN_STOCK, "In stock")),
        "copied to list In stock, not the backorder list");
  }

  @Test
  void theActorIsTheMembersUsernameWhenItHasNoFullName() throws Exception {
    WebhookOutcome outcome = read(TrelloPayloads.moveCardBy(null, CARD_NAME, IN_STOCK, "In stock", BACKORDER,
        "Backorder"));
    assertThat(((UnavailableSignal) outcome.signal().orElseThrow()).actor()).isEqualTo("danawhitfield");
  }

  @Test
  void aPatternWithAGroupGivesThatGroupAsTheSku() throws Exception {
    ConnectorSettings settings = settings(Map.of("sku-pattern", "SKU:\\s*([a-z0-9-]+)"));
    WebhookRequest delivery = TrelloPayloads.delivery(
        TrelloPayloads.createCard("Titanium white (SKU: acr-tw-120)", BACKORDER, "Backorder"));

    UnavailableSignal signal = (UnavailableSignal) read(delivery, settings).signal().orElseThrow();
    assertThat(signal.sku()).isEqualTo("acr-tw-120");
  }

  @Test
  void aCardWithoutASkuInItsNameIsAcknowledgedAndIgnored() throws Exception {
    WebhookOutcome outcome = read(TrelloPayloads.createCard("Titanium white, the big tube", BACKORDER, "Backorder"));
    assertIgnored(outcome, "no SKU in the name \"Titanium white, the big tube\" of card " + CARD);
    assertThat(outcome.note()).contains("sku-pattern");
  }

  // ---- Resolved ------------------------------------------------------------------------------------

  @Test
  void aCardMovedFromBackorderToResolvedIsARestock() throws Exception {
    WebhookOutcome outcome = read(TrelloPayloads.moveCard(CARD_NAME, BACKORDER, "Backorder", RESOLVED, "Resolved"));

    assertThat(outcome.signal()).contains(new ResolvedSignal(ACTION, "ACR-TITANIUM-WHITE",
        ResolvedSignal.Outcome.RESTOCKED, ""));
  }

  @Test
  void aCardMovedToResolvedFromAnotherListIsNotARestock() throws Exception {
    assertIgnored(read(TrelloPayloads.moveCard(CARD_NAME, IN_STOCK, "In stock", RESOLVED, "Resolved")),
        "from In stock, not from the backorder list");
  }

  @Test
  void withoutAResolvedListAMoveOutOfBackorderIsIgnored() throws Exception {
    ConnectorSettings noResolved = settings(Map.of("resolved-list", ""));
    WebhookOutcome outcome = read(TrelloPayloads.delivery(
        TrelloPayloads.moveCard(CARD_NAME, BACKORDER, "Backorder", RESOLVED, "Resolved")), noResolved);
    assertIgnored(outcome, "moved to list Resolved, neither the backorder nor the resolved list");
  }

  // ---- Acknowledged, nothing recorded --------------------------------------------------------------

  @Test
  void otherMovesCardsOnOtherListsAndOtherChangesAreAcknowledgedAndIgnored() throws Exception {
    assertIgnored(read(TrelloPayloads.moveCard(CARD_NAME, BACKORDER, "Backorder", IN_STOCK, "In stock")),
        "moved to list In stock, neither the backorder nor the resolved list");
    assertIgnored(read(TrelloPayloads.createCard(CARD_NAME, IN_STOCK, "In stock")),
        "created in list In stock, not the backorder list");
    assertIgnored(read(TrelloPayloads.renameCard("ACR-TW Titanium", CARD_NAME)), "changed but not moved");
    assertIgnored(read(TrelloPayloads.dueDateChanged()), "changed but not moved");
    assertIgnored(read(TrelloPayloads.comment()), "a commentCard action");
  }

  @Test
  void theGatewaysOwnMembersActionsAreNotReadBack() throws Exception {
    ConnectorSettings guarded = settings(Map.of("gateway-member-id", GATEWAY_MEMBER));
    WebhookOutcome own = read(TrelloPayloads.delivery(
        TrelloPayloads.createCardBy(GATEWAY_MEMBER, CARD_NAME, BACKORDER, "Backorder")), guarded);
    assertIgnored(own, "made by the gateway's own Trello member");

    WebhookOutcome staff = read(TrelloPayloads.delivery(
        TrelloPayloads.createCardBy(DANA, CARD_NAME, BACKORDER, "Backorder")), guarded);
    assertThat(staff.signal()).as("a person's card on the same list still counts").isPresent();

    WebhookOutcome unguarded = read(TrelloPayloads.delivery(
        TrelloPayloads.createCardBy(GATEWAY_MEMBER, CARD_NAME, BACKORDER, "Backorder")), settings(Map.of()));
    assertThat(unguarded.signal()).as("without gateway-member-id nothing is guarded").isPresent();
  }

  // ---- Malformed -----------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"not json at all", "[]", "{\"model\":{\"id\":\"65f1c0ffee0ddba11a5eb0a1\"}}",
      "{\"action\":{\"type\":\"createCard\",\"data\":{}}}", "{\"action\":{\"id\":\"65f2a1b2c3d4e5f6a7b8c9d0\"}}",
      "{\"action\":{\"id\":\"65f2a1b2c3d4e5f6a7b8c9d0\",\"type\":\"createCard\",\"data\":{\"list\":{\"id\":\"x\"}}}}"})
  void aBodyThatIsNotATrelloActionIsMalformed(String body) {
    assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
      assertThat(e.unauthenticated()).isFalse();
      assertThat(e.retryLater()).isFalse();
      assertThat(e.getMessage()).startsWith("trello: ");
    });
  }

  // ---- Settings ------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"app-secret", "callback-url", "backorder-list"})
  void aMissingRequiredSettingIsRefusedNamingIt(String key) {
    assertThatThrownBy(() -> settings(Map.of(key, ""))).isInstanceOfSatisfying(InvalidSettingsException.class,
        e -> assertThat(e.key()).isEqualTo(key));
  }

  @Test
  void settingsOfTheWrongShapeAreRefusedNamingTheKeyWithoutEchoingSecrets() {
    Map<String, String> bad = Map.of("app-secret", "too-short", "callback-url", "gateway/webhooks/trello/x",
        "backorder-list", "Backorder", "gateway-member-id", "dana", "sku-custom-field", "SKU");
    bad.forEach((key, value) -> assertThatThrownBy(() -> settings(Map.of(key, value)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo(key);
          assertThat(e.getMessage()).doesNotContain("too-short");
        }));
  }

  @Test
  void crossSettingMistakesAreRefusedWhenTheSourceReadsThemNamingTheKey() {
    Map<String, String> token = Map.of("sku-custom-field", "65f1c0ffee0ddba11a5ef1e1",
        "token", "ATTA0123456789abcdef0123456789abcdef");
    Map<String, String> key = Map.of("sku-custom-field", "65f1c0ffee0ddba11a5ef1e1",
        "api-key", "0123456789abcdef0123456789abcdef");
    Map<Map<String, String>, String> cases = Map.of(
        token, "api-key",
        key, "token",
        Map.of("resolved-list", BACKORDER), "resolved-list",
        Map.of("sku-pattern", "([A-Z"), "sku-pattern");
    WebhookRequest delivery = TrelloPayloads.delivery(TrelloPayloads.createCard(CARD_NAME, BACKORDER, "Backorder"));
    cases.forEach((extra, named) -> assertThatThrownBy(() -> read(delivery, settings(extra)))
        .as(named).isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo(named);
          assertThat(e.getMessage()).doesNotContain("ATTA0123456789abcdef")
              .doesNotContain("0123456789abcdef0123456789abcdef");
        }));
  }

  @Test
  void theSignedDataIsTheBodyThenTheCallbackUrl() {
    byte[] data = TrelloWebhookSource.signed("{}".getBytes(StandardCharsets.UTF_8), "https://é.example/");
    assertThat(Arrays.copyOfRange(data, 0, 2)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(data, 2, data.length - 2, StandardCharsets.UTF_8)).isEqualTo("https://é.example/");
  }
}
