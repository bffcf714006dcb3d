package com.backordergateway.plugins.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Message;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.PermanentDeliveryException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Zendesk connector against a fake Tickets API that checks each request as Zendesk reads it:
 * the Basic ({@code email/token:api-token}) or Bearer header, JSON with the ticket's requester,
 * subject, first comment, tags, external id, priority, form and custom fields, the delivery id
 * as {@code Idempotency-Key} on creation; follow-ups as a {@code PUT} comment on the ticket the
 * first delivery opened, and a new ticket when that one was deleted or closed.
 */
class ZendeskConnectorTest extends ConnectorContractTest {

  private static final String EMAIL = "support@maple-thread.example";
  private static final String API_TOKEN = "zd9Xq2LmN4vB7cR1tY6uE3wA8sD5fG0hJ2kL4pQ";
  private static final String OAUTH_TOKEN = "oa7f3c9a1e5b2d8f4c6a0e9b3d7f1c5a2e";
  /** base64("support@maple-thread.example/token:" + API_TOKEN), worked out apart from the code under test. */
  private static final String BASIC = "Basic c3VwcG9ydEBtYXBsZS10aHJlYWQuZXhhbXBsZS90b2tlbjp6ZDlYcTJMbU40dkI3Y1IxdFk2dUUzd0E4c0Q1ZkcwaEoya0w0cFE=";
  private static final String STAFF_EMAIL = "purchasing@maple-thread.example";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new ZendeskConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "base-url", platformUrl.toString(),
        "subdomain", "maple-thread",
        "email", EMAIL,
        "api-token", API_TOKEN,
        "submitter-id", "368274591",
        "priority", "high",
        "ticket-form-id", "360000123456",
        "custom-fields", "sku: 360001\neta: 360002\npo_number: 360003\nreason: 360004",
        "staff-requester-email", STAFF_EMAIL);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("api-token", API_TOKEN);
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(created(4521));
  }

  @Override
  protected String expectedExternalId() {
    return "4521";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v2/tickets");
    assertThat(request.header("Authorization")).hasValue(BASIC);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    assertThat(request.header("Accept")).hasValue("application/json");
    assertThat(request.header("Idempotency-Key")).hasValue("dlv_sample_stock_depleted_customer_notice_customer");
    JsonNode ticket = request.json().get("ticket");
    assertThat(request.json().fieldNames()).toIterable().containsExactly("ticket");
    assertThat(ticket.fieldNames()).toIterable().containsExactly("subject", "comment", "requester", "submitter_id",
        "priority", "tags", "external_id", "ticket_form_id", "custom_fields");
    assertThat(ticket.get("subject").asText()).isEqualTo("Your order #1001: Titanium White Acrylic 120 ml is on backorder");
    assertThat(ticket.at("/comment/body").asText()).isEqualTo(sampleNotification().message().body());
    assertThat(ticket.at("/comment/public").asBoolean()).isTrue();
    assertThat(ticket.get("requester")).hasToString("{\"name\":\"Maya Okafor\",\"email\":\"maya@example.com\"}");
    assertThat(ticket.get("submitter_id").asLong()).isEqualTo(368274591L);
    assertThat(ticket.get("priority").asText()).isEqualTo("high");
    assertThat(ticket.get("tags")).hasToString("[\"backorder\",\"stock-depleted\",\"sku_acr-titanium-white\"]");
    assertThat(ticket.get("external_id").asText()).isEqualTo("case_01JSAMPLE:5678901234567");
    assertThat(ticket.get("ticket_form_id").asLong()).isEqualTo(360000123456L);
    // po_number is empty for this case, and reason is staff-only: neither goes on a customer's ticket.
    assertThat(ticket.get("custom_fields"))
        .hasToString("[{\"id\":360001,\"value\":\"ACR-TITANIUM-WHITE\"},{\"id\":360002,\"value\":\"2026-04-14\"}]");
  }

  @Override
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 502, 503);
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404, 422);
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"error\":\"IdempotentRequestError\",\"description\":\"The idempotency key was already used with "
          + "different request parameters\"}";
      case 401 -> "{\"error\":\"Couldn't authenticate you\"}";
      case 403 -> "{\"error\":\"Forbidden\",\"description\":\"You do not have access to this page. Please contact the "
          + "account owner of this help desk for further help.\"}";
      case 404 -> "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}";
      case 422 -> "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":{"
          + "\"requester\":[{\"description\":\"Requester: Email is not properly formatted\",\"error\":\"InvalidValue\"}],"
          + "\"ticket_form_id\":[{\"description\":\"is invalid\"}]}}";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "HTTP 400: IdempotentRequestError: The idempotency key was already used with different request parameters";
      case 401 -> "HTTP 401: Couldn't authenticate you";
      case 403 -> "HTTP 403: Forbidden: You do not have access to this page.";
      case 404 -> "HTTP 404: RecordNotFound: Not found";
      case 422 -> "HTTP 422: RecordInvalid: Record validation errors (Requester: Email is not properly formatted; "
          + "ticket_form_id: is invalid)";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "base-url", "ftp://maple-thread.zendesk.com",
        "subdomain", "maple-thread.zendesk.com",
        "email", "support at maple-thread",
        "api-token", "token with spaces",
        "submitter-id", "me",
        "priority", "asap",
        "ticket-form-id", "form-1",
        "custom-fields", "sku: abc",
        "resolution-status", "closed",
        "staff-requester-email", "ops@");
  }

  // ---- Descriptor and settings ------------------------------------------------------------------

  @Test
  void describesTheZendeskType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("zendesk");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(3, 5));
    assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(Capability.CUSTOMER_AUDIENCE,
        Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE, Capability.IDEMPOTENCY_KEY);
    assertThat(descriptor.settings()).extracting(SettingSpec::key).containsExactly("subdomain", "base-url", "email",
        "api-token", "oauth-token", "submitter-id", "priority", "ticket-form-id", "custom-fields", "public-comments",
        "resolution-status", "staff-requester-email");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::required).extracting(SettingSpec::key)
        .containsExactly("subdomain");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("api-token", "oauth-token");
    assertThat(descriptor.settings()).extracting(spec -> spec.format().typeName()).containsExactly("pattern", "url",
        "email", "secret", "secret", "integer", "one-of", "integer", "map", "boolean", "one-of", "email");
    assertThat(descriptor.setting("priority")).hasValueSatisfying(s -> assertThat(s.defaultValue()).isEqualTo("normal"));
    assertThat(descriptor.setting("public-comments")).hasValueSatisfying(s -> assertThat(s.defaultValue()).isEqualTo("true"));
    assertThat(descriptor.setting("resolution-status"))
        .hasValueSatisfying(s -> assertThat(s.defaultValue()).isEqualTo("solved"));
  }

  @Test
  void theApiHostIsTheSubdomainsUnlessABaseUrlIsSet() {
    ZendeskSettings demo = ZendeskSettings.from(settings(Map.of("subdomain", "Example-Crafts",
        "email", "support@example-crafts.com", "api-token", "demo-not-a-real-token")));
    assertThat(demo.ticketsUrl()).isEqualTo(URI.create("https://example-crafts.zendesk.com/api/v2/tickets"));
    assertThat(demo.ticketUrl("4521")).isEqualTo(URI.create("https://example-crafts.zendesk.com/api/v2/tickets/4521"));
    assertThat(ZendeskSettings.from(settings(with("base-url", "https://help.maple-thread.example/"))).ticketsUrl())
        .isEqualTo(URI.create("https://help.maple-thread.example/api/v2/tickets"));
  }

  @Test
  void theDemoConfigsPlaceholdersAreAccepted() {
    ZendeskSettings demo = ZendeskSettings.from(settings(Map.of("subdomain", "example-crafts",
        "email", "support@example-crafts.com", "api-token", "demo-not-a-real-token", "submitter-id", "368274591",
        "custom-fields", "sku: 360001; eta: 360002; po_number: 360003",
        "staff-requester-email", "purchasing@example-crafts.com")));
    assertThat(demo.customFields()).containsExactly(Map.entry("sku", 360001L), Map.entry("eta", 360002L),
        Map.entry("po_number", 360003L));
    assertThat(demo.resolutionStatus()).contains("solved");
    assertThat(demo.publicComments()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "email,api-token,oauth-token | oauth-token | set either oauth-token or email with api-token, not both",
      "email,oauth-token           | email       | is for API token sign-in",
      "email                       | api-token   | required with email",
      "api-token                   | email       | required with api-token",
      "''                          | api-token   | set email with api-token (API token sign-in) or oauth-token (OAuth sign-in)"})
  void exactlyOneSignInIsConfigured(String configured, String key, String problem) {
    Map<String, String> settings = new HashMap<>(Map.of("base-url", platform.url().toString(), "subdomain", "maple-thread"));
    Map<String, String> values = Map.of("email", EMAIL, "api-token", API_TOKEN, "oauth-token", OAUTH_TOKEN);
    for (String k : configured.split(",")) {
      if (!k.isBlank()) {
        settings.put(k, values.get(k));
      }
    }
    assertThatThrownBy(() -> openSession(settings))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key))
        .hasMessageContaining(problem)
        .hasMessageNotContaining(API_TOKEN).hasMessageNotContaining(OAUTH_TOKEN);
  }

  @Test
  void customFieldsMapFactsToNumericFieldIds() {
    assertThatThrownBy(() -> openSession(with("custom-fields", "colour: 360001")))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("custom-fields"))
        .hasMessageContaining("entry 'colour' is not a fact").hasMessageContaining("po_number");
    assertThatThrownBy(() -> openSession(with("custom-fields", "sku: 360001; eta: tomorrow")))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("custom-fields"))
        .hasMessageContaining("entry 'eta' needs a numeric field id");
  }

  @Test
  void settingsAndSessionPrintWithoutTheTokens() {
    ZendeskSettings basic = ZendeskSettings.from(settings(validSettings(platform.url())));
    assertThat(basic.toString()).doesNotContain(API_TOKEN, BASIC.substring(6))
        .contains("api-token=****", EMAIL, "priority=high", "360001");
    assertThat(openSession().toString()).contains("test-instance", "127.0.0.1", EMAIL).doesNotContain(API_TOKEN);
    ZendeskSettings oauth = ZendeskSettings.from(settings(oauthSettings()));
    assertThat(oauth.toString()).contains("oauth-token=****", "an OAuth token").doesNotContain(OAUTH_TOKEN);
    assertThat(openSession(oauthSettings()).toString()).doesNotContain(OAUTH_TOKEN);
  }

  // ---- Creating tickets ---------------------------------------------------------------------------

  @Test
  void anOauthTokenIsSentAsBearer() throws Exception {
    scriptSuccess(platform);
    openSession(oauthSettings()).deliver(sampleNotification());
    assertThat(platform.onlyRequest().header("Authorization")).hasValue("Bearer " + OAUTH_TOKEN);
    assertThat(context.loggedLines()).noneSatisfy(line -> assertThat(line).contains(OAUTH_TOKEN));
  }

  @Test
  void withoutOptionalSettingsTheTicketCarriesOnlyWhatZendeskNeeds() throws Exception {
    scriptSuccess(platform);
    openSession(Map.of("base-url", platform.url().toString(), "subdomain", "maple-thread", "email", EMAIL,
        "api-token", API_TOKEN)).deliver(sampleNotification());
    JsonNode ticket = platform.onlyRequest().json().get("ticket");
    assertThat(ticket.fieldNames()).toIterable()
        .containsExactly("subject", "comment", "requester", "priority", "tags", "external_id");
    assertThat(ticket.get("priority").asText()).isEqualTo("normal");
    assertThat(ticket.at("/comment/public").asBoolean()).isTrue();
  }

  @Test
  void aRetriedDeliverySendsTheSameKeyAndTheSameTicketSoZendeskAnswersTheFirstOne() throws Exception {
    platform.enqueue(created(4521), created(4521).header("x-idempotency-lookup", "hit"));
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(new DeliveryReceipt("4521", "4521"));
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(new DeliveryReceipt("4521", "4521"));
    RecordedRequest first = platform.requests().get(0);
    RecordedRequest retry = platform.requests().get(1);
    assertThat(retry.header("Idempotency-Key")).isEqualTo(first.header("Idempotency-Key"));
    assertThat(retry.bodyText()).as("the same key with other parameters is refused").isEqualTo(first.bodyText());
  }

  @Test
  void theSkuBecomesAZendeskTagAndTheTriggerIsInKebabCase() throws Exception {
    scriptSuccess(platform);
    Notification odd = SampleNotifications.withFact(SampleNotifications.customer(Trigger.SUPPLIER_DELAYED,
        Purpose.CUSTOMER_NOTICE), "sku", " Acryl White #12 / 120ml, Étude ");
    openSession().deliver(odd);
    assertThat(platform.onlyRequest().json().at("/ticket/tags"))
        .hasToString("[\"backorder\",\"supplier-delayed\",\"sku_acryl_white_12_120ml_étude\"]");
    assertThat(TicketPayload.tag("#!")).isEmpty();
  }

  @Test
  void withoutASkuOrCaseTheTagsAndExternalIdKeepWhatIsKnown() throws Exception {
    scriptSuccess(platform);
    Notification bare = SampleNotifications.withFact(SampleNotifications.withFact(
        SampleNotifications.to(sampleNotification(), new Recipient("", "", "maya@example.com", "", "", "", "")),
        "sku", ""), "case_id", "");
    openSession().deliver(bare);
    JsonNode ticket = platform.onlyRequest().json().get("ticket");
    assertThat(ticket.get("tags")).hasToString("[\"backorder\",\"stock-depleted\"]");
    assertThat(ticket.get("external_id").asText()).as("the order from the facts").isEqualTo("5678901234567");
    assertThat(ticket.get("requester")).hasToString("{\"email\":\"maya@example.com\"}");
  }

  @Test
  void theEtaFieldIsTheDayWhereTheCustomerLives() throws Exception {
    scriptSuccess(platform);
    Notification lateInChicago = SampleNotifications.withFact(sampleNotification(), "eta", "2026-04-15T03:00:00Z");
    openSession().deliver(lateInChicago);
    assertThat(platform.onlyRequest().json().at("/ticket/custom_fields/1/value").asText()).isEqualTo("2026-04-14");
  }

  @Test
  void aCustomerWithoutAnEmailAddressIsPermanentAndNoRequest() {
    Notification n = SampleNotifications.to(sampleNotification(),
        new Recipient("5678901234567", "Maya Okafor", " ", "+14155550123", "en-US", "America/Chicago", ""));
    assertThatThrownBy(() -> openSession().deliver(n))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("zendesk: the customer has no email address to be the ticket's requester");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void aTicketNeedsARenderedSubjectAndBody() {
    Notification noSubject = message(sampleNotification(), new Message(" ", "Hi Maya"));
    assertThatThrownBy(() -> openSession().deliver(noSubject))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("no subject").hasMessageContaining("STOCK_DEPLETED / CUSTOMER_NOTICE");
    Notification noBody = message(sampleNotification(), new Message("Backorder", "\n"));
    assertThatThrownBy(() -> openSession().deliver(noBody))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("comment is empty");
    assertThat(platform.requestCount()).isZero();
  }

  // ---- Follow-ups: comments on the same ticket -----------------------------------------------------

  @Test
  void anEtaCorrectionIsAPublicCommentOnTheTicketTheFirstDeliveryOpened() throws Exception {
    platform.enqueue(updated(4521));
    Notification correction = followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION));
    assertThat(openSession().deliver(correction)).isEqualTo(new DeliveryReceipt("4521", "4521"));
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/api/v2/tickets/4521");
    assertThat(request.header("Authorization")).hasValue(BASIC);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    assertThat(request.header("Idempotency-Key")).as("Zendesk takes the key on creation only").isEmpty();
    JsonNode ticket = request.json().get("ticket");
    assertThat(ticket.fieldNames()).toIterable().containsExactly("comment", "custom_fields");
    assertThat(ticket.at("/comment/body").asText()).isEqualTo(correction.message().body());
    assertThat(ticket.at("/comment/public").asBoolean()).isTrue();
    assertThat(ticket.at("/custom_fields/1")).hasToString("{\"id\":360002,\"value\":\"2026-04-14\"}");
  }

  @ParameterizedTest
  @CsvSource({"'', solved", "solved, solved", "pending, pending", "open, open", "hold, hold", "new, new", "none, ''"})
  void aResolutionSetsTheConfiguredStatus(String configured, String sent) throws Exception {
    platform.enqueue(updated(4521));
    Map<String, String> settings = configured.isEmpty() ? validSettings(platform.url()) : with("resolution-status", configured);
    openSession(settings).deliver(followUp(SampleNotifications.customer(Trigger.SUPPLIER_DELAYED, Purpose.RESOLUTION)));
    JsonNode ticket = platform.onlyRequest().json().get("ticket");
    assertThat(ticket.path("status").asText()).isEqualTo(sent);
    assertThat(ticket.has("status")).isEqualTo(!sent.isEmpty());
  }

  @Test
  void withPublicCommentsOffCustomerTicketsGetInternalNotes() throws Exception {
    platform.enqueue(created(4521), updated(4521));
    openSession(with("public-comments", "false")).deliver(sampleNotification());
    openSession(with("public-comments", "false"))
        .deliver(followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION)));
    assertThat(platform.requests()).extracting(r -> r.json().at("/ticket/comment/public").asBoolean())
        .containsExactly(false, false);
  }

  @Test
  void aDeletedTicketIsReplacedByANewOneAndTheReceiptSaysSo() throws Exception {
    platform.enqueue(FakeResponse.json(404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}"), created(4533));
    Notification correction = followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION));
    DeliveryReceipt receipt = openSession().deliver(correction);
    assertThat(receipt).isEqualTo(new DeliveryReceipt("4533", "4533",
        "ticket 4521 was not found on Zendesk; opened ticket 4533"));
    assertThat(platform.requests()).extracting(RecordedRequest::method, RecordedRequest::path)
        .containsExactly(tuple("PUT", "/api/v2/tickets/4521"),
            tuple("POST", "/api/v2/tickets"));
    RecordedRequest opened = platform.lastRequest();
    assertThat(opened.header("Idempotency-Key")).hasValue(correction.deliveryId());
    JsonNode ticket = opened.json().get("ticket");
    assertThat(ticket.get("subject").asText()).isEqualTo(correction.message().subject());
    assertThat(ticket.at("/requester/email").asText()).isEqualTo("maya@example.com");
    assertThat(ticket.has("via_followup_source_id")).isFalse();
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("4521", "4533", "not found"));
  }

  @Test
  void aClosedTicketIsFollowedUpByANewTicketLinkedToIt() throws Exception {
    platform.enqueue(FakeResponse.json(422, "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
        + "\"details\":{\"status\":[{\"description\":\"Status: closed prevents ticket update\"}]}}"), created(4533));
    Notification resolution = followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION));
    DeliveryReceipt receipt = openSession().deliver(resolution);
    assertThat(receipt.externalId()).isEqualTo("4533");
    assertThat(receipt.reference()).isEqualTo("4533");
    assertThat(receipt.note()).isEqualTo("ticket 4521 is closed on Zendesk; opened follow-up ticket 4533");
    JsonNode ticket = platform.lastRequest().json().get("ticket");
    assertThat(ticket.get("via_followup_source_id").asLong()).isEqualTo(4521L);
    assertThat(ticket.get("status").asText()).isEqualTo("solved");
  }

  @Test
  void anotherRefusalOfTheFollowUpIsPermanentWithZendesksText() {
    platform.enqueue(FakeResponse.json(422, "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
        + "\"details\":{\"base\":[{\"description\":\"A ticket can have no more than 5000 comments\"}]}}"));
    Notification correction = followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION));
    assertThatThrownBy(() -> openSession().deliver(correction))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("Zendesk answered HTTP 422: RecordInvalid: Record validation errors (A ticket can have no more "
            + "than 5000 comments)");
    assertThat(platform.requestCount()).isOne();
  }

  @Test
  void aFollowUpThatFailsForNowIsRetriedWithoutOpeningATicket() {
    platform.enqueue(FakeResponse.json(429, "{\"error\":\"TooManyRequests\"}").header("Retry-After", "12"));
    Notification correction = followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION));
    assertThatThrownBy(() -> openSession().deliver(correction))
        .isInstanceOfSatisfying(RetryableDeliveryException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(12)));
    platform.enqueue(FakeResponse.status(503).body("Service Unavailable"));
    assertThatThrownBy(() -> openSession().deliver(correction)).isInstanceOf(RetryableDeliveryException.class);
    assertThat(platform.requests()).extracting(RecordedRequest::method).containsExactly("PUT", "PUT");
  }

  @Test
  void aConcurrentUpdateOfTheTicketIsRetryable() {
    platform.enqueue(FakeResponse.json(409, "{\"error\":\"Conflict\",\"description\":\"The ticket was updated by "
        + "someone else at the same time\"}"));
    Notification correction = followUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION));
    assertThatThrownBy(() -> openSession().deliver(correction))
        .isInstanceOf(RetryableDeliveryException.class)
        .hasMessageContaining("HTTP 409: Conflict: The ticket was updated by someone else at the same time");
  }

  @Test
  void aFollowUpWithoutAUsableReferenceOpensATicket() throws Exception {
    platform.enqueue(created(4540), created(4541));
    Notification correction = SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION);
    assertThat(openSession().deliver(correction)).isEqualTo(new DeliveryReceipt("4540", "4540"));
    assertThat(openSession().deliver(SampleNotifications.followingUp(correction, "C0BACKORD:1772443800.000100")))
        .isEqualTo(new DeliveryReceipt("4541", "4541"));
    assertThat(platform.requests()).extracting(RecordedRequest::method).containsExactly("POST", "POST");
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("not a Zendesk ticket id"));
  }

  @Test
  void aCustomerNoticeAlwaysOpensItsOwnTicket() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(SampleNotifications.followingUp(sampleNotification(), "4500"));
    assertThat(platform.onlyRequest().method()).isEqualTo("POST");
  }

  // ---- Staff alerts: one internal ticket per case --------------------------------------------------

  @Test
  void aStaffAlertOpensAnInternalTicketForTheCase() throws Exception {
    scriptSuccess(platform);
    Notification alert = SampleNotifications.staffAlert();
    assertThat(openSession().deliver(alert)).isEqualTo(new DeliveryReceipt("4521", "4521"));
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.header("Idempotency-Key")).hasValue(alert.deliveryId());
    JsonNode ticket = request.json().get("ticket");
    assertThat(ticket.get("subject").asText()).isEqualTo("Backorder: ACR-TITANIUM-WHITE");
    assertThat(ticket.get("comment")).hasToString("{\"body\":\"" + alert.message().body() + "\",\"public\":false}");
    assertThat(ticket.get("requester")).hasToString("{\"email\":\"" + STAFF_EMAIL + "\"}");
    assertThat(ticket.get("external_id").asText()).as("one ticket per case").isEqualTo("case_01JSAMPLE");
    assertThat(ticket.get("custom_fields")).as("staff see why the case opened").hasToString(
        "[{\"id\":360001,\"value\":\"ACR-TITANIUM-WHITE\"},{\"id\":360002,\"value\":\"2026-04-14\"},"
            + "{\"id\":360004,\"value\":\"sold out: 0 on hand after a sale\"}]");
  }

  @Test
  void withoutAStaffRequesterTheSignedInAgentRequestsTheInternalTicket() throws Exception {
    scriptSuccess(platform);
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.remove("staff-requester-email");
    openSession(settings).deliver(SampleNotifications.staffAlert());
    assertThat(platform.onlyRequest().json().get("ticket").has("requester")).isFalse();
  }

  @Test
  void staffFollowUpsAreInternalNotesEvenWithPublicComments() throws Exception {
    platform.enqueue(updated(4521));
    openSession().deliver(followUp(SampleNotifications.staff(Trigger.SUPPLIER_DELAYED, Purpose.RESOLUTION)));
    JsonNode ticket = platform.onlyRequest().json().get("ticket");
    assertThat(ticket.at("/comment/public").asBoolean()).isFalse();
    assertThat(ticket.get("status").asText()).isEqualTo("solved");
    assertThat(ticket.get("custom_fields").toString()).contains("PO-2041", "shipment PO-2041 is 3 days late");
  }

  // ---- Zendesk's answers ------------------------------------------------------------------------------

  @Test
  void acceptedWithoutATicketIdIsPermanentSoNoSecondTicketIsOpened() {
    platform.enqueue(FakeResponse.json(201, "{\"audit\":{}}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP 201 without a ticket id");
  }

  @Test
  void errorsInZendesksOtherShapesKeepTheirText() {
    platform.enqueue(FakeResponse.json(403, "{\"error\":{\"title\":\"Forbidden\",\"message\":\"You do not have access "
        + "to this page.\"}}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .hasMessage("Zendesk answered HTTP 403: Forbidden: You do not have access to this page.");
    platform.enqueue(FakeResponse.status(400).header("Content-Type", "text/plain").body("Bad Request"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("Zendesk answered HTTP 400: Bad Request");
  }

  @Test
  void logsTheHostAndAgentButNotTheToken() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("127.0.0.1", EMAIL));
    assertThat(context.loggedLines()).noneSatisfy(line -> assertThat(line).contains(BASIC.substring(6)));
  }

  // ---- Helpers ----------------------------------------------------------------------------------------

  private static FakeResponse created(long id) {
    return FakeResponse.json(201, "{\"ticket\":{\"url\":\"https://maple-thread.zendesk.com/api/v2/tickets/" + id
        + ".json\",\"id\":" + id + ",\"status\":\"new\",\"external_id\":\"case_01JSAMPLE:5678901234567\"},"
        + "\"audit\":{\"id\":9901,\"ticket_id\":" + id + "}}")
        .header("Location", "https://maple-thread.zendesk.com/api/v2/tickets/" + id + ".json")
        .header("x-idempotency-lookup", "miss");
  }

  private static FakeResponse updated(long id) {
    return FakeResponse.json(200, "{\"ticket\":{\"id\":" + id + ",\"status\":\"open\"},\"audit\":{\"id\":9902}}");
  }

  private static Notification followUp(Notification notification) {
    return SampleNotifications.followingUp(notification, "4521");
  }

  private static Notification message(Notification n, Message message) {
    return new Notification(n.deliveryId(), n.trigger(), n.purpose(), n.audience(), n.recipient(), message, n.facts(),
        n.previousReference());
  }

  private Map<String, String> oauthSettings() {
    return Map.of("base-url", platform.url().toString(), "subdomain", "maple-thread", "oauth-token", OAUTH_TOKEN);
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
