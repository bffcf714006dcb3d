package com.backordergateway.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Message;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HubSpot connector against a fake HubSpot API that checks each request as HubSpot reads it:
 * a Bearer private-app token, JSON, the batch upsert by email with the backorder properties under
 * the configured names (and never the staff-only facts), follow-ups as a PATCH of the contact the
 * first delivery wrote, an upsert again when that contact was deleted, the optional custom event,
 * and HubSpot's answers: 207 partial errors, the daily limit (wait for midnight in the account's
 * zone) against the ten-second one (retry soon), 423 locks and 477 migrations.
 */
class HubspotConnectorTest extends ConnectorContractTest {

  private static final String TOKEN = "pat-na1-7f3c9a1e-5b2d-4c6a-9e3d-7f1c5a2e8b40";
  private static final String BEARER = "Bearer " + TOKEN;
  private static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";
  private static final String CORRELATION = "aeb5f871-7f07-4993-9211-075dc63e7cbf";
  private static final String EVENT = "pe21345678_backorder_update";
  private static final PlatformJson JSON = PlatformJson.get();

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new HubspotConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "base-url", platformUrl.toString(),
        "access-token", TOKEN,
        "product-property", "backorder_product",
        "message-property", "backorder_message",
        "account-time-zone", "America/New_York");
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("access-token", TOKEN);
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(upserted(51, true));
  }

  @Override
  protected String expectedExternalId() {
    return "51";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(UPSERT);
    assertThat(request.header("Authorization")).hasValue(BEARER);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    assertThat(request.header("Accept")).hasValue("application/json");
    assertThat(request.json().fieldNames()).toIterable().containsExactly("inputs");
    JsonNode input = request.json().at("/inputs/0");
    assertThat(request.json().get("inputs")).hasSize(1);
    assertThat(input.fieldNames()).toIterable().containsExactly("idProperty", "id", "properties");
    assertThat(input.get("idProperty").asText()).isEqualTo("email");
    assertThat(input.get("id").asText()).isEqualTo("maya@example.com");
    assertThat(input.get("properties")).isEqualTo(JSON.object()
        .put("backorder_status", "backordered")
        .put("backorder_sku", "ACR-TITANIUM-WHITE")
        .put("backorder_eta", "2026-04-14")
        .put("backorder_case_id", "case_01JSAMPLE")
        .put("backorder_order_id", "5678901234567")
        .put("backorder_product", "Titanium White Acrylic 120 ml")
        .put("backorder_message", sampleNotification().message().body()));
    assertThat(request.bodyText()).as("the staff-only reason stays off the customer's record")
        .doesNotContain("sold out: 0 on hand");
  }

  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(rateLimited("TEN_SECONDLY_ROLLING").header("Retry-After", retryAfter));
  }

  @Override
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 502, 503, 504);
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404);
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"status\":\"error\",\"message\":\"Property values were not valid: [{\\\"isValid\\\":false,"
          + "\\\"message\\\":\\\"Property \\\\\\\"backorder_sku\\\\\\\" does not exist\\\",\\\"error\\\":"
          + "\\\"PROPERTY_DOESNT_EXIST\\\",\\\"name\\\":\\\"backorder_sku\\\"}]\",\"correlationId\":\"" + CORRELATION
          + "\",\"category\":\"VALIDATION_ERROR\"}";
      case 401 -> "{\"status\":\"error\",\"message\":\"Authentication credentials not found. This API supports OAuth "
          + "2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/"
          + "oauth-overview\",\"correlationId\":\"" + CORRELATION + "\",\"category\":\"INVALID_AUTHENTICATION\"}";
      case 403 -> "{\"status\":\"error\",\"message\":\"This app hasn't been granted all required scopes to make this "
          + "call.\",\"correlationId\":\"" + CORRELATION + "\",\"errors\":[{\"message\":\"One or more of the following "
          + "scopes are required.\",\"context\":{\"requiredGranularScopes\":[\"crm.objects.contacts.write\"]}}],"
          + "\"links\":{\"scopes\":\"https://developers.hubspot.com/scopes\"},\"category\":\"MISSING_SCOPES\"}";
      case 404 -> "{\"status\":\"error\",\"message\":\"resource not found\",\"correlationId\":\"" + CORRELATION
          + "\",\"category\":\"OBJECT_NOT_FOUND\"}";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "HTTP 400: VALIDATION_ERROR: Property values were not valid: [{\"isValid\":false,\"message\":"
          + "\"Property \\\"backorder_sku\\\" does not exist\",\"error\":\"PROPERTY_DOESNT_EXIST\"";
      case 401 -> "HTTP 401: INVALID_AUTHENTICATION: Authentication credentials not found.";
      case 403 -> "HTTP 403: MISSING_SCOPES: This app hasn't been granted all required scopes to make this call. "
          + "(One or more of the following scopes are required.) [correlationId " + CORRELATION + "]";
      case 404 -> "HTTP 404: OBJECT_NOT_FOUND: resource not found [correlationId " + CORRELATION + "]";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "base-url", "ftp://api.hubapi.com",
        "access-token", "token with spaces",
        "status-property", "Backorder Status",
        "sku-property", "backorder_status",
        "event-name", "Restock Notice",
        "event-properties", "status, reason",
        "account-time-zone", "Mars/Olympus_Mons");
  }

  // ---- Descriptor and settings ------------------------------------------------------------------

  @Test
  void describesTheHubspotTypeForCustomersWithFollowUpsInPlace() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("hubspot");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(4, 10));
    assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(Capability.CUSTOMER_AUDIENCE,
        Capability.UPDATE_IN_PLACE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key).containsExactly("base-url", "access-token",
        "status-property", "sku-property", "eta-property", "case-id-property", "order-id-property", "product-property",
        "message-property", "event-name", "event-properties", "account-time-zone");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::required).extracting(SettingSpec::key)
        .containsExactly("access-token");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("access-token");
    assertThat(descriptor.settings()).extracting(SettingSpec::defaultValue).containsExactly("https://api.hubapi.com",
        null, "backorder_status", "backorder_sku", "backorder_eta", "backorder_case_id", "backorder_order_id", null,
        null, null, "status, sku, product, order_id, case_id, eta, message", "UTC");
  }

  @Test
  void theDemoConfigsPlaceholdersAreAccepted() {
    HubspotSettings demo = HubspotSettings.from(settings(Map.of("access-token", "demo-not-a-real-token",
        "message-property", "backorder_message", "event-name", "pe21345678_backorder_update",
        "account-time-zone", "America/Chicago")));
    assertThat(demo.upsertUrl()).isEqualTo(URI.create("https://api.hubapi.com" + UPSERT));
    assertThat(demo.contactUrl("51")).isEqualTo(URI.create("https://api.hubapi.com/crm/v3/objects/contacts/51"));
    assertThat(demo.eventsUrl()).isEqualTo(URI.create("https://api.hubapi.com/events/v3/send"));
    assertThat(demo.contactProperties()).containsExactly(Map.entry("status", "backorder_status"),
        Map.entry("sku", "backorder_sku"), Map.entry("eta", "backorder_eta"), Map.entry("case_id", "backorder_case_id"),
        Map.entry("order_id", "backorder_order_id"), Map.entry("message", "backorder_message"));
    assertThat(demo.eventName()).contains(EVENT);
    assertThat(demo.eventProperties()).containsExactly("status", "sku", "product", "order_id", "case_id", "eta",
        "message");
    assertThat(demo.accountZone()).isEqualTo(ZoneId.of("America/Chicago"));
  }

  @Test
  void settingsAndSessionPrintWithoutTheToken() {
    HubspotSettings hubspot = HubspotSettings.from(settings(validSettings(platform.url())));
    assertThat(hubspot.toString()).contains("access-token=****", "backorder_message", "America/New_York")
        .doesNotContain(TOKEN);
    assertThat(openSession().toString()).contains("test-instance", "127.0.0.1", "backorder_status")
        .doesNotContain(TOKEN);
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("127.0.0.1", "backorder_status"));
  }

  // ---- The contact's properties -------------------------------------------------------------------

  @Test
  void withTheDefaultsTheFiveBackorderPropertiesAreWritten() throws Exception {
    scriptSuccess(platform);
    openSession(Map.of("base-url", platform.url().toString(), "access-token", TOKEN)).deliver(sampleNotification());
    assertThat(platform.onlyRequest().json().at("/inputs/0/properties").fieldNames()).toIterable().containsExactly(
        "backorder_status", "backorder_sku", "backorder_eta", "backorder_case_id", "backorder_order_id");
  }

  @Test
  void thePropertiesAreTheOnesTheMerchantNamed() throws Exception {
    scriptSuccess(platform);
    openSession(Map.of("base-url", platform.url().toString(), "access-token", TOKEN,
        "status-property", "bo_state", "sku-property", "bo_sku", "eta-property", "bo_expected",
        "case-id-property", "bo_case", "order-id-property", "shop_order"))
        .deliver(SampleNotifications.customer(Trigger.SUPPLIER_DELAYED, Purpose.CUSTOMER_NOTICE));
    assertThat(platform.onlyRequest().json().at("/inputs/0/properties")).hasToString("{\"bo_state\":\"delayed\","
        + "\"bo_sku\":\"ACR-TITANIUM-WHITE\",\"bo_expected\":\"2026-04-14\",\"bo_case\":\"case_01JSAMPLE\","
        + "\"shop_order\":\"5678901234567\"}");
  }

  @Test
  void twoSettingsCannotWriteTheSameProperty() {
    assertThatThrownBy(() -> openSession(with("message-property", "backorder_sku")))
        .hasMessageContaining("message-property").hasMessageContaining("another setting already writes");
  }

  @Test
  void theEtaIsTheDayWhereTheCustomerLivesAndAnUnknownDateIsCleared() throws Exception {
    platform.enqueue(upserted(51, false), upserted(51, false));
    openSession().deliver(SampleNotifications.withFact(sampleNotification(), "eta", "2026-04-15T03:00:00Z"));
    openSession().deliver(SampleNotifications.withFact(sampleNotification(), "eta", ""));
    assertThat(platform.requests()).extracting(r -> r.json().at("/inputs/0/properties/backorder_eta").asText())
        .containsExactly("2026-04-14", "");
  }

  @Test
  void theOrderComesFromTheRecipientWhenTheFactsHaveNone() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(SampleNotifications.withFact(sampleNotification(), "order_id", ""));
    assertThat(platform.onlyRequest().json().at("/inputs/0/properties/backorder_order_id").asText())
        .isEqualTo("5678901234567");
  }

  @Test
  void theEmailIsSentInLowerCaseAsHubspotKeepsIt() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(SampleNotifications.to(sampleNotification(), new Recipient("5678901234567", "Maya Okafor",
        " Maya.Okafor@Example.COM ", "", "en-US", "America/Chicago", "")));
    assertThat(platform.onlyRequest().json().at("/inputs/0/id").asText()).isEqualTo("maya.okafor@example.com");
  }

  @Test
  void aCustomerWithoutAnEmailAddressIsPermanentAndNoRequest() {
    Notification noEmail = SampleNotifications.to(sampleNotification(),
        new Recipient("5678901234567", "Maya Okafor", " ", "+14155550123", "en-US", "America/Chicago", ""));
    assertThatThrownBy(() -> openSession().deliver(noEmail))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("hubspot: the customer has no email address; HubSpot finds and creates contacts by email, so no "
            + "contact was updated");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void aMessageLongerThanATextPropertyHoldsIsRefusedBeforeCallingHubspot() {
    Notification huge = message(sampleNotification(), "x".repeat(ContactPayload.MAX_TEXT + 1));
    assertThatThrownBy(() -> openSession().deliver(huge))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("65537 characters").hasMessageContaining("backorder_message");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void theResolutionsInternalNoteNeverReachesTheContact() throws Exception {
    platform.enqueue(patched(51));
    openSession().deliver(followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION)));
    assertThat(platform.onlyRequest().bodyText()).doesNotContain("48 on hand", "sold out: 0 on hand");
  }

  // ---- HubSpot's answers to the upsert ---------------------------------------------------------------

  @Test
  void aMultiStatusAnswerWithoutAResultIsPermanentWithHubspotsErrors() {
    platform.enqueue(FakeResponse.json(207, "{\"status\":\"COMPLETE\",\"results\":[],\"numErrors\":1,\"errors\":[{"
        + "\"status\":\"error\",\"category\":\"VALIDATION_ERROR\",\"message\":\"Property values were not valid\","
        + "\"context\":{\"ids\":[\"maya@example.com\"]},\"errors\":[{\"message\":\"2026-04-14T16:00:00Z is not a valid "
        + "date\",\"code\":\"INVALID_DATE\"}]}],\"startedAt\":\"2026-03-02T09:30:00.010Z\","
        + "\"completedAt\":\"2026-03-02T09:30:00.090Z\"}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("HubSpot answered HTTP 207: VALIDATION_ERROR: Property values were not valid (INVALID_DATE: "
            + "2026-04-14T16:00:00Z is not a valid date)");
  }

  @Test
  void aMultiStatusConflictIsRetriedAndAMultiStatusWithTheResultIsDelivered() throws Exception {
    platform.enqueue(FakeResponse.json(207, "{\"status\":\"COMPLETE\",\"results\":[],\"errors\":[{\"status\":\"error\","
        + "\"category\":\"CONFLICT\",\"message\":\"Contact is being updated by another request\"}]}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(RetryableDeliveryException.class)
        .hasMessageContaining("CONFLICT: Contact is being updated by another request");
    platform.enqueue(FakeResponse.json(207, "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"51\",\"new\":false,"
        + "\"properties\":{}}],\"errors\":[]}"));
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(new DeliveryReceipt("51", "51"));
  }

  @Test
  void acceptedWithoutAContactIdIsPermanentNotRetried() {
    platform.enqueue(FakeResponse.json(200, "{\"status\":\"COMPLETE\",\"results\":[]}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP 200 without a contact id");
  }

  @ParameterizedTest
  @CsvSource({
      "UTC,              PT14H30M",
      "America/New_York, PT19H30M",
      "Asia/Tokyo,       PT5H30M"})
  void theDailyLimitWaitsUntilMidnightInTheAccountsZone(String zone, String wait) {
    platform.enqueue(rateLimited("DAILY").header("Retry-After", "1"));
    assertThatThrownBy(() -> openSession(with("account-time-zone", zone)).deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.parse(wait)))
        .hasMessageContaining("HTTP 429: RATE_LIMIT DAILY: You have reached your daily limit.")
        .hasMessageContaining("the daily limit resets at midnight " + zone);
  }

  @Test
  void theDailyResetIsMeasuredOnTheHostsClock() {
    context.clock().set(Instant.parse("2026-03-02T23:59:00Z"));
    platform.enqueue(rateLimited("DAILY"));
    assertThatThrownBy(() -> openSession(with("account-time-zone", "UTC")).deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(1)));
  }

  @Test
  void theTenSecondLimitIsRetriedSoon() {
    platform.enqueue(rateLimited("TEN_SECONDLY_ROLLING"),
        rateLimited("TEN_SECONDLY_ROLLING").header("X-HubSpot-RateLimit-Interval-Milliseconds", "5000"),
        rateLimited("SECONDLY"));
    assertThat(List.of(retryAfterOfDelivery(), retryAfterOfDelivery(), retryAfterOfDelivery()))
        .containsExactly(Optional.of(Duration.ofSeconds(10)), Optional.of(Duration.ofSeconds(5)),
            Optional.of(Duration.ofSeconds(1)));
  }

  @Test
  void locksMigrationsAndConflictsAreRetried() {
    platform.enqueue(FakeResponse.json(423, "{\"status\":\"error\",\"message\":\"Locked\",\"category\":\"LOCKED\"}"),
        FakeResponse.json(477, "{\"status\":\"error\",\"message\":\"Migration in progress\"}").header("Retry-After", "3600"),
        FakeResponse.json(409, "{\"status\":\"error\",\"message\":\"Contact already exists. Existing ID: 51\","
            + "\"category\":\"CONFLICT\"}"));
    assertThat(List.of(retryAfterOfDelivery(), retryAfterOfDelivery(), retryAfterOfDelivery()))
        .containsExactly(Optional.of(Duration.ofSeconds(2)), Optional.of(Duration.ofHours(1)), Optional.empty());
  }

  @Test
  void aLowRateLimitIsLogged() throws Exception {
    platform.enqueue(upserted(51, false).header("X-HubSpot-RateLimit-Max", "100")
            .header("X-HubSpot-RateLimit-Remaining", "6").header("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"),
        upserted(51, false).header("X-HubSpot-RateLimit-Daily", "250000")
            .header("X-HubSpot-RateLimit-Daily-Remaining", "1200"),
        upserted(51, false).header("X-HubSpot-RateLimit-Max", "100").header("X-HubSpot-RateLimit-Remaining", "80")
            .header("X-HubSpot-RateLimit-Daily", "250000").header("X-HubSpot-RateLimit-Daily-Remaining", "200000"));
    for (int i = 0; i < 3; i++) {
      openSession().deliver(sampleNotification());
    }
    assertThat(context.loggedLines()).filteredOn(line -> line.startsWith("WARN")).containsExactly(
        "WARN HubSpot rate limit nearly reached: 6 of 100 requests left in the current 10000 ms window",
        "WARN HubSpot daily API limit nearly reached: 1200 of 250000 requests left today (the account's day)");
  }

  @Test
  void errorTextsCarryHubspotsCorrelationIdButNeverTheToken() {
    scriptClientError(platform, 400);
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .hasMessageEndingWith("[correlationId " + CORRELATION + "]")
        .hasMessageNotContaining(TOKEN);
    platform.enqueue(FakeResponse.status(400).header("Content-Type", "text/html").body("<html>Bad Request</html>"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("HubSpot answered HTTP 400: <html>Bad Request</html>");
  }

  // ---- Follow-ups: the same contact --------------------------------------------------------------------

  @Test
  void anEtaCorrectionPatchesTheContactTheFirstDeliveryWrote() throws Exception {
    platform.enqueue(patched(51));
    Notification correction = followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION));
    assertThat(openSession().deliver(correction)).isEqualTo(new DeliveryReceipt("51", "51"));
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.path()).isEqualTo("/crm/v3/objects/contacts/51");
    assertThat(request.header("Authorization")).hasValue(BEARER);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    assertThat(request.json().fieldNames()).toIterable().containsExactly("properties");
    assertThat(request.json().at("/properties/backorder_status").asText()).isEqualTo("delayed");
    assertThat(request.json().at("/properties/backorder_eta").asText()).isEqualTo("2026-04-14");
    assertThat(request.json().at("/properties/backorder_message").asText()).isEqualTo(correction.message().body());
  }

  @ParameterizedTest
  @CsvSource({"restocked", "cancelled"})
  void aResolutionSetsTheStatusOnTheSameContact(String status) throws Exception {
    platform.enqueue(patched(51));
    Notification resolution = SampleNotifications.withFact(
        followUp(SampleNotifications.customer(Trigger.SUPPLIER_DELAYED, Purpose.RESOLUTION)), "status", status);
    openSession().deliver(resolution);
    assertThat(platform.onlyRequest().path()).isEqualTo("/crm/v3/objects/contacts/51");
    assertThat(platform.onlyRequest().json().at("/properties/backorder_status").asText()).isEqualTo(status);
  }

  @Test
  void aDeletedContactIsUpsertedByEmailAgainAndTheReceiptSaysSo() throws Exception {
    platform.enqueue(FakeResponse.json(404, "{\"status\":\"error\",\"message\":\"resource not found\","
        + "\"correlationId\":\"" + CORRELATION + "\",\"category\":\"OBJECT_NOT_FOUND\"}"), upserted(77, true));
    Notification correction = followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION));
    assertThat(openSession().deliver(correction)).isEqualTo(new DeliveryReceipt("77", "77",
        "contact 51 was not found on HubSpot (deleted or merged); upserted the customer's contact by email: 77"));
    assertThat(platform.requests()).extracting(RecordedRequest::method, RecordedRequest::path)
        .containsExactly(tuple("PATCH", "/crm/v3/objects/contacts/51"), tuple("POST", UPSERT));
    assertThat(platform.lastRequest().json().at("/inputs/0/id").asText()).isEqualTo("maya@example.com");
    assertThat(platform.lastRequest().json().at("/inputs/0/properties/backorder_status").asText()).isEqualTo("delayed");
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).startsWith("WARN").contains("51", "77"));
  }

  @Test
  void aDeletedContactOfACustomerWithoutEmailIsPermanent() {
    platform.enqueue(FakeResponse.json(404, "{\"status\":\"error\",\"message\":\"resource not found\"}"));
    Notification correction = SampleNotifications.to(
        followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION)),
        new Recipient("5678901234567", "Maya Okafor", "", "", "en-US", "", ""));
    assertThatThrownBy(() -> openSession().deliver(correction))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("no email address");
    assertThat(platform.requestCount()).isOne();
  }

  @Test
  void aFollowUpThatFailsForNowIsRetriedWithoutAnUpsert() {
    platform.enqueue(rateLimited("TEN_SECONDLY_ROLLING").header("Retry-After", "3"),
        FakeResponse.status(502).body("Bad Gateway"));
    Notification correction = followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION));
    assertThatThrownBy(() -> openSession().deliver(correction)).isInstanceOfSatisfying(RetryableDeliveryException.class,
        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
    assertThatThrownBy(() -> openSession().deliver(correction)).isInstanceOf(RetryableDeliveryException.class);
    assertThat(platform.requests()).extracting(RecordedRequest::method).containsExactly("PATCH", "PATCH");
  }

  @Test
  void aFollowUpWithoutAUsableReferenceUpsertsByEmail() throws Exception {
    platform.enqueue(upserted(51, false), upserted(51, false));
    Notification correction = SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION);
    assertThat(openSession().deliver(correction)).isEqualTo(new DeliveryReceipt("51", "51"));
    openSession().deliver(SampleNotifications.followingUp(correction, "C0BACKORD:1772443800.000100"));
    assertThat(platform.requests()).extracting(RecordedRequest::path).containsExactly(UPSERT, UPSERT);
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("not a HubSpot contact id"));
  }

  @Test
  void aCustomerNoticeAlwaysUpsertsByEmail() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(SampleNotifications.followingUp(sampleNotification(), "40"));
    assertThat(platform.onlyRequest().path()).isEqualTo(UPSERT);
  }

  // ---- The optional custom event ------------------------------------------------------------------------

  @Test
  void withAnEventNameACustomEventFollowsOnTheContact() throws Exception {
    platform.enqueue(upserted(51, true), FakeResponse.status(204));
    assertThat(openSession(with("event-name", EVENT)).deliver(sampleNotification()))
        .isEqualTo(new DeliveryReceipt("51", "51"));
    assertThat(platform.requests()).extracting(RecordedRequest::method, RecordedRequest::path)
        .containsExactly(tuple("POST", UPSERT), tuple("POST", "/events/v3/send"));
    RecordedRequest event = platform.lastRequest();
    assertThat(event.header("Authorization")).hasValue(BEARER);
    assertThat(event.header("Content-Type")).hasValue("application/json");
    assertThat(event.json()).isEqualTo(JSON.object()
        .put("eventName", EVENT)
        .put("objectId", "51")
        .put("occurredAt", "2026-03-02T09:30:00Z")
        .set("properties", JSON.object()
            .put("status", "backordered")
            .put("sku", "ACR-TITANIUM-WHITE")
            .put("product", "Titanium White Acrylic 120 ml")
            .put("order_id", "5678901234567")
            .put("case_id", "case_01JSAMPLE")
            .put("eta", "2026-04-14T16:00:00Z")
            .put("message", sampleNotification().message().body())));
  }

  @Test
  void theEventCarriesTheChosenValuesAndLeavesOutUnknownOnes() throws Exception {
    platform.enqueue(patched(51), FakeResponse.status(204));
    Map<String, String> settings = with("event-name", EVENT);
    settings.put("event-properties", "status, trigger, purpose, supplier, po_number, order_name");
    openSession(settings).deliver(followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION)));
    assertThat(platform.lastRequest().json().get("properties")).hasToString("{\"status\":\"restocked\","
        + "\"trigger\":\"stock-depleted\",\"purpose\":\"resolution\",\"order_name\":\"#1001\"}");
    assertThat(platform.lastRequest().json().get("objectId").asText()).isEqualTo("51");
  }

  @Test
  void aRefusedEventLeavesTheContactUpdatedAndSaysSoInTheReceipt() throws Exception {
    platform.enqueue(upserted(51, false), FakeResponse.json(400, "{\"status\":\"error\",\"message\":\"Event "
        + "definition not found\",\"correlationId\":\"" + CORRELATION + "\",\"category\":\"VALIDATION_ERROR\"}"));
    DeliveryReceipt receipt = openSession(with("event-name", EVENT)).deliver(sampleNotification());
    assertThat(receipt).isEqualTo(new DeliveryReceipt("51", "51", "contact updated; custom event " + EVENT
        + " refused: HubSpot answered HTTP 400: VALIDATION_ERROR: Event definition not found [correlationId "
        + CORRELATION + "]"));
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).startsWith("WARN").contains(EVENT));
  }

  @Test
  void anEventThatFailsForNowRetriesTheDelivery() {
    platform.enqueue(upserted(51, false), rateLimited("TEN_SECONDLY_ROLLING").header("Retry-After", "4"));
    assertThatThrownBy(() -> openSession(with("event-name", EVENT)).deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(4)));
  }

  // ---- Helpers ----------------------------------------------------------------------------------------

  private Optional<Duration> retryAfterOfDelivery() {
    try {
      openSession().deliver(sampleNotification());
      throw new AssertionError("expected a retryable failure");
    } catch (RetryableDeliveryException e) {
      return e.retryAfter();
    } catch (Exception e) {
      throw new AssertionError("expected a retryable failure, got " + e, e);
    }
  }

  private static FakeResponse upserted(long id, boolean created) {
    return FakeResponse.json(200, "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"" + id + "\",\"properties\":{"
        + "\"email\":\"maya@example.com\",\"hs_object_id\":\"" + id + "\"},\"createdAt\":\"2026-03-02T09:30:00.112Z\","
        + "\"updatedAt\":\"2026-03-02T09:30:00.112Z\",\"archived\":false,\"new\":" + created + "}],"
        + "\"startedAt\":\"2026-03-02T09:30:00.010Z\",\"completedAt\":\"2026-03-02T09:30:00.120Z\"}");
  }

  private static FakeResponse patched(long id) {
    return FakeResponse.json(200, "{\"id\":\"" + id + "\",\"properties\":{\"backorder_status\":\"delayed\"},"
        + "\"createdAt\":\"2026-02-11T14:02:46.000Z\",\"updatedAt\":\"2026-03-02T09:30:00.112Z\",\"archived\":false}");
  }

  private static FakeResponse rateLimited(String policy) {
    String limit = policy.equals("DAILY") ? "daily" : policy.toLowerCase(java.util.Locale.ROOT);
    return FakeResponse.json(429, "{\"status\":\"error\",\"message\":\"You have reached your " + limit + " limit.\","
        + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"c033cdaa-2c40-4a64-ae48-b4cec88dad24\",\"policyName\":\""
        + policy + "\",\"requestId\":\"3d3e35b7-0dae-4b9f-a6e3-9c230cbcf8dd\"}");
  }

  private static Notification followUp(Notification notification) {
    return SampleNotifications.followingUp(notification, "51");
  }

  private static Notification message(Notification n, String body) {
    return new Notification(n.deliveryId(), n.trigger(), n.purpose(), n.audience(), n.recipient(),
        new Message(n.message().subject(), body), n.facts(), n.previousReference());
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
