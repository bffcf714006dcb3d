package com.backordergateway.plugins.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.support.HtmlText;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Pipedrive connector against a fake Pipedrive that checks each request as Pipedrive reads
 * it: the API token in the {@code x-api-token} header (never in a URL, a log line or an error),
 * the deal search on the order field, then the label, the note and the owner's activity in that
 * order; follow-ups noting on the same deal and moving or completing the same activity; a
 * deleted activity created again and noted; an order without a deal refused for good with the
 * reason; Pipedrive's {@code success:false} errors and its rate-limit headers.
 */
class PipedriveConnectorTest extends ConnectorContractTest {

  private static final String TOKEN = "659c9fddb16335e48cc67114694b52074e812e03";
  private static final String FIELD = "5f1e0c4a9b7d3e2f8a6c1b0d9e8f7a6b5c4d3e2f";
  private static final long DEAL = 4821;
  private static final long OWNER = 13055;

  @Override
  protected Connector connector() {
    return new PipedriveConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "company-domain", "example-crafts", "api-token", TOKEN,
        "order-field-key", FIELD, "backorder-label-id", "12", "restocked-label-id", "13", "cancelled-label-id", "14");
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("api-token", TOKEN);
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    scriptPreamble(fake);
    fake.enqueue(deal(DEAL, 7, 12), data("{\"id\":901,\"deal_id\":4821}"), data("{\"id\":3307,\"done\":false}"));
  }

  /** The search and the deal read back: every failure below happens at the label. */
  @Override
  protected void scriptPreamble(FakePlatform fake) {
    fake.enqueue(data("{\"items\":[{\"result_score\":1.0,\"item\":{\"id\":4821,\"type\":\"deal\"}}]}"), deal(DEAL, 7));
  }

  @Override
  protected String expectedExternalId() {
    return "901";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest activity) {
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(
        tuple("GET", "/api/v2/deals/search"), tuple("GET", "/api/v2/deals/4821"), tuple("PATCH", "/api/v2/deals/4821"),
        tuple("POST", "/api/v1/notes"), tuple("POST", "/api/v2/activities"));
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.header("x-api-token")).hasValue(TOKEN);
      assertThat(r.query() == null ? "" : r.query()).doesNotContain(TOKEN).doesNotContain("api_token");
    });
    assertThat(requests.get(0).queryParameters()).containsOnlyKeys("term", "fields", "exact_match");
    assertThat(requests.get(0).queryParameter("term")).hasValue("5678901234567");
    assertThat(requests.get(0).queryParameter("fields")).hasValue("custom_fields");
    assertThat(requests.get(0).queryParameter("exact_match")).hasValue("true");
    assertThat(requests.get(2).bodyText()).as("the deal's own label kept").isEqualTo("{\"label_ids\":[7,12]}");
    JsonNode note = requests.get(3).json();
    assertThat(note.get("deal_id").asLong()).isEqualTo(DEAL);
    assertThat(note.get("content").asText()).isEqualTo(HtmlText.paragraphs(sampleNotification().message().body()));
    JsonNode task = activity.json();
    assertThat(task.fieldNames()).toIterable()
        .containsExactly("subject", "type", "owner_id", "deal_id", "due_date", "note", "done");
    assertThat(task.get("subject").asText()).isEqualTo(sampleNotification().message().subject());
    assertThat(task.get("type").asText()).isEqualTo("task");
    assertThat(task.get("owner_id").asLong()).isEqualTo(OWNER);
    assertThat(task.get("due_date").asText()).as("the ETA's day in Chicago").isEqualTo("2026-04-14");
    assertThat(task.get("done").asBoolean()).isFalse();
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404);
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"success\":false,\"error\":\"Label with id 12 does not exist\",\"error_info\":\"Please check "
          + "developers.pipedrive.com for more information about Pipedrive API.\"}";
      case 401 -> "{\"success\":false,\"error\":\"unauthorized access\",\"errorCode\":401}";
      case 403 -> "{\"success\":false,\"error\":\"You do not have permissions to edit this deal\"}";
      default -> "{\"success\":false,\"error\":\"Deal not found\"}";
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "Label with id 12 does not exist (Please check developers.pipedrive.com";
      case 401 -> "unauthorized access";
      case 403 -> "You do not have permissions to edit this deal";
      default -> "Deal not found";
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of("order-field-key", "Shop order id", "backorder-label-id", "Backorder", "company-domain",
        "example crafts.pipedrive.com");
  }

  // ---- Descriptor and settings --------------------------------------------------------------------

  @Test
  void customersOnlyAndUpdatedInPlace() {
    assertThat(connector().descriptor().capabilities())
        .containsExactlyInAnyOrder(Capability.CUSTOMER_AUDIENCE, Capability.UPDATE_IN_PLACE);
  }

  @Test
  void anOauthTokenIsSentAsBearer() throws Exception {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.remove("api-token");
    settings.put("oauth-access-token", "v1u:AQIBAHj-oauth-access-token-0123456789");
    platform.answering(request -> FakeResponse.json(401, "{\"success\":false,\"error\":\"unauthorized access\"}"));
    assertThatThrownBy(() -> openSession(settings).deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class);
    assertThat(platform.requests().get(0).header("Authorization"))
        .hasValue("Bearer v1u:AQIBAHj-oauth-access-token-0123456789");
    assertThat(platform.requests().get(0).header("x-api-token")).isEmpty();
  }

  // ---- Missing records -------------------------------------------------------------------------------

  @Test
  void anOrderWithoutADealIsPermanentWithTheReasonAndWritesNothing() {
    company();
    Notification other = SampleNotifications.to(sampleNotification(), SampleNotifications.customerOf("9999"));
    assertThatThrownBy(() -> openSession().deliver(other)).isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("no deal has 9999 in the order field " + FIELD)
        .satisfies(this::assertNoSecretIn);
    assertThat(platform.requests()).extracting(RecordedRequest::method).containsOnly("GET");
  }

  @Test
  void aDealMatchingOnAnotherFieldIsNotTheOrdersDeal() {
    FakePipedrive company = new FakePipedrive(TOKEN, "0000000000000000000000000000000000000000")
        .withDeal(DEAL, "5678901234567", OWNER);
    platform.answering(request -> request.path().equals("/api/v2/deals/search")
        ? data("{\"items\":[{\"result_score\":1.0,\"item\":{\"id\":4821}}]}") : company.apply(request));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification())).isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("no deal has 5678901234567");
  }

  @Test
  void aNoticeWithoutAnOrderIsPermanentWithoutASearch() {
    Notification noOrder = SampleNotifications.to(SampleNotifications.withFact(sampleNotification(), "order_id", ""),
        SampleNotifications.customerOf(""));
    assertThatThrownBy(() -> openSession().deliver(noOrder)).isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("names no order (order_id is empty)");
    assertThat(platform.requestCount()).isZero();
  }

  // ---- Follow-ups ---------------------------------------------------------------------------------------

  @Test
  void aNewDateNotesOnTheDealAndMovesTheActivity() throws Exception {
    FakePipedrive company = company();
    ConnectorSession session = openSession();
    DeliveryReceipt first = session.deliver(sampleNotification());
    long activity = DealReference.parse(first.reference()).orElseThrow().activityId();
    int before = platform.requestCount();

    Notification correction = SampleNotifications.withFact(SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.SUPPLIER_DELAYED, Purpose.ETA_CORRECTION), first.reference()),
        "eta", "2026-05-02T15:00:00Z");
    DeliveryReceipt second = session.deliver(correction);

    assertThat(second.reference()).isEqualTo(first.reference());
    assertThat(platform.requests().subList(before, platform.requestCount()))
        .extracting(RecordedRequest::method, RecordedRequest::path)
        .containsExactly(tuple("POST", "/api/v1/notes"), tuple("PATCH", "/api/v2/activities/" + activity));
    assertThat(company.activities().get(activity).get("due_date").asText()).isEqualTo("2026-05-02");
    assertThat(company.notesOn(DEAL)).hasSize(2);
    assertThat(company.deal(DEAL).get("label_ids").toString()).isEqualTo("[7,12]");
  }

  @Test
  void theResolutionSwapsTheLabelAndCompletesTheActivity() throws Exception {
    FakePipedrive company = company();
    ConnectorSession session = openSession();
    DeliveryReceipt first = session.deliver(sampleNotification());
    long activity = DealReference.parse(first.reference()).orElseThrow().activityId();

    session.deliver(SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION), first.reference()));

    assertThat(company.deal(DEAL).get("label_ids").toString()).as("Backorder off, Restocked on").isEqualTo("[7,13]");
    assertThat(company.activities().get(activity).get("done").asBoolean()).isTrue();
    assertThat(company.activities()).hasSize(1);
    assertThat(company.notesOn(DEAL)).hasSize(2);
  }

  @Test
  void aCancelledResolutionSetsTheCancelledLabel() throws Exception {
    FakePipedrive company = company();
    ConnectorSession session = openSession();
    DeliveryReceipt first = session.deliver(sampleNotification());
    session.deliver(SampleNotifications.withFact(SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION), first.reference()),
        "status", "cancelled"));
    assertThat(company.deal(DEAL).get("label_ids").toString()).isEqualTo("[7,14]");
  }

  @Test
  void aDeletedActivityIsCreatedAgainAndTheReceiptSaysSo() throws Exception {
    FakePipedrive company = company();
    ConnectorSession session = openSession();
    DeliveryReceipt first = session.deliver(sampleNotification());
    long activity = DealReference.parse(first.reference()).orElseThrow().activityId();
    company.deleteActivity(activity);

    DeliveryReceipt second = session.deliver(SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), first.reference()));

    long replacement = DealReference.parse(second.reference()).orElseThrow().activityId();
    assertThat(replacement).isNotEqualTo(activity);
    assertThat(company.activities()).containsOnlyKeys(replacement);
    assertThat(company.activities().get(replacement).get("owner_id").asLong()).isEqualTo(OWNER);
    assertThat(second.note()).isEqualTo("activity " + activity + " was deleted in Pipedrive; created activity "
        + replacement + " on deal " + DEAL);
  }

  @Test
  void aResolutionOnADeletedDealIsPermanent() throws Exception {
    company();
    Notification resolution = SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION), "deal:999;activity:1");
    assertThatThrownBy(() -> openSession().deliver(resolution)).isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("deal 999 no longer exists");
  }

  // ---- Limits --------------------------------------------------------------------------------------------

  @Test
  void aRateLimitWithoutRetryAfterWaitsForTheWindowsReset() {
    scriptPreamble(platform);
    platform.enqueue(FakeResponse.json(429, "{\"success\":false,\"error\":\"Request over limit\"}")
        .header("x-ratelimit-remaining", "0").header("x-ratelimit-reset", "2"));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).hasValue(Duration.ofSeconds(2));
  }

  @Test
  void aDayWithoutWritesLeftStopsCallingPipedriveUntilMidnight() throws Exception {
    FakePipedrive company = company();
    platform.answering(request -> company.apply(request).header("x-daily-requests-left", "0"));
    ConnectorSession session = openSession();
    session.deliver(sampleNotification());
    int calls = platform.requestCount();
    RetryableDeliveryException thrown = assertThrows(RetryableDeliveryException.class,
        () -> session.deliver(SampleNotifications.to(sampleNotification(), SampleNotifications.customerOf("1002"))));
    assertThat(thrown.retryAfter()).isPresent();
    assertThat(thrown).hasMessageContaining("x-daily-requests-left: 0");
    assertThat(platform.requestCount()).isEqualTo(calls);
  }

  @Test
  void theTokenIsInNoLogLine() throws Exception {
    company();
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
  }

  // ---- Helpers ------------------------------------------------------------------------------------------

  private FakePipedrive company() {
    FakePipedrive company = new FakePipedrive(TOKEN, FIELD).withDeal(DEAL, "5678901234567", OWNER, 7)
        .withDeal(4822, "1002", OWNER);
    platform.answering(company);
    return company;
  }

  private static FakeResponse deal(long id, long... labels) {
    StringBuilder ids = new StringBuilder();
    for (long label : labels) {
      ids.append(ids.length() == 0 ? "" : ",").append(label);
    }
    return data("{\"id\":" + id + ",\"title\":\"Order #1001\",\"owner_id\":" + OWNER + ",\"label_ids\":[" + ids
        + "],\"custom_fields\":{\"" + FIELD + "\":\"5678901234567\"}}");
  }

  private static FakeResponse data(String data) {
    return FakeResponse.json(200, "{\"success\":true,\"data\":" + data + "}");
  }
}
