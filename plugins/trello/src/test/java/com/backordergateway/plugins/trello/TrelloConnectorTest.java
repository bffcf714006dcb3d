package com.backordergateway.plugins.trello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Trello connector against a fake Trello that checks each request as Trello reads it: the key
 * and token as query parameters (and never in a log line or an error), a JSON card on the
 * Backorder list with its due date, labels and members, follow-ups as comments on that card, the
 * resolution's comment then the move to the Resolved list (archived when set), a deleted card
 * replaced (on 404 or {@code invalid id}) and noted with the new card's link, Trello's plain-text
 * errors on the card and on each follow-up request (none of them carrying the key, the token or
 * a URL), and the 100-requests-per-10-seconds window shared by every instance on one token, on
 * the test clock.
 */
class TrelloConnectorTest extends ConnectorContractTest {

  private static final String KEY = "0123456789abcdef0123456789abcdef";
  private static final String BACKORDER = "65f1c0ffee0ddba11a5e0001";
  private static final String RESOLVED = "65f1c0ffee0ddba11a5e0002";
  private static final String CARD = "65f1c0ffee0ddba11a5ec0de";

  /** Each test its own token, so the shared windows of different tests never meet. */
  private final String token = "ATTA" + UUID.randomUUID().toString().replace("-", "") + "0123456789abcdef";

