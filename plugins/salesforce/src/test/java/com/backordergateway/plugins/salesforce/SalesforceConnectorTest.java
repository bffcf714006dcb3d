package com.backordergateway.plugins.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Message;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
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
 * The Salesforce connector against a fake org that checks each request as Salesforce reads it:
 * the OAuth token call (client credentials or refresh token, form-encoded, on the My Domain), the
 * token cached and renewed once on {@code 401 INVALID_SESSION_ID}, the SOQL Order lookup, the
 * Chatter feed item on the Order and the follow-up Task for the Order's owner; follow-ups moving
 * and completing the same Task; a deleted Task replaced and noted; a missing Order refused for good
 * or posted on the fallback record; {@code 403 REQUEST_LIMIT_EXCEEDED} retried later.
 */
class SalesforceConnectorTest extends ConnectorContractTest {

  private static final String CLIENT_SECRET = "8F1C5A2E8B40D7E6F3C9A1E5B2D4C6A9";
  private static final String REFRESH_TOKEN = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrAwi";
  private static final String ACCESS_TOKEN = "00DHs0000012345!AQ0AQPn.access-token";
  private static final String ORDER = "801Hs00000OrdrAAAA";
  private static final String OWNER = "005Hs00000OwnrAAAA";
  private static final String STAFF_GROUP = "0F9Hs00000GrpAAAAA";
  private static final String API = "/services/data/v66.0";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new SalesforceConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "base-url", platformUrl.toString(),
        "my-domain", "example-crafts",
        "client-id", "3MVG9rZjd7MXFdLhY0rD2k",
        "client-secret", CLIENT_SECRET,
        "staff-subject-id", STAFF_GROUP);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("client-secret", CLIENT_SECRET);
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    scriptPreamble(fake);
    fake.enqueue(posted("0D5Hs00000PostAAAA"), created("00THs00000TaskAAAA"));
  }

  /** The token and the Order: every failure below happens at the Chatter post. */
  @Override
  protected void scriptPreamble(FakePlatform fake) {
    fake.enqueue(token(ACCESS_TOKEN), orderFound());
  }

  @Override
  protected String expectedExternalId() {
    return "0D5Hs00000PostAAAA";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest task) {
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).extracting(RecordedRequest::method, RecordedRequest::path).containsExactly(
        tuple("POST", "/services/oauth2/token"),
        tuple("GET", API + "/query"),
        tuple("POST", API + "/chatter/feed-elements"),
        tuple("POST", API + "/sobjects/Task/"));

    RecordedRequest tokenCall = requests.get(0);
    assertThat(tokenCall.header("Content-Type")).hasValue("application/x-www-form-urlencoded");
    assertThat(tokenCall.form()).containsOnlyKeys("grant_type", "client_id", "client_secret");
    assertThat(tokenCall.formValue("grant_type")).hasValue("client_credentials");
    assertThat(tokenCall.formValue("client_id")).hasValue("3MVG9rZjd7MXFdLhY0rD2k");
    assertThat(tokenCall.formValue("client_secret")).hasValue(CLIENT_SECRET);

    RecordedRequest query = requests.get(1);
    assertThat(query.header("Authorization")).hasValue("Bearer " + ACCESS_TOKEN);
    assertThat(query.queryParameter("q"))
        .hasValue("SELECT Id, OwnerId FROM Order WHERE OrderNumber = '5678901234567' LIMIT 1");

    RecordedRequest post = requests.get(2);
    assertThat(post.header("Authorization")).hasValue("Bearer " + ACCESS_TOKEN);
    assertThat(post.header("Content-Type")).hasValue("application/json");
    assertThat(post.json().get("feedElementType").asText()).isEqualTo("FeedItem");
    assertThat(post.json().get("subjectId").asText()).isEqualTo(ORDER);
    assertThat(post.json().at("/body/messageSegments/0/type").asText()).isEqualTo("Text");
    assertThat(post.json().at("/body/messageSegments/0/text").asText())
        .isEqualTo(sampleNotification().message().body());

    assertThat(task.header("Authorization")).hasValue("Bearer " + ACCESS_TOKEN);
    assertThat(task.header("Content-Type")).hasValue("application/json");
    JsonNode fields = task.json();
    assertThat(fields.fieldNames()).toIterable()
        .containsExactly("Subject", "WhatId", "OwnerId", "ActivityDate", "Status", "Priority", "Description");
    assertThat(fields.get("Subject").asText()).isEqualTo(sampleNotification().message().subject());
    assertThat(fields.get("WhatId").asText()).isEqualTo(ORDER);
    assertThat(fields.get("OwnerId").asText()).isEqualTo(OWNER);
    assertThat(fields.get("ActivityDate").asText()).as("the ETA's day in the customer's zone").isEqualTo("2026-04-14");
    assertThat(fields.get("Status").asText()).isEqualTo("Not Started");
    assertThat(fields.get("Priority").asText()).isEqualTo("Normal");
  }

  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.json(429, "[{\"message\":\"Too many requests\",\"errorCode\":\"TOO_MANY_REQUESTS\"}]")
        .header("Retry-After", retryAfter));
  }

  @Override
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 502, 503);
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404);
  }

  /** A 401 is retried once with a new token; refused again, it is permanent. */
  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    super.scriptClientError(fake, status);
    if (status == 401) {
      fake.enqueue(token("00DHs0000012345!AQ0AQRenewed"), FakeResponse.json(401, clientErrorBody(401)));
    }
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "[{\"message\":\"Subject ID: id value of incorrect type: 801Hs00000OrdrAAAA\","
          + "\"errorCode\":\"INVALID_ID_FIELD\"}]";
      case 401 -> "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";
      case 403 -> "[{\"message\":\"You do not have access to the Chatter feed of this record\","
          + "\"errorCode\":\"INSUFFICIENT_ACCESS\"}]";
      default -> "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]";
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "INVALID_ID_FIELD: Subject ID: id value of incorrect type";
      case 401 -> "INVALID_SESSION_ID: Session expired or invalid";
      case 403 -> "INSUFFICIENT_ACCESS: You do not have access";
      default -> "NOT_FOUND: The requested resource does not exist";
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of("my-domain", "example crafts.my.salesforce.com", "api-version", "sixty-six",
        "order-field", "OrderNumber; DELETE", "task-owner-id", "00GHs00000QueueAAA", "task-due-days", "-1");
  }

  // ---- The descriptor -----------------------------------------------------------------------------

  @Test
  void descriptorUpdatesInPlaceForBothAudiences() {
    assertThat(connector().descriptor().type()).isEqualTo("salesforce");
    assertThat(connector().descriptor().capabilities()).contains(Capability.CUSTOMER_AUDIENCE,
        Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE);
    assertThat(connector().descriptor().setting("refresh-token")).hasValueSatisfying(
        spec -> assertThat(spec.secret()).isTrue());
  }

  @Test
  void theReferenceNamesTheOrderAndTheTask() throws Exception {
    scriptSuccess(platform);
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt.reference()).isEqualTo("order:" + ORDER + ";task:00THs00000TaskAAAA");
    assertThat(receipt.note()).isEmpty();
  }

  // ---- OAuth ----------------------------------------------------------------------------------------

  @Test
  void theTokenIsFetchedOnceAndSharedByLaterDeliveries() throws Exception {
    FakeSalesforce org = org();
    ConnectorSession session = openSession();
    session.deliver(sampleNotification());
    session.deliver(SampleNotifications.to(sampleNotification(), SampleNotifications.customerOf("1002")));
    assertThat(org.tokenCalls()).isEqualTo(1);
    assertThat(org.postsOn(ORDER)).hasSize(1);
    assertThat(org.postsOn("801Hs00000Ord2AAAA")).hasSize(1);
  }

  @Test
  void anExpiredSessionIsRenewedOnceAndTheCallRepeated() throws Exception {
    FakeSalesforce org = org();
    ConnectorSession session = openSession();
    session.deliver(sampleNotification());
    org.expireToken();

    DeliveryReceipt second = session.deliver(
        SampleNotifications.to(sampleNotification(), SampleNotifications.customerOf("1002")));

    assertThat(org.tokenCalls()).isEqualTo(2);
    assertThat(second.reference()).startsWith("order:801Hs00000Ord2AAAA;task:00T");
    assertThat(platform.requests()).filteredOn(r -> r.path().endsWith("/query")).hasSize(3)
        .as("the refused query, then the same query with the new token")
        .extracting(r -> r.header("Authorization").orElseThrow())
        .containsExactly("Bearer 00DFAKE!token-1", "Bearer 00DFAKE!token-1", "Bearer 00DFAKE!token-2");
    assertThat(context.loggedLines()).anyMatch(line -> line.contains("INVALID_SESSION_ID"))
        .noneMatch(line -> line.contains("00DFAKE!token"));
  }

  @Test
  void theRefreshTokenFlowSendsTheRefreshToken() throws Exception {
    scriptSuccess(platform);
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("refresh-token", REFRESH_TOKEN);

    openSession(settings).deliver(sampleNotification());

    RecordedRequest tokenCall = platform.requests().get(0);
    assertThat(tokenCall.formValue("grant_type")).hasValue("refresh_token");
    assertThat(tokenCall.formValue("refresh_token")).hasValue(REFRESH_TOKEN);
    assertThat(tokenCall.formValue("client_secret")).hasValue(CLIENT_SECRET);
    assertThat(context.loggedLines()).noneMatch(line -> line.contains(REFRESH_TOKEN) || line.contains(ACCESS_TOKEN));
  }

  @Test
  void aRefusedTokenRequestIsPermanentWithOAuthsText() {
    platform.enqueue(FakeResponse.json(400,
        "{\"error\":\"invalid_grant\",\"error_description\":\"no client credentials user enabled\"}"));
    PermanentDeliveryException thrown = deliverExpecting(PermanentDeliveryException.class);
    assertThat(thrown).hasMessageContaining("invalid_grant: no client credentials user enabled");
    assertNoSecretIn(thrown);
  }

  // ---- Limits -----------------------------------------------------------------------------------------

  @Test
  void theDailyAllocationUsedUpIsRetriedAfterLimitWait() {
    scriptPreamble(platform);
    platform.enqueue(FakeResponse.json(403, "[{\"message\":\"TotalRequests Limit exceeded.\","
        + "\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).hasValue(Duration.ofHours(1));
    assertThat(thrown).hasMessageContaining("REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.");
  }

  @Test
  void theConcurrencyLimitIsRetriedSoon() {
    scriptPreamble(platform);
    platform.enqueue(FakeResponse.json(403, "[{\"message\":\"ConcurrentPerOrgLongTxn Limit exceeded.\","
        + "\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).isEmpty();
  }

  @Test
  void usageNearTheAllocationIsWarnedOnce() throws Exception {
    platform.enqueue(token(ACCESS_TOKEN),
        orderFound().header("Sforce-Limit-Info", "api-usage=13600/15000"),
        posted("0D5Hs00000PostAAAA").header("Sforce-Limit-Info", "api-usage=13601/15000"),
        created("00THs00000TaskAAAA").header("Sforce-Limit-Info", "api-usage=13602/15000"));
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).filteredOn(line -> line.contains("API usage is at")).hasSize(1)
        .allMatch(line -> line.contains("13600/15000"));
  }

  // ---- Follow-ups ---------------------------------------------------------------------------------------

  @Test
  void aNewDateMovesTheTaskAndPostsOnTheSameOrder() throws Exception {
    FakeSalesforce org = org();
    ConnectorSession session = openSession();
    DeliveryReceipt first = session.deliver(sampleNotification());
    String task = taskOf(first);

    Notification correction = SampleNotifications.withFact(SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), first.reference()),
        "eta", "2026-05-02T15:00:00Z");
    DeliveryReceipt second = session.deliver(correction);

    assertThat(second.reference()).isEqualTo(first.reference());
    assertThat(org.tasks()).containsOnlyKeys(task);
    assertThat(org.tasks().get(task).get("ActivityDate").asText()).isEqualTo("2026-05-02");
    assertThat(org.postsOn(ORDER)).hasSize(2).last().isEqualTo(correction.message().body());
    RecordedRequest patch = platform.requests().stream().filter(r -> r.method().equals("PATCH")).findFirst()
        .orElseThrow();
    assertThat(patch.path()).isEqualTo(API + "/sobjects/Task/" + task);
    assertThat(patch.bodyText()).isEqualTo("{\"ActivityDate\":\"2026-05-02\"}");
    assertThat(platform.requests()).filteredOn(r -> r.path().endsWith("/query")).as("no second lookup").hasSize(1);
  }

  @Test
  void theResolutionCompletesTheTaskAndPostsTheOutcome() throws Exception {
    FakeSalesforce org = org();
    ConnectorSession session = openSession();
    DeliveryReceipt first = session.deliver(sampleNotification());

    Notification resolution = SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION), first.reference());
    session.deliver(resolution);

    assertThat(org.tasks().get(taskOf(first)).get("Status").asText()).isEqualTo("Completed");
    assertThat(org.postsOn(ORDER)).containsExactly(sampleNotification().message().body(), resolution.message().body());
  }

  @Test
  void aDeletedTaskIsReplacedAndTheReceiptSaysSo() throws Exception {
    FakeSalesforce org = org();
    ConnectorSession session = openSession();
    DeliveryReceipt first = session.deliver(sampleNotification());
    org.deleteTask(taskOf(first));

    DeliveryReceipt second = session.deliver(SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), first.reference()));

    String replacement = taskOf(second);
    assertThat(replacement).isNotEqualTo(taskOf(first));
    assertThat(org.tasks()).containsOnlyKeys(replacement);
    assertThat(org.tasks().get(replacement).get("OwnerId").asText()).isEqualTo(OWNER);
    assertThat(second.note()).contains("task " + taskOf(first) + " was deleted in Salesforce")
        .contains("created task " + replacement);
    assertThat(org.postsOn(ORDER)).hasSize(2);
  }

  @Test
  void aConfiguredTaskOwnerOwnsEveryTask() throws Exception {
    scriptSuccess(platform);
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("task-owner-id", "005Hs00000RepAAAAA");
    openSession(settings).deliver(sampleNotification());
    assertThat(platform.lastRequest().json().get("OwnerId").asText()).isEqualTo("005Hs00000RepAAAAA");
  }

  @Test
  void withoutAnEtaTheTaskIsDueAfterTaskDueDays() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(SampleNotifications.withFact(sampleNotification(), "eta", ""));
    // The test clock's today in Chicago is 2026-03-02; three days later.
    assertThat(platform.lastRequest().json().get("ActivityDate").asText()).isEqualTo("2026-03-05");
  }

  // ---- Finding the Order --------------------------------------------------------------------------------

  @Test
  void anOrderNameIsMatchedAsWrittenWithQuotesEscaped() throws Exception {
    scriptSuccess(platform);
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("order-field", "Shop_Order_Name__c");
    settings.put("order-fact", "order_name");
    openSession(settings).deliver(SampleNotifications.withFact(sampleNotification(), "order_name", "O'Brien #12"));
    assertThat(platform.requests().get(1).queryParameter("q"))
        .hasValue("SELECT Id, OwnerId FROM Order WHERE Shop_Order_Name__c = 'O\\'Brien #12' LIMIT 1");
  }

  @Test
  void noMatchingOrderIsPermanentWithTheReasonAndPostsNothing() {
    platform.enqueue(token(ACCESS_TOKEN), FakeResponse.json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}"));
    PermanentDeliveryException thrown = deliverExpecting(PermanentDeliveryException.class);
    assertThat(thrown).hasMessageContaining("no Order with OrderNumber '5678901234567' in Salesforce")
        .hasMessageContaining("fallback-subject-id");
    assertThat(platform.requests()).noneMatch(r -> r.path().endsWith("/chatter/feed-elements"));
  }

  @Test
  void noMatchingOrderIsPostedOnTheFallbackRecordWhenOneIsSet() throws Exception {
    platform.enqueue(token(ACCESS_TOKEN), FakeResponse.json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}"),
        posted("0D5Hs00000FallAAAA"));
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put("fallback-subject-id", "0F9Hs00000FallAAAA");

    DeliveryReceipt receipt = openSession(settings).deliver(sampleNotification());

    assertThat(receipt.reference()).isEqualTo("subject:0F9Hs00000FallAAAA");
    assertThat(receipt.note()).contains("no Order with OrderNumber '5678901234567'");
    JsonNode post = platform.lastRequest().json();
    assertThat(post.get("subjectId").asText()).isEqualTo("0F9Hs00000FallAAAA");
    assertThat(post.at("/body/messageSegments/0/text").asText())
        .startsWith("Not matched to a Salesforce Order").endsWith(sampleNotification().message().body());
    assertThat(platform.requests()).noneMatch(r -> r.path().endsWith("/sobjects/Task/"));
  }

  @Test
  void aNoticeWithoutAnOrderIsPermanentWithoutAQuery() {
    Notification noOrder = SampleNotifications.to(SampleNotifications.withFact(sampleNotification(), "order_id", ""),
        SampleNotifications.customerOf(""));
    assertThatThrownBy(() -> openSession().deliver(noOrder)).isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("the notification names no order (order_id is empty)");
    assertThat(platform.requests()).noneMatch(r -> r.path().endsWith("/query"));
  }

  @Test
  void aTemplateWithoutASubjectIsRefusedBeforeAnythingIsPosted() {
    Notification n = sampleNotification();
    Notification noSubject = new Notification(n.deliveryId(), n.trigger(), n.purpose(), n.audience(), n.recipient(),
        new Message("", n.message().body()), n.facts(), n.previousReference());
    assertThatThrownBy(() -> openSession().deliver(noSubject)).isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("no subject for the follow-up Task");
    assertThat(platform.requestCount()).isZero();
  }

  // ---- Staff ---------------------------------------------------------------------------------------------

  @Test
  void staffNoticesArePostedOnTheStaffFeedAndFollowUpsOnTheSame() throws Exception {
    FakeSalesforce org = org();
    ConnectorSession session = openSession();
    DeliveryReceipt alert = session.deliver(SampleNotifications.staffAlert());
    session.deliver(SampleNotifications.followingUp(
        SampleNotifications.staff(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION), alert.reference()));

    assertThat(alert.reference()).isEqualTo("subject:" + STAFF_GROUP);
    assertThat(org.postsOn(STAFF_GROUP)).hasSize(2);
    assertThat(org.tasks()).isEmpty();
  }

  @Test
  void staffNoticesWithoutAStaffFeedArePermanent() {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.remove("staff-subject-id");
    assertThatThrownBy(() -> openSession(settings).deliver(SampleNotifications.staffAlert()))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("staff-subject-id");
  }

  // ---- Helpers ------------------------------------------------------------------------------------------

  /** A stateful org with orders #5678901234567 and #1002 answering the fake. */
  private FakeSalesforce org() {
    FakeSalesforce org = new FakeSalesforce().withOrder("5678901234567", ORDER, OWNER)
        .withOrder("1002", "801Hs00000Ord2AAAA", OWNER);
    platform.answering(org);
    return org;
  }


  private static String taskOf(DeliveryReceipt receipt) {
    return CaseReference.parse(receipt.reference()).map(CaseReference::taskId).orElseThrow();
  }

  private static FakeResponse token(String accessToken) {
    return FakeResponse.json(200, "{\"access_token\":\"" + accessToken + "\",\"instance_url\":"
        + "\"https://example-crafts.my.salesforce.com\",\"token_type\":\"Bearer\",\"issued_at\":\"1772443800000\"}");
  }

  private static FakeResponse orderFound() {
    return FakeResponse.json(200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Order\"},"
        + "\"Id\":\"" + ORDER + "\",\"OwnerId\":\"" + OWNER + "\"}]}");
  }

  private static FakeResponse posted(String id) {
    return FakeResponse.json(201, "{\"id\":\"" + id + "\",\"feedElementType\":\"FeedItem\"}");
  }

  private static FakeResponse created(String id) {
    return FakeResponse.json(201, "{\"id\":\"" + id + "\",\"success\":true,\"errors\":[]}");
  }
}
