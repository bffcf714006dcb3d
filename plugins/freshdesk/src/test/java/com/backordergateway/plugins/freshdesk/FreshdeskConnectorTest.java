package com.backordergateway.plugins.freshdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Freshdesk connector against a fake helpdesk that checks every request as Freshdesk's API v2
 * would: Create a Ticket ({@code POST /api/v2/tickets}), Create a Note ({@code POST
 * /api/v2/tickets/{id}/notes}) and Update a Ticket ({@code PUT /api/v2/tickets/{id}}), with
 * Basic {@code <api key>:X} and JSON bodies.
 */
class FreshdeskConnectorTest extends ConnectorContractTest {

  private static final String API_KEY = "fd-Qk7sV2mX9pLr4TbN8yWc";
  /** Base64 of {@code fd-Qk7sV2mX9pLr4TbN8yWc:X}, worked out by hand. */
  private static final String BASIC = "Basic ZmQtUWs3c1YybVg5cExyNFRiTjh5V2M6WA==";
  private static final String STAFF_EMAIL = "backorders@maple-thread.example";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new FreshdeskConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "domain", "maple-thread",
        "base-url", platformUrl.toString(),
        "api-key", API_KEY,
        "custom-fields", "sku=cf_sku; eta_date=cf_expected_on; order_name=cf_order; reason=cf_reason",
        "category-routing", "paint=group:101; brushes=group:102,agent:5501",
        "staff-requester-email", STAFF_EMAIL);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("api-key", API_KEY);
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

  /** Create a Ticket for the customer by email, with everything the settings ask for. */
  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v2/tickets");
    assertThat(request.header("Authorization")).hasValue(BASIC);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    JsonNode ticket = request.json();
    assertThat(ticket.fieldNames()).toIterable().containsExactly("email", "name", "subject", "description", "status",
        "priority", "tags", "custom_fields", "group_id");
    assertThat(ticket.get("email").asText()).isEqualTo("maya@example.com");
    assertThat(ticket.get("name").asText()).isEqualTo("Maya Okafor");
    assertThat(ticket.get("subject").asText()).isEqualTo("Your order #1001: Titanium White Acrylic 120 ml is on backorder");
    assertThat(ticket.get("description").asText()).isEqualTo("<p>Hi Maya,</p>\n<p>Thank you for your order #1001. "
        + "Titanium White Acrylic 120 ml is on backorder right now and we expect it back by April 14, 2026.</p>\n"
        + "<p>Maple &amp; Thread Crafts</p>");
    assertThat(ticket.get("status").isInt()).isTrue();
    assertThat(ticket.get("status").asInt()).isEqualTo(2);
    assertThat(ticket.get("priority").asInt()).isEqualTo(1);
    assertThat(ticket.get("tags")).extracting(JsonNode::asText)
        .containsExactly("backorder", "stock-depleted", "ACR-TITANIUM-WHITE");
    // The customer's ticket carries no staff-only fact: cf_reason stays out.
    assertThat(ticket.get("custom_fields")).isEqualTo(json("{\"cf_sku\":\"ACR-TITANIUM-WHITE\","
        + "\"cf_expected_on\":\"2026-04-14\",\"cf_order\":\"#1001\"}"));
    assertThat(ticket.get("group_id").isIntegralNumber()).isTrue();
    assertThat(ticket.get("group_id").asLong()).isEqualTo(101);
  }

  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.status(429).header("Retry-After", retryAfter)
        .header("X-RateLimit-Total", "200").header("X-RateLimit-Remaining", "0"));
  }

  @Override
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 502, 503);
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 403, 404);
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> "{\"description\":\"Validation failed\",\"errors\":[{\"field\":\"email\",\"message\":\"It should be a "
          + "valid email address\",\"code\":\"invalid_value\"},{\"field\":\"priority\",\"message\":\"It should be one of "
          + "these values: '1,2,3,4'\",\"code\":\"invalid_value\"}]}";
      case 401 -> "{\"code\":\"invalid_credentials\",\"message\":\"You have to be logged in to perform this action.\"}";
      case 403 -> "{\"code\":\"access_denied\",\"message\":\"You are not authorized to perform this action.\"}";
      case 404 -> "";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    fake.enqueue(status == 404 ? FakeResponse.status(404) : FakeResponse.json(status, clientErrorBody(status)));
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "Freshdesk answered HTTP 400: Validation failed: email: It should be a valid email address; "
          + "priority: It should be one of these values: '1,2,3,4'";
      case 401 -> "HTTP 401: You have to be logged in to perform this action. (invalid_credentials)";
      case 403 -> "HTTP 403: You are not authorized to perform this action. (access_denied)";
      case 404 -> "HTTP 404: (no body)";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "domain", "maple thread",
        "base-url", "ftp://maple-thread.freshdesk.com",
        "api-key", "key with spaces",
        "status", "open",
        "priority", "5",
        "custom-fields", "sku=cf_sku,eta=cf_eta",
        "category-routing", "paint=team:101",
        "supplier-routing", "Golden Artist Colors=group:x101",
        "staff-requester-email", "backorders at maple-thread");
  }

  // ---- Descriptor and settings ------------------------------------------------------------------

  @Test
  void describesTheFreshdeskType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("freshdesk");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(1, 5));
    assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(
        Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key).containsExactly("domain", "base-url", "api-key",
        "status", "priority", "tags", "custom-fields", "category-routing", "supplier-routing", "staff-requester-email");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("api-key");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::required).extracting(SettingSpec::key)
        .containsExactly("domain", "api-key");
    assertThat(descriptor.settings()).extracting(spec -> spec.format().typeName()).containsExactly(
        "pattern", "url", "secret", "integer", "integer", "list", "map", "map", "map", "email");
  }

  @Test
  void theHelpdeskIsTheDomainUnlessABaseUrlIsGiven() {
    Map<String, String> demo = Map.of("domain", "example-crafts", "api-key", "demo-not-a-real-key");
    assertThat(FreshdeskSettings.from(settings(demo)).ticketsUrl())
        .isEqualTo(URI.create("https://example-crafts.freshdesk.com/api/v2/tickets"));
    assertThat(FreshdeskSettings.from(settings(Map.of("domain", "example-crafts.freshdesk.com", "api-key", "demo-key")))
        .notesUrl("4521")).isEqualTo(URI.create("https://example-crafts.freshdesk.com/api/v2/tickets/4521/notes"));
    FreshdeskSettings defaults = FreshdeskSettings.from(settings(demo));
    assertThat(defaults.status()).isEqualTo(2);
    assertThat(defaults.priority()).isEqualTo(1);
    assertThat(defaults.tags()).containsExactly("backorder");
    assertThat(defaults.customFields()).isEmpty();
    assertThat(defaults.staffRequester()).isEmpty();
  }

  @Test
  void theDemoConfigsPlaceholdersAreAccepted() {
    FreshdeskSettings demo = FreshdeskSettings.from(settings(Map.of(
        "domain", "example-crafts",
        "api-key", "demo-not-a-real-key",
        "custom-fields", "sku=cf_sku; order_name=cf_order; eta_date=cf_expected_on",
        "category-routing", "paint=group:101; brushes=group:102,agent:5501; *=group:100",
        "supplier-routing", "Golden Artist Colors=group:103",
        "staff-requester-email", "backorders@example-crafts.com")));
    assertThat(demo.host()).isEqualTo("example-crafts.freshdesk.com");
    assertThat(demo.routing().assignmentFor("canvas", "")).hasValueSatisfying(
        to -> assertThat(to.groupId()).contains(100L));
    assertThat(demo.routing().assignmentFor("paint", "golden artist colors")).hasValueSatisfying(
        to -> assertThat(to.groupId()).contains(103L));
  }

  @Test
  void theReadmeDocumentsEverySetting() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    for (SettingSpec spec : connector().descriptor().settings()) {
      assertThat(readme).as("README row for %s", spec.key()).contains("| `" + spec.key() + "` |");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "custom-fields    | skew=cf_sku                   | entry 1 does not name a fact",
      "custom-fields    | sku=cf_sku; eta=Expected date  | entry 2 must name a Freshdesk custom field",
      "category-routing | paint=group:101,group:102      | entry 1 names more than one group",
      "category-routing | paint=group:101; brushes=      | entry 2 must assign group:<id>, agent:<id> or both",
      "supplier-routing | Golden=agent:0                 | entry 1 must assign group:<id>, agent:<id> or both"})
  void settingsAFormatCannotJudgeAreRefusedNamingTheKeyAndEntry(String key, String value, String problem) {
    assertThatThrownBy(() -> openSession(with(key, value)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key))
        .hasMessageStartingWith(key + ": ").hasMessageContaining(problem).hasMessageNotContaining(value);
  }

  @Test
  void settingsSessionAndLogsNeverShowTheApiKey() throws Exception {
    FreshdeskSettings parsed = FreshdeskSettings.from(settings(validSettings(platform.url())));
    assertThat(parsed.toString()).doesNotContain(API_KEY).contains("api-key=****", "127.0.0.1", STAFF_EMAIL,
        "2 category and 0 supplier rules");
    assertThat(openSession().toString()).contains("test-instance", "127.0.0.1").doesNotContain(API_KEY);
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(API_KEY));
  }

  // ---- Creating tickets -------------------------------------------------------------------------

  @Test
  void aCustomerWithoutEmailIsTheRequesterByPhoneWithTheNameFreshdeskRequires() throws Exception {
    scriptSuccess(platform);
    Notification n = SampleNotifications.to(sampleNotification(),
        new Recipient("5678901234567", "Maya Okafor", "", "+1 (415) 555-0123", "en-US", "America/Chicago", ""));
    openSession().deliver(n);
    JsonNode ticket = platform.onlyRequest().json();
    assertThat(ticket.has("email")).isFalse();
    assertThat(ticket.get("phone").asText()).isEqualTo("+14155550123");
    assertThat(ticket.get("name").asText()).isEqualTo("Maya Okafor");
  }

  @Test
  void aCustomerFreshdeskCouldNotTakeAsRequesterIsPermanentWithoutARequest() {
    Notification phoneOnly = SampleNotifications.to(sampleNotification(),
        new Recipient("5678901234567", " ", "", "+14155550123", "", "", ""));
    assertThatThrownBy(() -> openSession().deliver(phoneOnly)).isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("freshdesk: the customer has a phone number but no email address or name; Freshdesk needs a name "
            + "with a phone-only requester");
    Notification nobody = SampleNotifications.to(sampleNotification(),
        new Recipient("5678901234567", "Maya Okafor", "", "415-555", "", "", ""));
    assertThatThrownBy(() -> openSession().deliver(nobody)).isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("freshdesk: the customer has neither an email address nor a phone number");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void theDescriptionEscapesWhatTheTextCouldSmuggleIn() throws Exception {
    scriptSuccess(platform);
    String body = "Hi <b>Maya</b> & \"friends\",\r\nit's here.\n\n\n  <script>alert(1)</script>  ";
    openSession().deliver(withMessage(sampleNotification(), new Message("<i>Backorder</i> & more", body)));
    JsonNode ticket = platform.onlyRequest().json();
    assertThat(ticket.get("subject").asText()).isEqualTo("<i>Backorder</i> & more");
    assertThat(ticket.get("description").asText()).isEqualTo(
        "<p>Hi &lt;b&gt;Maya&lt;/b&gt; &amp; &quot;friends&quot;,<br>\nit&#39;s here.</p>\n"
            + "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  }

  @Test
  void aTicketNeedsASubjectAndABody() {
    assertThatThrownBy(() -> openSession().deliver(withMessage(sampleNotification(), new Message(" ", "Body"))))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("no subject")
        .hasMessageContaining("Subject:").hasMessageContaining("STOCK_DEPLETED / CUSTOMER_NOTICE");
    assertThatThrownBy(() -> openSession().deliver(withMessage(sampleNotification(), new Message("Subject", "\n"))))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("the rendered body is empty");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void statusPriorityAndTagsFollowTheSettings() throws Exception {
    Map<String, String> settings = with("status", "3");
    settings.put("priority", "4");
    settings.put("tags", "backorder, web, ACR-TITANIUM-WHITE");
    scriptSuccess(platform);
    openSession(settings).deliver(SampleNotifications.customer(Trigger.SUPPLIER_DELAYED, Purpose.CUSTOMER_NOTICE));
    JsonNode ticket = platform.onlyRequest().json();
    assertThat(ticket.get("status").asInt()).isEqualTo(3);
    assertThat(ticket.get("priority").asInt()).isEqualTo(4);
    assertThat(ticket.get("tags")).extracting(JsonNode::asText)
        .containsExactly("backorder", "web", "ACR-TITANIUM-WHITE", "supplier-delayed");
  }

  @Test
  void customFieldsTakeTheMappedFactsAndLeaveOutEmptyOnes() throws Exception {
    Map<String, String> settings = with("custom-fields", "sku=cf_sku\neta=cf_eta_at\nsupplier=cf_supplier\n"
        + "po_number=cf_po\ntrigger=cf_trigger\npurpose=cf_purpose\nnote=cf_note");
    scriptSuccess(platform);
    openSession(settings).deliver(SampleNotifications.customerNotice());
    assertThat(platform.onlyRequest().json().get("custom_fields")).isEqualTo(json("{\"cf_sku\":\"ACR-TITANIUM-WHITE\","
        + "\"cf_eta_at\":\"2026-04-14T16:00:00Z\",\"cf_trigger\":\"stock-depleted\",\"cf_purpose\":\"customer-notice\"}"));

    scriptSuccess(platform);
    openSession(with("custom-fields", "status=cf_status")).deliver(
        SampleNotifications.withFact(SampleNotifications.withFact(sampleNotification(), "status", ""), "eta", ""));
    assertThat(platform.lastRequest().json().has("custom_fields")).as("no field to fill, no custom_fields").isFalse();
  }

  @Test
  void aStaffTicketMayCarryTheStaffOnlyFacts() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(SampleNotifications.staffAlert());
    JsonNode ticket = platform.onlyRequest().json();
    assertThat(ticket.get("email").asText()).isEqualTo(STAFF_EMAIL);
    assertThat(ticket.has("name")).isFalse();
    assertThat(ticket.get("subject").asText()).isEqualTo("Backorder: ACR-TITANIUM-WHITE");
    assertThat(ticket.at("/custom_fields/cf_reason").asText()).isEqualTo("sold out: 0 on hand after a sale");
    assertThat(ticket.get("group_id").asLong()).isEqualTo(101);
  }

  @Test
  void aStaffNotificationWithoutAStaffRequesterIsPermanentNamingTheSetting() {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.remove("staff-requester-email");
    assertThatThrownBy(() -> openSession(settings).deliver(SampleNotifications.staffAlert()))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("staff-requester-email");
    assertThat(platform.requestCount()).isZero();
  }

  // ---- Routing by product team ------------------------------------------------------------------

  @ParameterizedTest(name = "{0} / {1} → group {3}, agent {4}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "paint    | -                    | -                                  | 101 | -",
      "Brushes  | -                    | -                                  | 102 | 5501",
      "paint    | Golden Artist Colors | golden artist colors=agent:5502    | -   | 5502",
      "paint    | Other Supplier       | golden artist colors=agent:5502    | 101 | -",
      "canvas   | -                    | -                                  | -   | -"})
  void theSkusCategoryAndSupplierChooseTheGroupAndAgent(String category, String supplier, String supplierRules,
      Long group, Long agent) throws Exception {
    Map<String, String> settings = with("category-routing", "paint=group:101\nbrushes = group:102, agent:5501");
    if (supplierRules != null) {
      settings.put("supplier-routing", supplierRules);
    }
    scriptSuccess(platform);
    Notification n = SampleNotifications.withFact(sampleNotification(), "category", category);
    openSession(settings).deliver(SampleNotifications.withFact(n, "supplier", supplier == null ? "" : supplier));
    JsonNode ticket = platform.onlyRequest().json();
    assertThat(ticket.has("group_id") ? ticket.get("group_id").asLong() : null).isEqualTo(group);
    assertThat(ticket.has("responder_id") ? ticket.get("responder_id").asLong() : null).isEqualTo(agent);
  }

  @Test
  void theStarRuleCatchesEveryOtherCategory() throws Exception {
    scriptSuccess(platform);
    openSession(with("category-routing", "paint=group:101; *=group:199,agent:5599"))
        .deliver(SampleNotifications.withFact(sampleNotification(), "category", ""));
    JsonNode ticket = platform.onlyRequest().json();
    assertThat(ticket.get("group_id").asLong()).isEqualTo(199);
    assertThat(ticket.get("responder_id").asLong()).isEqualTo(5599);
  }

  // ---- Follow-ups on the same ticket --------------------------------------------------------------

  @Test
  void theFirstTicketsIdIsItsReference() throws Exception {
    scriptSuccess(platform);
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(new DeliveryReceipt("4521", "4521"));
  }

  @Test
  void aCustomersNewDateIsAPublicNoteOnTheirTicket() throws Exception {
    platform.enqueue(note(9001, 4521));
    Notification n = SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), "4521");
    assertThat(openSession().deliver(n)).isEqualTo(new DeliveryReceipt("4521", "4521"));
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v2/tickets/4521/notes");
    assertThat(request.header("Authorization")).hasValue(BASIC);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    assertThat(request.json()).isEqualTo(json("{\"body\":\"<p><strong>New date for Titanium White Acrylic 120 ml on "
        + "your order #1001</strong></p>\\n<p>Hi Maya,</p>\\n<p>Titanium White Acrylic 120 ml on your order #1001 is "
        + "taking longer than we said. Our new estimate is April 14, 2026.</p>\\n<p>Maple &amp; Thread Crafts</p>\","
        + "\"private\":false}"));
  }

  @Test
  void aStaffFollowUpIsAPrivateNote() throws Exception {
    platform.enqueue(note(9002, 4522));
    openSession().deliver(SampleNotifications.followingUp(
        SampleNotifications.staff(Trigger.SUPPLIER_DELAYED, Purpose.ETA_CORRECTION), " 4522 "));
    JsonNode note = platform.onlyRequest().json();
    assertThat(platform.onlyRequest().path()).isEqualTo("/api/v2/tickets/4522/notes");
    assertThat(note.get("private").asBoolean()).isTrue();
    assertThat(note.get("body").asText()).startsWith("<p><strong>New date for Titanium White Acrylic 120 ml</strong></p>");
  }

  @Test
  void aResolutionResolvesTheTicketThenAddsTheNote() throws Exception {
    platform.enqueue(FakeResponse.json(200, "{\"id\":4521,\"status\":4}"), note(9003, 4521));
    Notification n = SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.MARKED_UNAVAILABLE, Purpose.RESOLUTION), "4521");
    assertThat(openSession().deliver(n)).isEqualTo(new DeliveryReceipt("4521", "4521"));
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).extracting(r -> r.method() + " " + r.path())
        .containsExactly("PUT /api/v2/tickets/4521", "POST /api/v2/tickets/4521/notes");
    assertThat(requests.get(0).header("Authorization")).hasValue(BASIC);
    assertThat(requests.get(0).json()).isEqualTo(json("{\"status\":4}"));
    assertThat(requests.get(1).json().get("private").asBoolean()).isFalse();
    assertThat(requests.get(1).json().get("body").asText()).contains("is back in stock and your order #1001 will ship soon");
  }

  @Test
  void aFailedStatusChangeLeavesTheNoteForTheRetry() {
    platform.enqueue(FakeResponse.status(503));
    Notification n = SampleNotifications.followingUp(
        SampleNotifications.staff(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION), "4521");
    assertThatThrownBy(() -> openSession().deliver(n)).isInstanceOf(RetryableDeliveryException.class);
    assertThat(platform.onlyRequest().method()).isEqualTo("PUT");
  }

  @Test
  void aDeletedTicketIsReplacedByANewOneAndTheReceiptSaysSo() throws Exception {
    platform.enqueue(FakeResponse.status(404), created(4533));
    Notification n = SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), "4521");
    DeliveryReceipt receipt = openSession().deliver(n);
    assertThat(receipt).isEqualTo(new DeliveryReceipt("4533", "4533",
        "ticket 4521 was not found on Freshdesk; opened ticket 4533"));
    assertThat(platform.requests()).extracting(r -> r.method() + " " + r.path())
        .containsExactly("POST /api/v2/tickets/4521/notes", "POST /api/v2/tickets");
    JsonNode ticket = platform.lastRequest().json();
    assertThat(ticket.get("email").asText()).isEqualTo("maya@example.com");
    assertThat(ticket.get("subject").asText()).isEqualTo("New date for Titanium White Acrylic 120 ml on your order #1001");
    assertThat(ticket.get("status").asInt()).isEqualTo(2);
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("4521", "4533"));
  }

  @Test
  void aResolutionOfADeletedTicketOpensItResolved() throws Exception {
    platform.enqueue(FakeResponse.status(404), created(4534));
    Notification n = SampleNotifications.followingUp(
        SampleNotifications.staff(Trigger.STOCK_DEPLETED, Purpose.RESOLUTION), "4521");
    assertThat(openSession().deliver(n).note()).isEqualTo("ticket 4521 was not found on Freshdesk; opened ticket 4534");
    assertThat(platform.requests()).extracting(r -> r.method() + " " + r.path())
        .containsExactly("PUT /api/v2/tickets/4521", "POST /api/v2/tickets");
    assertThat(platform.lastRequest().json().get("status").asInt()).isEqualTo(4);
  }

  @Test
  void aFollowUpWithoutATicketToUpdateOpensOne() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION));
    assertThat(platform.onlyRequest().path()).isEqualTo("/api/v2/tickets");

    scriptSuccess(platform);
    openSession().deliver(SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), "C0BACKORD:1772443800.000100"));
    assertThat(platform.lastRequest().path()).isEqualTo("/api/v2/tickets");
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("not a Freshdesk ticket id"));
  }

  @Test
  void aNewNoticeAlwaysOpensItsOwnTicket() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(SampleNotifications.followingUp(sampleNotification(), "4521"));
    assertThat(platform.onlyRequest().path()).isEqualTo("/api/v2/tickets");
  }

  // ---- Freshdesk's answers ----------------------------------------------------------------------

  @Test
  void aRateLimitedNoteIsRetryableAfterRetryAfterAndSaysTheLimit() {
    platform.enqueue(FakeResponse.status(429).header("Retry-After", "38")
        .header("X-RateLimit-Total", "200").header("X-RateLimit-Remaining", "0"));
    Notification n = SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), "4521");
    assertThatThrownBy(() -> openSession().deliver(n))
        .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(38));
          assertThat(e.getMessage()).isEqualTo(
              "Freshdesk answered HTTP 429: too many requests (account limit 200 calls per window, 0 left)");
        });
  }

  @Test
  void noCallsLeftInTheWindowIsLogged() throws Exception {
    platform.enqueue(created(4521).header("X-RateLimit-Total", "200").header("X-RateLimit-Remaining", "0"));
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line)
        .contains("no API calls left for this account (200 per window)"));
  }

  @Test
  void aServerErrorOnTheNoteIsRetryable() {
    platform.enqueue(FakeResponse.json(502, "{\"message\":\"Bad gateway\"}"));
    Notification n = SampleNotifications.followingUp(
        SampleNotifications.staff(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), "4521");
    assertThatThrownBy(() -> openSession().deliver(n)).isInstanceOf(RetryableDeliveryException.class)
        .hasMessage("Freshdesk answered HTTP 502: Bad gateway");
  }

  @Test
  void aRefusedNoteIsPermanentWithFreshdesksWords() {
    platform.enqueue(FakeResponse.json(400, "{\"description\":\"Validation failed\",\"errors\":[{\"field\":\"body\","
        + "\"message\":\"It should be a/an String\",\"code\":\"datatype_mismatch\"}]}"));
    Notification n = SampleNotifications.followingUp(
        SampleNotifications.staff(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), "4521");
    assertThatThrownBy(() -> openSession().deliver(n)).isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("Freshdesk answered HTTP 400: Validation failed: body: It should be a/an String");
  }

  @Test
  void createdWithoutATicketIdIsPermanentSoNoSecondTicketIsOpened() {
    platform.enqueue(FakeResponse.json(201, "{\"subject\":\"x\"}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP 201 without the ticket id");
  }

  @Test
  void errorTextsReadBothOfFreshdesksShapes() {
    assertThat(FreshdeskAnswers.errorText("{\"description\":\"Validation failed\",\"errors\":[{\"field\":\"cf_sku\","
        + "\"message\":\"Unexpected/invalid field in request\",\"code\":\"invalid_field\"},{\"message\":\"\"}]}"))
        .hasValue("Validation failed: cf_sku: Unexpected/invalid field in request");
    assertThat(FreshdeskAnswers.errorText("{\"code\":\"require_feature\",\"message\":\"The Custom Ticket Status "
        + "feature(s) is/are not supported in your plan.\"}"))
        .hasValue("The Custom Ticket Status feature(s) is/are not supported in your plan. (require_feature)");
    assertThat(FreshdeskAnswers.errorText("{\"description\":\"Account suspended\"}")).hasValue("Account suspended");
    assertThat(FreshdeskAnswers.errorText("<html>502</html>")).isEmpty();
    assertThat(FreshdeskAnswers.errorText("[]")).isEmpty();
  }

  // ---- Helpers ----------------------------------------------------------------------------------

  private static FakeResponse created(long ticketId) {
    return FakeResponse.json(201, "{\"id\":" + ticketId + ",\"subject\":\"Backorder\",\"status\":2,\"priority\":1,"
        + "\"requester_id\":77001,\"tags\":[\"backorder\"]}");
  }

  private static FakeResponse note(long noteId, long ticketId) {
    return FakeResponse.json(201, "{\"id\":" + noteId + ",\"ticket_id\":" + ticketId + ",\"private\":false,"
        + "\"incoming\":false}");
  }

  private static Notification withMessage(Notification n, Message message) {
    return new Notification(n.deliveryId(), n.trigger(), n.purpose(), n.audience(), n.recipient(), message, n.facts(),
        Optional.empty());
  }

  private static JsonNode json(String text) {
    return PlatformJson.get().read(text).orElseThrow();
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