  @Override
  protected Connector connector() {
    return new TrelloConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "api-key", KEY, "token", token,
        "backorder-list-id", BACKORDER, "resolved-list-id", RESOLVED);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("api-key", KEY, "token", token);
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(card(CARD));
  }

  @Override
  protected String expectedExternalId() {
    return CARD;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/1/cards");
    assertThat(request.queryParameters()).containsOnlyKeys("key", "token");
    assertThat(request.queryParameter("key")).hasValue(KEY);
    assertThat(request.queryParameter("token")).hasValue(token);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    assertThat(request.json().fieldNames()).toIterable().containsExactly("idList", "name", "desc", "pos", "due");
    assertThat(request.json().get("idList").asText()).isEqualTo(BACKORDER);
    assertThat(request.json().get("name").asText()).isEqualTo(sampleNotification().message().subject());
    assertThat(request.json().get("desc").asText()).isEqualTo(sampleNotification().message().body());
    assertThat(request.json().get("due").asText()).isEqualTo("2026-04-14T16:00:00Z");
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404);
  }

  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.status(status).header("Content-Type", "text/plain").body(clientErrorBody(status)));
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "invalid value for idList";
      case 401 -> "invalid token";
      case 403 -> "unauthorized permission requested";
      default -> "The requested resource was not found.";
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return clientErrorBody(status);
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of("backorder-list-id", "Backorders", "resolved-list-id", "65F1C0FFEE", "requests-per-10s", "500",
        "api-key", "not-a-key-at-all");
  }

  // ---- Follow-ups ---------------------------------------------------------------------------------

  @Test
  void aNewDateCommentsOnTheCardAndMovesItsDueDate() throws Exception {
    platform.enqueue(FakeResponse.json(200, "{\"id\":\"65f1c0ffee0ddba11a5ea001\",\"type\":\"commentCard\"}"),
        card(CARD));
    Notification correction = SampleNotifications.withFact(followUp(Purpose.ETA_CORRECTION), "eta", "2026-05-02T15:00:00Z");

    DeliveryReceipt receipt = openSession().deliver(correction);

    assertThat(receipt.externalId()).isEqualTo(CARD);
    assertThat(platform.requests()).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(
        tuple("POST", "/1/cards/" + CARD + "/actions/comments"), tuple("PUT", "/1/cards/" + CARD));
    assertThat(platform.requests().get(0).json().fieldNames()).toIterable().containsExactly("text");
    assertThat(platform.requests().get(0).json().get("text").asText()).isEqualTo(correction.message().body());
    assertThat(platform.requests().get(1).bodyText()).isEqualTo("{\"due\":\"2026-05-02T15:00:00Z\"}");
    assertThat(platform.requests()).allSatisfy(this::assertAuthenticatedJson);
  }

  @Test
  void aNewDateWithoutAnEtaOnlyComments() throws Exception {
    platform.enqueue(FakeResponse.json(200, "{\"id\":\"65f1c0ffee0ddba11a5ea004\",\"type\":\"commentCard\"}"));
    Notification noDate = SampleNotifications.withFact(followUp(Purpose.ETA_CORRECTION), "eta", "");

    assertThat(openSession().deliver(noDate).reference()).isEqualTo(CARD);

    assertThat(platform.onlyRequest().path()).isEqualTo("/1/cards/" + CARD + "/actions/comments");
  }

  @Test
  void theResolutionCommentsThenMovesTheCardToResolved() throws Exception {
    platform.enqueue(FakeResponse.json(200, "{\"id\":\"65f1c0ffee0ddba11a5ea002\"}"), card(CARD));
    Notification resolution = followUp(Purpose.RESOLUTION);

    openSession().deliver(resolution);

    assertThat(platform.requests()).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(
        tuple("POST", "/1/cards/" + CARD + "/actions/comments"), tuple("PUT", "/1/cards/" + CARD));
    assertThat(platform.requests().get(0).json().fieldNames()).toIterable().containsExactly("text");
    assertThat(platform.requests().get(0).json().get("text").asText()).isEqualTo(resolution.message().body());
    assertThat(platform.requests().get(1).bodyText()).isEqualTo("{\"idList\":\"" + RESOLVED + "\",\"pos\":\"top\"}");
    assertThat(platform.requests()).allSatisfy(this::assertAuthenticatedJson);
  }

  @Test
  void theResolutionArchivesTheCardWhenSet() throws Exception {
    platform.enqueue(FakeResponse.json(200, "{\"id\":\"65f1c0ffee0ddba11a5ea003\"}"), card(CARD));
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("archive-on-resolution", "true");

    openSession(settings).deliver(followUp(Purpose.RESOLUTION));

    assertThat(platform.lastRequest().json().get("idList").asText()).isEqualTo(RESOLVED);
    assertThat(platform.lastRequest().json().get("closed").asBoolean()).isTrue();
  }

  @Test
  void aDeletedCardIsReplacedAndTheReceiptSaysSo() throws Exception {
    platform.enqueue(FakeResponse.status(404).header("Content-Type", "text/plain")
            .body("The requested resource was not found."),
        card("65f1c0ffee0ddba11a5ec0df"), card("65f1c0ffee0ddba11a5ec0df"));

    DeliveryReceipt receipt = openSession().deliver(followUp(Purpose.RESOLUTION));

    assertThat(receipt.reference()).isEqualTo("65f1c0ffee0ddba11a5ec0df");
    assertThat(receipt.note()).isEqualTo("card " + CARD + " was deleted in Trello; created card "
        + "65f1c0ffee0ddba11a5ec0df (https://trello.com/c/AbC12345)");
    assertThat(platform.requests()).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(
        tuple("POST", "/1/cards/" + CARD + "/actions/comments"), tuple("POST", "/1/cards"),
        tuple("PUT", "/1/cards/65f1c0ffee0ddba11a5ec0df"));
    assertThat(platform.requests().get(1).json().get("idList").asText()).isEqualTo(BACKORDER);
    assertThat(platform.requests().get(2).json().get("idList").asText()).isEqualTo(RESOLVED);
    assertThat(platform.requests()).allSatisfy(this::assertAuthenticatedJson);
    assertThat(context.loggedLines()).anyMatch(line -> line.startsWith("WARN") && line.contains(receipt.note()));
  }

  @Test
  void aCardTrelloNoLongerKnowsIsReplacedOnANewDateWithThatDate() throws Exception {
    platform.enqueue(FakeResponse.status(400).header("Content-Type", "text/plain").body("invalid id"),
        card("65f1c0ffee0ddba11a5ec0e0"));
    Notification correction = SampleNotifications.withFact(followUp(Purpose.ETA_CORRECTION), "eta", "2026-05-02T15:00:00Z");

    DeliveryReceipt receipt = openSession().deliver(correction);

    assertThat(receipt.externalId()).isEqualTo("65f1c0ffee0ddba11a5ec0e0");
    assertThat(receipt.note()).startsWith("card " + CARD + " was deleted in Trello; created card 65f1c0ffee0ddba11a5ec0e0");
    assertThat(platform.requests()).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(
        tuple("POST", "/1/cards/" + CARD + "/actions/comments"), tuple("POST", "/1/cards"));
    RecordedRequest created = platform.lastRequest();
    assertThat(created.json().fieldNames()).toIterable().containsExactly("idList", "name", "desc", "pos", "due");
    assertThat(created.json().get("name").asText()).isEqualTo(correction.message().subject());
    assertThat(created.json().get("desc").asText()).isEqualTo(correction.message().body());
    assertThat(created.json().get("due").asText()).isEqualTo("2026-05-02T15:00:00Z");
  }

  @Test
  void anotherInvalidValueOnTheCommentIsPermanentNotAReplacement() {
    platform.enqueue(FakeResponse.status(400).header("Content-Type", "text/plain").body("invalid value for text"));
    PermanentDeliveryException thrown = assertThrows(PermanentDeliveryException.class,
        () -> openSession().deliver(followUp(Purpose.RESOLUTION)));
    assertThat(thrown).hasMessageContaining("invalid value for text");
    assertThat(platform.requestCount()).as("no card created").isEqualTo(1);
  }

  // ---- Follow-ups' errors, and what they carry ------------------------------------------------

  @Test
  void anInvalidKeyOnAFollowUpIsPermanent() {
    platform.enqueue(FakeResponse.status(401).header("Content-Type", "text/plain").body("invalid key"));
    PermanentDeliveryException thrown = assertThrows(PermanentDeliveryException.class,
        () -> openSession().deliver(followUp(Purpose.ETA_CORRECTION)));
    assertThat(thrown).hasMessageContaining("invalid key");
    assertNoTrelloSecretIn(thrown);
  }

  @Test
  void aRateLimitOnTheCommentWaitsOneWindow() {
    platform.enqueue(FakeResponse.json(429, "{\"error\":\"API_TOKEN_LIMIT_EXCEEDED\",\"message\":\"Rate limit exceeded\"}"));
    RetryableDeliveryException thrown = assertThrows(RetryableDeliveryException.class,
        () -> openSession().deliver(followUp(Purpose.RESOLUTION)));
    assertThat(thrown.retryAfter()).hasValue(Duration.ofSeconds(10));
    assertNoTrelloSecretIn(thrown);
  }

  @Test
  void aServerErrorOnTheMoveIsRetryable() {
    platform.enqueue(FakeResponse.json(200, "{\"id\":\"65f1c0ffee0ddba11a5ea005\"}"),
        FakeResponse.status(503).header("Content-Type", "text/plain").body("Service Unavailable"));
    RetryableDeliveryException thrown = assertThrows(RetryableDeliveryException.class,
        () -> openSession().deliver(followUp(Purpose.RESOLUTION)));
    assertThat(platform.lastRequest().method()).isEqualTo("PUT");
    assertNoTrelloSecretIn(thrown);
  }

  @Test
  void aResolvedListTrelloRefusesIsPermanentWithItsText() {
    platform.enqueue(FakeResponse.json(200, "{\"id\":\"65f1c0ffee0ddba11a5ea006\"}"),
        FakeResponse.status(400).header("Content-Type", "text/plain").body("invalid value for idList"));
    PermanentDeliveryException thrown = assertThrows(PermanentDeliveryException.class,
        () -> openSession().deliver(followUp(Purpose.RESOLUTION)));
    assertThat(thrown).hasMessageContaining("invalid value for idList");
    assertNoTrelloSecretIn(thrown);
  }

  @Test
  void aDroppedConnectionOnTheMoveLeaksNoSecret() {
    platform.enqueue(FakeResponse.json(200, "{\"id\":\"65f1c0ffee0ddba11a5ea007\"}"), FakeResponse.dropConnection());
    RetryableDeliveryException thrown = assertThrows(RetryableDeliveryException.class,
        () -> openSession().deliver(followUp(Purpose.RESOLUTION)));
    assertNoTrelloSecretIn(thrown);
  }

  @Test
  void aCaseFromCardToResolvedLogsNoKeyNorToken() throws Exception {
    platform.enqueue(card(CARD), FakeResponse.json(200, "{\"id\":\"65f1c0ffee0ddba11a5ea008\"}"), card(CARD),
        FakeResponse.status(404).header("Content-Type", "text/plain").body("The requested resource was not found."),
        card("65f1c0ffee0ddba11a5ec0e1"), card("65f1c0ffee0ddba11a5ec0e1"));
    ConnectorSession session = openSession();

    session.deliver(sampleNotification());
    session.deliver(followUp(Purpose.ETA_CORRECTION));
    DeliveryReceipt replaced = session.deliver(followUp(Purpose.RESOLUTION));

    assertThat(platform.requestCount()).isEqualTo(6);
    assertThat(context.loggedLines()).hasSizeGreaterThanOrEqualTo(6)
        .noneMatch(line -> line.contains(token) || line.contains(KEY) || line.contains("key=") || line.contains("token="));
    assertThat(replaced.toString()).doesNotContain(token).doesNotContain(KEY);
  }

  @Test
  void labelsAndMembersGoOnEveryNewCard() throws Exception {
    platform.enqueue(card(CARD));
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("label-ids", "65f1c0ffee0ddba11a5e1ab1, 65f1c0ffee0ddba11a5e1ab2");
    settings.put("member-ids", "5a0b0c0d0e0f101112131415");

    openSession(settings).deliver(SampleNotifications.staffAlert());

    assertThat(platform.onlyRequest().json().get("idLabels").asText())
        .isEqualTo("65f1c0ffee0ddba11a5e1ab1,65f1c0ffee0ddba11a5e1ab2");
    assertThat(platform.onlyRequest().json().get("idMembers").asText()).isEqualTo("5a0b0c0d0e0f101112131415");
  }

  @Test
  void aRateLimitWithoutRetryAfterWaitsOneWindow() {
    platform.enqueue(FakeResponse.json(429, "{\"error\":\"API_TOKEN_LIMIT_EXCEEDED\",\"message\":\"Rate limit exceeded\"}"));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).hasValue(Duration.ofSeconds(10));
    assertThat(thrown).hasMessageContaining("API_TOKEN_LIMIT_EXCEEDED: Rate limit exceeded");
  }

  // ---- The token's window --------------------------------------------------------------------------

  @Test
  void twoInstancesOnOneTokenShareItsWindow() throws Exception {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("requests-per-10s", "10");
    ConnectorSession first = openSession(settings);
    Map<String, String> otherBoard = new HashMap<>(settings);
    otherBoard.put("backorder-list-id", "65f1c0ffee0ddba11a5e0003");
    ConnectorSession second = openSession(otherBoard);
    for (int i = 0; i < 10; i++) {
      platform.enqueue(card(CARD));
      (i % 2 == 0 ? first : second).deliver(sampleNotification());
    }
    context.clock().advance(Duration.ofSeconds(4));

    RetryableDeliveryException full = assertThrows(
        RetryableDeliveryException.class, () -> second.deliver(sampleNotification()));
    assertThat(full.retryAfter()).as("until the oldest request leaves the window").hasValue(Duration.ofSeconds(6));
    assertThat(platform.requestCount()).as("nothing sent past the window").isEqualTo(10);

    context.clock().advance(Duration.ofSeconds(6));
    platform.enqueue(card(CARD));
    assertThat(first.deliver(sampleNotification()).externalId()).isEqualTo(CARD);
  }

  @Test
  void anotherTokenHasAWindowOfItsOwn() throws Exception {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("requests-per-10s", "10");
    ConnectorSession full = openSession(settings);
    for (int i = 0; i < 10; i++) {
      platform.enqueue(card(CARD));
      full.deliver(sampleNotification());
    }
    Map<String, String> otherToken = new HashMap<>(settings);
    otherToken.put("token", token.replace("ATTA", "ATTB"));
    platform.enqueue(card(CARD));

    assertThat(openSession(otherToken).deliver(sampleNotification()).externalId()).isEqualTo(CARD);
    assertThrows(RetryableDeliveryException.class, () -> full.deliver(sampleNotification()));
  }

  @Test
  void aFollowUpReservesAllItsRequestsBeforeTheFirst() throws Exception {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("requests-per-10s", "10");
    ConnectorSession session = openSession(settings);
    for (int i = 0; i < 8; i++) {
      platform.enqueue(card(CARD));
      session.deliver(sampleNotification());
    }
    assertThrows(RetryableDeliveryException.class,
        () -> session.deliver(followUp(Purpose.RESOLUTION)));
    assertThat(platform.requestCount()).as("no comment posted that a retry would post again").isEqualTo(8);
  }

  @Test
  void theKeyAndTokenAreInNoLogLine() throws Exception {
    platform.enqueue(card(CARD));
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).isNotEmpty()
        .noneMatch(line -> line.contains(token) || line.contains(KEY) || line.contains("key="));
  }

  /** Every request authenticates with the key and token in the query, and nothing else there. */
  private void assertAuthenticatedJson(RecordedRequest request) {
    assertThat(request.queryParameters()).as(request.method() + " " + request.path()).containsOnlyKeys("key", "token");
    assertThat(request.queryParameter("key")).hasValue(KEY);
    assertThat(request.queryParameter("token")).hasValue(token);
    assertThat(request.header("Content-Type")).hasValue("application/json");
  }

  private void assertNoTrelloSecretIn(Throwable thrown) {
    assertNoSecretIn(thrown);
    assertThat(thrown).hasMessageNotContaining("key=").hasMessageNotContaining("token=");
    assertThat(context.loggedLines()).noneMatch(line -> line.contains("key=") || line.contains("token="));
  }

  private static Notification followUp(Purpose purpose) {
    return SampleNotifications.followingUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, purpose), CARD);
  }

  private static FakeResponse card(String id) {
    return FakeResponse.json(200, "{\"id\":\"" + id + "\",\"idList\":\"" + BACKORDER + "\",\"shortUrl\":"
        + "\"https://trello.com/c/AbC12345\",\"closed\":false}");
  }
}
