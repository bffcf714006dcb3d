package com.backordergateway.plugins.monday;

import static com.backordergateway.plugins.monday.MondayPayloads.BOARD_ID;
import static com.backordergateway.plugins.monday.MondayPayloads.CHALLENGE;
import static com.backordergateway.plugins.monday.MondayPayloads.CHALLENGE_VALUE;
import static com.backordergateway.plugins.monday.MondayPayloads.ENDPOINT;
import static com.backordergateway.plugins.monday.MondayPayloads.ITEM_ID;
import static com.backordergateway.plugins.monday.MondayPayloads.SIGNING_SECRET;
import static com.backordergateway.plugins.monday.MondayPayloads.SKU;
import static com.backordergateway.plugins.monday.MondayPayloads.STATUS_TO_BACKORDER;
import static com.backordergateway.plugins.monday.MondayPayloads.TRIGGER_UUID;
import static com.backordergateway.plugins.monday.MondayPayloads.URL_SECRET;
import static com.backordergateway.plugins.monday.MondayPayloads.USER_ID;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MondayWebhookSourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MondayWebhookSource source = new MondayWebhookSource();
  private final TestConnectorContext context = TestConnectorContext.create();
  /** When monday.com signed the token: the event's triggerTime, 19 s before the test clock. */
  private final Instant issued = Instant.parse("2026-03-02T09:29:41Z");

  private final ConnectorSettings board = settings(Map.of("url-secret", URL_SECRET));
  private final ConnectorSettings app = settings(Map.of("signing-secret", SIGNING_SECRET, "endpoint-url", ENDPOINT));

  // ---- What the source declares ----------------------------------------------------------------

  @Test
  void declaresTheMondaySourceWithTwoSecretsAndItsRules() {
    assertThat(source.source()).isEqualTo("monday");
    assertThat(source.settings()).extracting(SettingSpec::key).containsExactly("signing-secret", "url-secret",
        "endpoint-url", "backorder-label", "resolved-label", "status-column", "sku-pattern", "gateway-user-id");
    assertThat(source.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("signing-secret", "url-secret");
    assertThat(source.settings()).noneMatch(SettingSpec::required);
    assertThat(spec("url-secret").format()).isEqualTo(SettingFormat.secret(24));
    assertThat(spec("endpoint-url").format()).isEqualTo(SettingFormat.url());
    assertThat(spec("backorder-label").defaultValue()).isEqualTo("Backorder");
    assertThat(spec("sku-pattern").defaultValue()).isEqualTo("\\b[A-Z0-9]+(?:-[A-Z0-9]+)+\\b");
    assertThat(spec("resolved-label").defaultValue()).isNull();
  }

  @Test
  void neitherSecretIsRefusedOnUrlSecretSayingWhy() {
    assertThatThrownBy(() -> source.verify(MondayPayloads.unsigned(CHALLENGE), settings(Map.of())))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("url-secret");
          assertThat(e.getMessage()).contains("required unless signing-secret is set").contains("?secret=");
        });
  }

  @Test
  void theCrossSettingRulesAreCheckedWhenTheHostBindsTheInstance() {
    assertThatThrownBy(() -> source.checkSettings(settings(Map.of())))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("url-secret"));
    assertThatThrownBy(() -> source.checkSettings(settings(Map.of("signing-secret", SIGNING_SECRET,
        "resolved-label", "Backorder")))).isInstanceOfSatisfying(InvalidSettingsException.class,
            e -> assertThat(e.key()).isEqualTo("resolved-label"));
    source.checkSettings(board);
    source.checkSettings(app);
  }

  @ParameterizedTest
  @ValueSource(strings = {"too-short-0123456789", "a secret with spaces in it, long enough"})
  void aUrlSecretTooShortOrWithSpacesIsRefusedByTheHostWithoutEchoingIt(String secret) {
    assertThatThrownBy(() -> settings(Map.of("url-secret", secret)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("url-secret");
          assertThat(e.getMessage()).doesNotContain(secret);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"mNq7Yv2pL9xR4tW8+K3nB6cD1hJ5sF0g", "mNq7Yv2pL9xR4tW8&K3nB6cD1hJ5sF0g", "mNq7Yv2pL9x/R4tW8zK3nB6cD1hJ5sF0=="})
  void aUrlSecretAQueryStringWouldMangleIsRefusedWithoutEchoingIt(String secret) {
    ConnectorSettings settings = settings(Map.of("url-secret", secret));
    assertThatThrownBy(() -> source.verify(MondayPayloads.withUrlSecret(CHALLENGE, secret), settings))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("url-secret");
          assertThat(e.getMessage()).contains("letters, digits and - . _ ~").doesNotContain(secret);
        });
  }

  @Test
  void aResolvedLabelThatIsTheBackorderLabelIsRefused() {
    ConnectorSettings same = settings(Map.of("url-secret", URL_SECRET, "resolved-label", " backorder "));
    assertThatThrownBy(() -> source.verify(MondayPayloads.withUrlSecret(CHALLENGE, URL_SECRET), same))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("resolved-label"));
  }

  @Test
  void aSkuPatternThatDoesNotCompileIsRefused() {
    ConnectorSettings broken = settings(Map.of("url-secret", URL_SECRET, "sku-pattern", "([A-Z]+"));
    assertThatThrownBy(() -> source.verify(MondayPayloads.withUrlSecret(CHALLENGE, URL_SECRET), broken))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("sku-pattern");
          assertThat(e.getMessage()).contains("not a Java regular expression");
        });
  }

  @Test
  void anEndpointUrlWithAQueryIsRefusedSoNoSecretSitsInAPlainSetting() {
    ConnectorSettings withQuery = settings(Map.of("signing-secret", SIGNING_SECRET,
        "endpoint-url", ENDPOINT + "?secret=" + URL_SECRET));
    assertThatThrownBy(() -> source.verify(MondayPayloads.withToken(CHALLENGE, token()), withQuery))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("endpoint-url");
          assertThat(e.getMessage()).doesNotContain(URL_SECRET);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"endpoint-url=gateway.example.com/webhooks", "gateway-user-id=me", "gateway-user-id=0",
      "status-column=Status column", "backorder-label=Back\norder"})
  void aValueOfTheWrongShapeIsRefusedByTheHostNamingTheKey(String setting) {
    String key = setting.substring(0, setting.indexOf('='));
    String value = setting.substring(setting.indexOf('=') + 1);
    assertThatThrownBy(() -> settings(Map.of("url-secret", URL_SECRET, key, value)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key));
  }

  @Test
  void settingsNeverShowTheSecrets() {
    ConnectorSettings both = settings(Map.of("signing-secret", SIGNING_SECRET, "url-secret", URL_SECRET,
        "gateway-user-id", "0012345678"));
    assertThat(both.toString()).doesNotContain(SIGNING_SECRET).doesNotContain(URL_SECRET);
    MondaySourceSettings read = MondaySourceSettings.from(both);
    assertThat(read.toString()).doesNotContain(SIGNING_SECRET).doesNotContain(URL_SECRET)
        .contains("signing-secret=****", "url-secret=****", "gateway-user-id=12345678");
    assertThat(MondaySourceSettings.from(board).toString()).contains("signing-secret=(none)");
  }

  // ---- The creation challenge ------------------------------------------------------------------

  @Test
  void aChallengeWithTheUrlSecretIsAnsweredWithTheSameJson() throws Exception {
    WebhookRequest challenge = MondayPayloads.withUrlSecret(CHALLENGE, URL_SECRET);
    source.verify(challenge, board);
    WebhookOutcome outcome = source.read(challenge, board, context);

    assertThat(outcome.signal()).isEmpty();
    WebhookOutcome.Reply reply = outcome.reply().orElseThrow();
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(JSON.readTree(reply.body())).isEqualTo(JSON.readTree(CHALLENGE));
    assertThat(new String(reply.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"challenge\":\"" + CHALLENGE_VALUE + "\"}");
  }

  @Test
  void aChallengeSignedByTheAppIsAnsweredToo() throws Exception {
    WebhookRequest challenge = MondayPayloads.withToken(CHALLENGE, token());
    source.verify(challenge, app);
    assertThat(JSON.readTree(source.read(challenge, app, context).reply().orElseThrow().body()))
        .isEqualTo(JSON.readTree(CHALLENGE));
  }

  @Test
  void aChallengeIsEscapedByJacksonNotSpliced() throws Exception {
    String tricky = "a\"b\\c</script>\u00e9\n";
    String body = JSON.writeValueAsString(Map.of("challenge", tricky));
    WebhookOutcome outcome = source.read(MondayPayloads.withUrlSecret(body, URL_SECRET), board, context);
    assertThat(JSON.readTree(outcome.reply().orElseThrow().body()).get("challenge").asText()).isEqualTo(tricky);
  }

  @Test
  void aChallengeWithoutTheSecretIsRejectedAsUnauthenticated() {
    WebhookRejectedException e = rejected(() -> source.verify(MondayPayloads.unsigned(CHALLENGE), board));
    assertThat(e.unauthenticated()).isTrue();
    assertThat(e.getMessage()).contains("no ?secret=").contains("/webhooks/monday/<source id>?secret=<url-secret>");
  }

  @Test
  void aChallengeWithAnotherSecretIsRejectedWithoutEitherSecretInTheMessage() {
    String other = "zzzz7Yv2pL9xR4tW8zK3nB6cD1hJ5sF0g";
    WebhookRejectedException e = rejected(() -> source.verify(MondayPayloads.withUrlSecret(CHALLENGE, other), board));
    assertThat(e.unauthenticated()).isTrue();
    assertThat(e.getMessage()).contains("is not this source's url-secret").doesNotContain(URL_SECRET)
        .doesNotContain(other);
  }

  @Test
  void theUrlSecretIsComparedWhole() {
    for (String near : List.of(URL_SECRET.substring(0, 31), URL_SECRET + "x", URL_SECRET.toUpperCase(), "")) {
      assertThat(rejected(() -> source.verify(MondayPayloads.withUrlSecret(CHALLENGE, near), board)).unauthenticated())
          .as("secret=%s", near).isTrue();
    }
  }

  @Test
  void aChallengeIsReadOnlyOnceVerified() {
    assertThatThrownBy(() -> source.read(MondayPayloads.unsigned(CHALLENGE), board, context))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.unauthenticated()).isTrue());
  }

  // ---- App webhooks: the Authorization JWT -----------------------------------------------------

  @Test
  void anAppTokenSignedWithTheSigningSecretIsAccepted() throws Exception {
    WebhookRequest delivery = MondayPayloads.withToken(STATUS_TO_BACKORDER, token());
    source.verify(delivery, app);
    assertThat(source.read(delivery, app, context).signal()).containsInstanceOf(UnavailableSignal.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer ", "bearer ", "  "})
  void anOptionalBearerPrefixIsAccepted(String prefix) throws Exception {
    WebhookRequest delivery = MondayPayloads.withToken(STATUS_TO_BACKORDER, prefix + token());
    source.verify(delivery, app);
    assertThat(source.read(delivery, app, context).signal()).isPresent();
  }

  @Test
  void theAuthorizationHeaderIsFoundWhateverItsCase() throws Exception {
    WebhookRequest delivery = new WebhookRequest(Map.of("authorization", token()), Map.of(),
        MondayPayloads.bytes(STATUS_TO_BACKORDER));
    source.verify(delivery, app);
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRejected() {
    String forged = MondayPayloads.appToken("the-apps-client-secret-not-the-signing-one", issued, ENDPOINT);
    assertUnauthenticated(MondayPayloads.withToken(STATUS_TO_BACKORDER, forged), app, "does not match its signature");
  }

  @Test
  void aTokenWithChangedClaimsIsRejected() {
    String[] parts = token().split("\\.");
    String otherClaims = MondayPayloads.base64url(MondayPayloads.bytes(
        MondayPayloads.claims(issued, issued.plusSeconds(86_400 * 365), ENDPOINT)));
    String tampered = parts[0] + "." + otherClaims + "." + parts[2];
    assertUnauthenticated(MondayPayloads.withToken(STATUS_TO_BACKORDER, tampered), app, "does not match its signature");
  }

  @Test
  void anUnsignedTokenOfAlgNoneIsRejected() {
    String claims = MondayPayloads.claims(issued, issued.plusSeconds(300), ENDPOINT);
    String header = MondayPayloads.base64url(MondayPayloads.bytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
    String none = header + "." + MondayPayloads.base64url(MondayPayloads.bytes(claims)) + ".";
    assertUnauthenticated(MondayPayloads.withToken(STATUS_TO_BACKORDER, none), app, "is not signed with HS256 (alg none)");

    String noneButMacced = MondayPayloads.jwt(SIGNING_SECRET, "{\"alg\":\"none\"}", claims);
    assertUnauthenticated(MondayPayloads.withToken(STATUS_TO_BACKORDER, noneButMacced), app, "alg none");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"alg\":\"HS512\"}", "{\"alg\":\"RS256\"}", "{\"alg\":\"hs256\"}", "{\"typ\":\"JWT\"}",
      "{\"alg\":null}", "{\"alg\":256}"})
  void anyAlgorithmButHs256IsRejectedEvenWithAMatchingMac(String header) {
    String token = MondayPayloads.jwt(SIGNING_SECRET, header, MondayPayloads.claims(issued, issued.plusSeconds(300), ENDPOINT));
    assertUnauthenticated(MondayPayloads.withToken(STATUS_TO_BACKORDER, token), app, "is not signed with HS256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-jwt", "a.b", "a.b.c.d", "!!!.###.$$$", "e30.e30.", ".e30.abc"})
  void somethingThatIsNotAJwtIsRejected(String token) {
    assertThat(rejected(() -> source.verify(MondayPayloads.withToken(STATUS_TO_BACKORDER, token), app))
        .unauthenticated()).isTrue();
  }

  @Test
  void aTokenForAnotherWebhookUrlIsRejected() {
    String elsewhere = MondayPayloads.appToken(SIGNING_SECRET, issued,
        "https://gateway.example.com/webhooks/monday/another-board");
    assertUnauthenticated(MondayPayloads.withToken(STATUS_TO_BACKORDER, elsewhere), app, "is for another webhook URL");
  }

  @Test
  void theAudienceIsMatchedWithoutATrailingSlashOrItsQuery() throws Exception {
    for (String aud : List.of(ENDPOINT + "/", ENDPOINT + "?secret=" + URL_SECRET)) {
      source.verify(MondayPayloads.withToken(STATUS_TO_BACKORDER, MondayPayloads.appToken(SIGNING_SECRET, issued, aud)),
          app);
    }
  }

  @Test
  void withoutEndpointUrlAnyAudienceIsAccepted() throws Exception {
    ConnectorSettings anyUrl = settings(Map.of("signing-secret", SIGNING_SECRET));
    String token = MondayPayloads.appToken(SIGNING_SECRET, issued, "https://elsewhere.example.com/hook");
    source.verify(MondayPayloads.withToken(STATUS_TO_BACKORDER, token), anyUrl);
  }

  @Test
  void aTokenWithoutAudienceIsRejectedWhenEndpointUrlIsSet() {
    String token = MondayPayloads.jwt(SIGNING_SECRET, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
        "{\"accountId\":11223344,\"userId\":9603417,\"exp\":" + issued.plusSeconds(300).getEpochSecond() + "}");
    assertUnauthenticated(MondayPayloads.withToken(STATUS_TO_BACKORDER, token), app, "is for another webhook URL");
  }

  @Test
  void aTokenWithoutExpiryIsRejected() {
    String token = MondayPayloads.jwt(SIGNING_SECRET, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
        "{\"accountId\":11223344,\"userId\":9603417,\"aud\":\"" + ENDPOINT + "\"}");
    assertUnauthenticated(MondayPayloads.withToken(STATUS_TO_BACKORDER, token), app, "has no exp");
  }

  @Test
  void anExpiredTokenIsRejectedWhenReadOnTheContextsClock() throws Exception {
    WebhookRequest delivery = MondayPayloads.withToken(STATUS_TO_BACKORDER, token());
    source.verify(delivery, app);
    assertThat(source.read(delivery, app, context).signal()).isPresent();

    context.clock().set(issued.plusSeconds(300));
    WebhookRejectedException e = rejected(() -> source.read(delivery, app, context));
    assertThat(e.unauthenticated()).isTrue();
    assertThat(e.getMessage()).contains("expired at 2026-03-02T09:34:41Z");

    context.clock().advance(Duration.ofHours(1));
    assertThat(rejected(() -> source.read(delivery, app, context)).unauthenticated()).isTrue();
    WebhookRejectedException challenge = rejected(() -> source.read(MondayPayloads.withToken(CHALLENGE, token()), app,
        context));
    assertThat(challenge.unauthenticated()).as("a challenge with an old token is refused too").isTrue();
  }

  @Test
  void anAppDeliveryWithoutTokenIsRejected() {
    assertUnauthenticated(MondayPayloads.unsigned(STATUS_TO_BACKORDER), app, "no Authorization token");
  }

  @Test
  void aTokenIsNoProofWhenOnlyTheUrlSecretIsConfigured() {
    assertUnauthenticated(MondayPayloads.withToken(STATUS_TO_BACKORDER, token()), board, "no ?secret=");
  }

  // ---- Both secrets: either proof passes -------------------------------------------------------

  @Test
  void withBothSecretsEitherProofPasses() throws Exception {
    ConnectorSettings both = settings(Map.of("signing-secret", SIGNING_SECRET, "url-secret", URL_SECRET,
        "endpoint-url", ENDPOINT));
    WebhookRequest byUrl = MondayPayloads.withUrlSecret(STATUS_TO_BACKORDER, URL_SECRET);
    source.verify(byUrl, both);
    assertThat(source.read(byUrl, both, context).signal()).isPresent();

    WebhookRequest byToken = MondayPayloads.withToken(STATUS_TO_BACKORDER, token());
    source.verify(byToken, both);
    assertThat(source.read(byToken, both, context).signal()).isPresent();

    WebhookRejectedException neither = rejected(() -> source.verify(MondayPayloads.unsigned(STATUS_TO_BACKORDER), both));
    assertThat(neither.unauthenticated()).isTrue();
    assertThat(neither.getMessage()).contains("no ?secret=").contains("no Authorization token");
  }

  @Test
  void withBothSecretsAnExpiredTokenBesideTheUrlSecretStillPasses() throws Exception {
    ConnectorSettings both = settings(Map.of("signing-secret", SIGNING_SECRET, "url-secret", URL_SECRET));
    Map<String, String> headers = Map.of("Authorization", token());
    WebhookRequest delivery = new WebhookRequest(headers, Map.of("secret", URL_SECRET),
        MondayPayloads.bytes(STATUS_TO_BACKORDER));
    context.clock().advance(Duration.ofDays(1));
    source.verify(delivery, both);
    assertThat(source.read(delivery, both, context).signal()).isPresent();
  }

  // ---- A status changed to Backorder -----------------------------------------------------------

  @Test
  void aStatusSetToBackorderMarksTheItemsSkuUnavailable() throws Exception {
    UnavailableSignal signal = (UnavailableSignal) read(STATUS_TO_BACKORDER, board).signal().orElseThrow();
    assertThat(signal.deliveryId()).as("triggerUuid, the same on monday.com's retries").isEqualTo(TRIGGER_UUID);
    assertThat(signal.sku()).isEqualTo(SKU);
    assertThat(signal.reason()).isEqualTo("status set to Backorder on monday.com (board " + BOARD_ID + ", item "
        + ITEM_ID + ")");
    assertThat(signal.actor()).isEqualTo("monday.com user " + USER_ID);
    assertThat(signal.eta()).isEmpty();
    assertThat(signal.affectedOrders()).isEmpty();
    assertThat(signal.category()).isEmpty();
    assertThat(signal).isEqualTo(UnavailableSignal.of(TRIGGER_UUID, SKU,
        "status set to Backorder on monday.com (board 3139815742, item 3139815770)", "monday.com user 9603417"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"change_status_column_value", "change_column_value"})
  void theSubscriptionsOwnEventNamesAreColumnChangesToo(String type) throws Exception {
    assertThat(read(MondayPayloads.event(e -> e.put("type", type)), board).signal())
        .containsInstanceOf(UnavailableSignal.class);
  }

  @Test
  void aNewStyleStatusColumnCounts() throws Exception {
    assertThat(read(MondayPayloads.event(e -> e.put("columnType", "status")), board).signal()).isPresent();
  }

  @Test
  void aFirstStatusWithoutPreviousValueCounts() throws Exception {
    assertThat(read(MondayPayloads.statusChange(null, "Backorder"), board).signal())
        .containsInstanceOf(UnavailableSignal.class);
  }

  @Test
  void theLabelIsComparedIgnoringCaseAndSpaces() throws Exception {
    ConnectorSettings waiting = settings(Map.of("url-secret", URL_SECRET, "backorder-label", " awaiting stock "));
    UnavailableSignal signal = (UnavailableSignal) read(MondayPayloads.statusChange("Working on it", "Awaiting Stock"),
        waiting).signal().orElseThrow();
    assertThat(signal.reason()).startsWith("status set to Awaiting Stock on monday.com");
    assertThat(read(MondayPayloads.statusChange("Working on it", " BACKORDER "), board).signal()).isPresent();
  }

  @Test
  void idsBeyondALongAreKeptAsTheirDigits() throws Exception {
    String body = STATUS_TO_BACKORDER.replace("3139815742", "92233720368547758071").replace("3139815770",
        "18446744073709551617");
    UnavailableSignal signal = (UnavailableSignal) read(body, board).signal().orElseThrow();
    assertThat(signal.reason()).isEqualTo("status set to Backorder on monday.com (board 92233720368547758071, item "
        + "18446744073709551617)");
  }

  @Test
  void withoutUserTheActorIsEmpty() throws Exception {
    UnavailableSignal signal = (UnavailableSignal) read(MondayPayloads.event(e -> e.remove("userId")), board)
        .signal().orElseThrow();
    assertThat(signal.actor()).as("intake needs an actor").isEqualTo("monday.com");
  }

  // ---- Acknowledged, nothing recorded ------------------------------------------------------------

  @Test
  void theSameLabelBeforeAndAfterIsIgnored() throws Exception {
    assertIgnored(MondayPayloads.statusChange("Backorder", "Backorder"), board, "status stayed Backorder");
    assertIgnored(MondayPayloads.statusChange("backorder", "Backorder"), board, "status stayed Backorder");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Delayed", "In stock", "Backordered", "Done"})
  void anotherLabelIsIgnored(String label) throws Exception {
    assertIgnored(MondayPayloads.statusChange("Working on it", label), board, "neither backorder-label Backorder");
  }

  @Test
  void aClearedStatusIsIgnored() throws Exception {
    assertIgnored(MondayPayloads.statusChange("Backorder", null), board, "status set to no label from Backorder");
  }

  @Test
  void anotherColumnThanStatusColumnIsIgnored() throws Exception {
    ConnectorSettings onlyStatus = settings(Map.of("url-secret", URL_SECRET, "status-column", "status"));
    assertIgnored(MondayPayloads.event(e -> e.put("columnId", "color_mkpa7n2b")), onlyStatus,
        "a change of column color_mkpa7n2b, not of status-column status");
    assertThat(read(STATUS_TO_BACKORDER, onlyStatus).signal()).isPresent();
  }

  @Test
  void aColumnThatIsNoStatusColumnIsIgnored() throws Exception {
    String text = MondayPayloads.event(e -> {
      e.put("columnId", "text_notes").put("columnType", "text").put("columnTitle", "Notes");
      e.putObject("value").put("value", "Backorder");
      e.putNull("previousValue");
    });
    assertIgnored(text, board, "column text_notes is not a status column (text)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"create_pulse", "create_update", "change_name", "delete_pulse", ""})
  void otherEventsAreIgnored(String type) throws Exception {
    assertIgnored(MondayPayloads.event(e -> e.put("type", type)), board, "not a column change");
  }

  @Test
  void anItemNameWithoutSkuIsIgnoredSayingSo() throws Exception {
    assertIgnored(MondayPayloads.event(e -> e.put("pulseName", "Titanium white 120 ml")), board,
        "item 3139815770 (\"Titanium white 120 ml\") has no SKU matching sku-pattern");
  }

  @Test
  void aSkuPatternWithAGroupGivesItsGroup() throws Exception {
    ConnectorSettings bracketed = settings(Map.of("url-secret", URL_SECRET, "sku-pattern", "\\[([A-Z0-9-]+)\\]"));
    String body = MondayPayloads.event(e -> e.put("pulseName", "Titanium white 120 ml [PAINT-ACR-120-WHT] (PAINT-X-1)"));
    UnavailableSignal signal = (UnavailableSignal) read(body, bracketed).signal().orElseThrow();
    assertThat(signal.sku()).isEqualTo("PAINT-ACR-120-WHT");
  }

  // ---- Back from Backorder ------------------------------------------------------------------

  @Test
  void fromBackorderToTheResolvedLabelResolvesTheSkuAsRestocked() throws Exception {
    ConnectorSettings resolving = settings(Map.of("url-secret", URL_SECRET, "resolved-label", "In stock"));
    WebhookOutcome outcome = read(MondayPayloads.statusChange("Backorder", "in stock"), resolving);
    assertThat(outcome.signal()).contains(new ResolvedSignal(TRIGGER_UUID, SKU, ResolvedSignal.Outcome.RESTOCKED, ""));
  }

  @Test
  void theResolvedLabelFromAnotherLabelIsIgnored() throws Exception {
    ConnectorSettings resolving = settings(Map.of("url-secret", URL_SECRET, "resolved-label", "In stock"));
    assertIgnored(MondayPayloads.statusChange("Delayed", "In stock"), resolving,
        "status set to In stock from Delayed, not from backorder-label Backorder");
  }

  @Test
  void withoutResolvedLabelLeavingBackorderIsIgnored() throws Exception {
    assertIgnored(MondayPayloads.statusChange("Backorder", "In stock"), board,
        "status set to In stock from Backorder: neither backorder-label Backorder reached");
  }

  // ---- The loop guard -------------------------------------------------------------------------

  @Test
  void changesOfTheGatewaysOwnMondayUserAreIgnored() throws Exception {
    ConnectorSettings guarded = settings(Map.of("url-secret", URL_SECRET, "gateway-user-id", USER_ID,
        "resolved-label", "In stock"));
    assertIgnored(STATUS_TO_BACKORDER, guarded, "made by the gateway's own monday user (9603417)");
    assertIgnored(MondayPayloads.statusChange("Backorder", "In stock"), guarded, "made by the gateway's own monday user");

    String someoneElse = MondayPayloads.event(e -> e.put("userId", 4012345L));
    UnavailableSignal signal = (UnavailableSignal) read(someoneElse, guarded).signal().orElseThrow();
    assertThat(signal.actor()).isEqualTo("monday.com user 4012345");
  }

  @Test
  void theLoopGuardComparesTheNumberNotItsSpelling() throws Exception {
    ConnectorSettings guarded = settings(Map.of("url-secret", URL_SECRET, "gateway-user-id", " 09603417 "));
    assertIgnored(STATUS_TO_BACKORDER, guarded, "made by the gateway's own monday user");
  }

  // ---- Authentic but not what monday.com sends --------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[]", "{}", "{\"event\": \"update_column_value\"}", "{\"challenge\": 42}",
      "{\"event\": {\"type\": \"update_column_value\", \"columnType\": \"color\"}}", "{\"event\":"})
  void aBodyMondayDoesNotSendIsMalformed(String body) {
    WebhookRejectedException e = rejected(() -> read(body, board));
    assertThat(e.unauthenticated()).isFalse();
    assertThat(e.retryLater()).isFalse();
  }

  @Test
  void anEventWithoutTriggerUuidIsMalformed() {
    WebhookRejectedException e = rejected(() -> read(MondayPayloads.event(e2 -> e2.remove("triggerUuid")), board));
    assertThat(e.unauthenticated()).isFalse();
    assertThat(e.getMessage()).contains("no triggerUuid");
  }

  @Test
  void verificationReadsNothingButTheProof() throws Exception {
    source.verify(MondayPayloads.withUrlSecret("<xml/>", URL_SECRET), board);
    source.verify(MondayPayloads.withToken("<xml/>", token()), app);
    WebhookRejectedException e = rejected(() -> read("<xml/>", board));
    assertThat(e.unauthenticated()).isFalse();
    assertThat(e.getMessage()).contains("not JSON");
  }

  @Test
  void noMessageEverCarriesASecretOrTheToken() {
    ConnectorSettings both = settings(Map.of("signing-secret", SIGNING_SECRET, "url-secret", URL_SECRET,
        "endpoint-url", ENDPOINT));
    String token = token();
    String wrongKey = MondayPayloads.appToken(URL_SECRET, issued, ENDPOINT);
    List<WebhookRequest> requests = List.of(
        MondayPayloads.unsigned(CHALLENGE),
        MondayPayloads.withUrlSecret(CHALLENGE, URL_SECRET + "0"),
        MondayPayloads.withUrlSecret(CHALLENGE, SIGNING_SECRET),
        MondayPayloads.withToken(CHALLENGE, wrongKey),
        MondayPayloads.withToken(CHALLENGE, token.substring(0, token.length() - 2)),
        MondayPayloads.withToken(CHALLENGE, MondayPayloads.appToken(SIGNING_SECRET, issued, ENDPOINT + "x")));
    List<String> messages = new ArrayList<>();
    for (WebhookRequest request : requests) {
      messages.add(rejected(() -> source.verify(request, both)).getMessage());
    }
    context.clock().advance(Duration.ofDays(1));
    messages.add(rejected(() -> source.read(MondayPayloads.withToken(CHALLENGE, token), both, context)).getMessage());
    assertThat(messages).hasSize(7).allSatisfy(m -> assertThat(m).startsWith("monday: ")
        .doesNotContain(SIGNING_SECRET).doesNotContain(URL_SECRET).doesNotContain(token).doesNotContain(wrongKey)
        .doesNotContain(token.substring(token.lastIndexOf('.') + 1)));
    assertThat(context.loggedLines()).allSatisfy(line -> assertThat(line).doesNotContain(SIGNING_SECRET)
        .doesNotContain(URL_SECRET));
  }

  // ---- Helpers ---------------------------------------------------------------------------------

  /** The token monday.com would sign the delivery with now: issued at the event, for the endpoint. */
  private String token() {
    return MondayPayloads.appToken(SIGNING_SECRET, issued, ENDPOINT);
  }

  private WebhookOutcome read(String body, ConnectorSettings settings) throws WebhookRejectedException {
    WebhookRequest request = MondayPayloads.withUrlSecret(body, URL_SECRET);
    source.verify(request, settings);
    return source.read(request, settings, context);
  }

  private void assertIgnored(String body, ConnectorSettings settings, String why) throws Exception {
    WebhookOutcome outcome = read(body, settings);
    assertThat(outcome.signal()).isEmpty();
    assertThat(outcome.reply()).isEmpty();
    assertThat(outcome.note()).contains(why);
  }

  private void assertUnauthenticated(WebhookRequest request, ConnectorSettings settings, String why) {
    WebhookRejectedException e = rejected(() -> source.verify(request, settings));
    assertThat(e.unauthenticated()).isTrue();
    assertThat(e.getMessage()).contains(why);
  }

  private interface Call {
    void run() throws Exception;
  }

  private static WebhookRejectedException rejected(Call call) {
    try {
      call.run();
    } catch (WebhookRejectedException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a WebhookRejectedException, got " + e, e);
    }
    throw new AssertionError("expected a WebhookRejectedException, nothing was thrown");
  }

  private SettingSpec spec(String key) {
    return source.settings().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }

  private ConnectorSettings settings(Map<String, String> configured) {
    return ConnectorSettings.of(new HashMap<>(configured), source.settings());
  }
}
