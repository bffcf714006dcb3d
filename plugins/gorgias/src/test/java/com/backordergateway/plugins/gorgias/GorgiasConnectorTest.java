package com.backordergateway.plugins.gorgias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryReceipt;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Gorgias connector against a fake Gorgias that checks every request as the REST API would:
 * the ticket looked up by external id, then opened with a customer, tags and the required
 * opening message; the customer's email as an outgoing message Gorgias sends; follow-ups and
 * closing on the same ticket; a deleted ticket replaced; and retries that never open a second
 * ticket or send an email twice.
 */
class GorgiasConnectorTest extends ConnectorContractTest {

  private static final String API_KEY = "gorgias-4f9c2e7a1b8d6053e2a9c4b7";
  private static final String EMAIL = "ops@maple-thread.example";
  private static final String SUPPORT = "support@maple-thread.example";
  private static final String BASIC = "Basic "
      + Base64.getEncoder().encodeToString((EMAIL + ":" + API_KEY).getBytes(StandardCharsets.UTF_8));
  private static final String CUSTOMER_TICKET = "backorder:case_01JSAMPLE:5678901234567";
  private static final String NOTICE_ID = "dlv_sample_stock_depleted_customer_notice_customer";

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new GorgiasConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "base-url", platformUrl.toString(),
        "domain", "maple-thread",
        "email", EMAIL,
        "api-key", API_KEY,
        "support-email", SUPPORT,
        "from-name", "Maple & Thread Support");
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("api-key", API_KEY);
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  /** No ticket yet for the case and order; Gorgias opens 4533; the email is queued. */
  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(tickets(), created(4533), created(9101));
  }

  @Override
  protected String expectedExternalId() {
    return "4533";
  }

  /** All three requests of a first notice, each as Gorgias would check it. */
  @Override
  protected void assertDeliveryRequest(RecordedRequest last) {
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).hasSize(3);
    assertLookup(requests.get(0), CUSTOMER_TICKET);
    assertCustomerTicket(requests.get(1));
    assertCustomerEmail(requests.get(2), "/api/tickets/4533/messages", NOTICE_ID);
    assertThat(last).isSameAs(requests.get(2));
  }

  /** The failures of the contract hit the ticket's creation: the lookup found nothing. */
  @Override
  protected void scriptPreamble(FakePlatform fake) {
    fake.enqueue(tickets());
  }

  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.json(429, "{\"error\":{\"msg\":\"Too many requests\"}}")
        .header("Retry-After", retryAfter).header("X-Gorgias-Account-Api-Call-Limit", "40/40"));
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
      case 400 -> "{\"error\":{\"msg\":\"Failed to create ticket\",\"data\":{\"customer\":{\"email\":"
          + "[\"Not a valid email address.\"]}}}}";
      case 401 -> "{\"error\":{\"msg\":\"Unauthorized\"}}";
      case 403 -> "{\"error\":{\"msg\":\"You don't have the permission to create tickets.\"}}";
      case 404 -> "{\"error\":{\"msg\":\"Not Found\"}}";
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "Gorgias answered HTTP 400: Failed to create ticket (customer.email: Not a valid email address.)";
      case 401 -> "Gorgias answered HTTP 401: Unauthorized";
      case 403 -> "Gorgias answered HTTP 403: You don't have the permission to create tickets.";
      case 404 -> "Gorgias answered HTTP 404: Not Found";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "domain", "maple-thread.gorgias.com",
        "base-url", "ftp://maple-thread.gorgias.com",
        "email", "ops at maple-thread",
        "support-email", "helpdesk@",
        "from-name", "Maple <Support>",
        "proactive-email", "yes",
        "close-on-resolution", "sometimes");
  }

  // ---- Descriptor and settings ------------------------------------------------------------------

  @Test
  void describesTheGorgiasType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("gorgias");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(0.4, 1));
    assertThat(descriptor.capabilities()).containsExactlyInAnyOrder(
        Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key).containsExactly("domain", "base-url", "email",
        "api-key", "support-email", "from-name", "proactive-email", "close-on-resolution");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("api-key");
    assertThat(descriptor.settings()).filteredOn(SettingSpec::required).extracting(SettingSpec::key)
        .containsExactly("domain", "email", "api-key", "support-email");
    assertThat(descriptor.setting("proactive-email")).hasValueSatisfying(s -> assertThat(s.defaultValue()).isEqualTo("true"));
    assertThat(descriptor.setting("close-on-resolution"))
        .hasValueSatisfying(s -> assertThat(s.defaultValue()).isEqualTo("true"));
  }

  @Test
  void theDefaultRateNeverLetsFourRequestDeliveriesPassFortyRequestsInTwentySeconds() {
    RateLimit rate = GorgiasConnector.DEFAULT_RATE_LIMIT;
    double deliveriesIn20s = rate.burst() + rate.permitsPerSecond() * 20;
    assertThat(deliveriesIn20s * 4).isLessThanOrEqualTo(40);
  }

  @Test
  void theDemoPlaceholdersAreAcceptedAndTheHostFollowsTheDomain() {
    GorgiasSettings demo = GorgiasSettings.from(settings(Map.of("domain", "example-crafts",
        "email", "ops@example-crafts.com", "api-key", "demo-not-a-real-key", "support-email", "support@example-crafts.com")));
    assertThat(demo.api("/tickets")).isEqualTo(URI.create("https://example-crafts.gorgias.com/api/tickets"));
    assertThat(demo.proactiveEmail()).isTrue();
    assertThat(demo.closeOnResolution()).isTrue();
    assertThat(demo.fromName()).isEmpty();
  }

  @Test
  void settingsAndSessionPrintWithoutTheKeyOrTheBasicCredential() throws Exception {
    GorgiasSettings parsed = GorgiasSettings.from(settings(validSettings(platform.url())));
    assertThat(parsed.authorization()).isEqualTo(BASIC);
    assertThat(parsed.toString()).contains("api-key=****", EMAIL, SUPPORT).doesNotContain(API_KEY, BASIC.substring(6));
    ConnectorSession session = openSession();
    assertThat(session.toString()).contains("test-instance", "127.0.0.1", EMAIL).doesNotContain(API_KEY);

    scriptSuccess(platform);
    session.deliver(sampleNotification());
    assertThat(context.loggedLines()).isNotEmpty().noneMatch(line -> line.contains(BASIC.substring(6)));
  }

  // ---- A first notice ---------------------------------------------------------------------------

  @Test
  void theTicketOpensWithTheBriefForAgentsAndTheCustomerIsEmailedFromIt() throws Exception {
    scriptSuccess(platform);
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt).isEqualTo(new DeliveryReceipt("4533", "4533"));

    JsonNode opening = platform.requests().get(1).json().at("/messages/0");
    assertThat(opening.get("body_text").asText()).isEqualTo("""
        Backorder, stock depleted: Titanium White Acrylic 120 ml (SKU ACR-TITANIUM-WHITE).
        Order: #1001
        Customer: Maya Okafor <maya@example.com>
        Expected: 2026-04-14
        Case: case_01JSAMPLE

        Backorder Gateway emails the customer from this ticket; their replies arrive here.""");
    assertThat(opening.get("body_html").asText()).startsWith("<p>Backorder, stock depleted: Titanium White Acrylic 120 "
        + "ml (SKU ACR-TITANIUM-WHITE).<br>\nOrder: #1001<br>\nCustomer: Maya Okafor &lt;maya@example.com&gt;<br>");
    assertThat(opening.toString()).as("an incoming message the customer could be shown holds no staff-only fact")
        .doesNotContain("sold out: 0 on hand");

    JsonNode email = platform.lastRequest().json();
    assertThat(email.get("body_text").asText()).isEqualTo(sampleNotification().message().body());
    assertThat(email.get("body_html").asText()).isEqualTo("<p>Hi Maya,</p>\n<p>Thank you for your order #1001. "
        + "Titanium White Acrylic 120 ml is on backorder right now and we expect it back by April 14, 2026.</p>\n"
        + "<p>Maple &amp; Thread Crafts</p>");
  }

  @Test
  void withoutProactiveEmailTheTicketCarriesASuggestedReplyAndNothingIsSent() throws Exception {
    platform.enqueue(tickets(), created(4533));
    DeliveryReceipt receipt = openSession(with("proactive-email", "false")).deliver(sampleNotification());
    assertThat(receipt).isEqualTo(new DeliveryReceipt("4533", "4533"));
    assertThat(platform.requests()).extracting(RecordedRequest::method).containsExactly("GET", "POST");

    JsonNode opening = platform.lastRequest().json().at("/messages/0");
    assertThat(opening.get("channel").asText()).isEqualTo("api");
    assertThat(opening.get("external_id").asText()).as("the opening is this delivery's message").isEqualTo(NOTICE_ID);
    assertThat(opening.get("body_text").asText())
        .contains("Customer: Maya Okafor <maya@example.com>\n")
        .endsWith("\n\nThe customer has not been emailed (proactive-email is off). Suggested reply:\n\n"
            + sampleNotification().message().body());
  }

  @Test
  void aCustomerWithoutANameIsSentWithoutOne() throws Exception {
    scriptSuccess(platform);
    Recipient anonymous = new Recipient("5678901234567", " ", "maya@example.com", "", "", "", "");
    openSession().deliver(SampleNotifications.to(sampleNotification(), anonymous));
    assertThat(platform.requests().get(1).json().get("customer").fieldNames()).toIterable().containsExactly("email");
    JsonNode email = platform.lastRequest().json();
    assertThat(email.at("/source/to/0").fieldNames()).toIterable().containsExactly("address");
    assertThat(platform.requests().get(1).json().at("/messages/0/body_text").asText()).contains("Customer: maya@example.com\n");
  }

  @Test
  void theSenderNameFallsBackToTheStoresName() throws Exception {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.remove("from-name");
    scriptSuccess(platform);
    openSession(settings).deliver(sampleNotification());
    assertThat(platform.lastRequest().json().at("/source/from/name").asText()).isEqualTo("Maple & Thread Crafts");
  }

  @Test
  void aCustomerWithoutAnEmailAddressIsRefusedWithoutARequest() {
    Notification noEmail = SampleNotifications.to(sampleNotification(),
        new Recipient("5678901234567", "Maya Okafor", " ", "+14155550123", "", "", ""));
    assertThatThrownBy(() -> openSession().deliver(noEmail))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("the customer has no email address");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void anEmptyRenderedMessageIsRefusedWithoutARequest() {
    Notification empty = new Notification("dlv-empty", Trigger.STOCK_DEPLETED, Purpose.CUSTOMER_NOTICE,
        Notification.Audience.CUSTOMER, SampleNotifications.CUSTOMER, new Message("Subject", " \n"),
        SampleNotifications.facts(Trigger.STOCK_DEPLETED, Purpose.CUSTOMER_NOTICE), java.util.Optional.empty());
    assertThatThrownBy(() -> openSession().deliver(empty))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("rendered message is empty").hasMessageContaining("STOCK_DEPLETED / CUSTOMER_NOTICE");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void aTicketAnsweredWithoutAnIdIsRetriedAndTheRetryFindsIt() {
    platform.enqueue(tickets(), FakeResponse.json(201, "{}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(RetryableDeliveryException.class).hasMessage("Gorgias answered HTTP 201 without a ticket id");
  }

  @Test
  void aRefusedEmailSaysTheTicketIsOpen() {
    platform.enqueue(tickets(), created(4533), FakeResponse.json(400,
        "{\"error\":{\"msg\":\"Invalid message\",\"data\":{\"source\":{\"from\":{\"address\":"
            + "[\"No email integration with this address.\"]}}}}}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("ticket 4533 is open on Gorgias, but Gorgias answered HTTP 400: Invalid message "
            + "(source.from.address: No email integration with this address.)");
  }

  @Test
  void aReferenceThatIsNotAGorgiasTicketOpensATicket() throws Exception {
    scriptSuccess(platform);
    Notification odd = SampleNotifications.followingUp(
        SampleNotifications.customer(Trigger.STOCK_DEPLETED, Purpose.ETA_CORRECTION), "C0BACKORD:1712345678.000100");
    assertThat(openSession().deliver(odd).externalId()).isEqualTo("4533");
    assertThat(platform.requests().get(0).path()).isEqualTo("/api/tickets");
    assertThat(context.loggedLines()).anyMatch(line -> line.contains("not a Gorgias ticket id"));
  }

  // ---- Retries never open a second ticket or send twice ---------------------------------------

  @Test
  void aRetryAfterTheEmailFailedFindsTheTicketAndDoesNotOpenASecondOne() throws Exception {
    ConnectorSession session = openSession();
    platform.enqueue(tickets(), created(4533), FakeResponse.json(503, "{\"error\":{\"msg\":\"Service Unavailable\"}}"));
    assertThatThrownBy(() -> session.deliver(sampleNotification())).isInstanceOf(RetryableDeliveryException.class);

    platform.enqueue(tickets(4533), messages("dlv_other_delivery"), created(9102));
    assertThat(session.deliver(sampleNotification())).isEqualTo(new DeliveryReceipt("4533", "4533"));

    assertThat(requests("POST", "/api/tickets")).as("one ticket for the case and order").hasSize(1);
    assertThat(requests("POST", "/api/tickets/4533/messages")).hasSize(2);
    assertLookup(platform.requests().get(3), CUSTOMER_TICKET);
    RecordedRequest check = platform.requests().get(4);
    assertThat(check.path()).isEqualTo("/api/messages");
    assertThat(check.queryParameter("ticket_id")).hasValue("4533");
    assertCustomerEmail(platform.lastRequest(), "/api/tickets/4533/messages", NOTICE_ID);
  }

  @Test
  void aRetryAfterTheEmailWentOutDoesNotSendItAgain() throws Exception {
    platform.enqueue(tickets(4533), messages("dlv_other_delivery", NOTICE_ID));
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(new DeliveryReceipt("4533", "4533"));
    assertThat(platform.requests()).extracting(RecordedRequest::method).containsExactly("GET", "GET");
  }

  @Test
  void aRetryAfterTheCloseFailedDoesNotRepeatTheMessage() throws Exception {
    ConnectorSession session = openSession();
    Notification resolution = followUp(Purpose.RESOLUTION);
    platform.enqueue(messages(), created(9103), FakeResponse.status(502));
    assertThatThrownBy(() -> session.deliver(resolution)).isInstanceOf(RetryableDeliveryException.class);

    platform.enqueue(messages(resolution.deliveryId()), FakeResponse.json(200, "{\"id\":4521,\"status\":\"closed\"}"));
    assertThat(session.deliver(resolution)).isEqualTo(new DeliveryReceipt("4521", "4521"));
    assertThat(requests("POST", "/api/tickets/4521/messages")).hasSize(1);
    assertThat(requests("PUT", "/api/tickets/4521")).hasSize(2);
  }

  // ---- Follow-ups on the same ticket ----------------------------------------------------------

  @Test
  void anEtaCorrectionIsEmailedOnTheSameTicket() throws Exception {
    Notification correction = followUp(Purpose.ETA_CORRECTION);
    platform.enqueue(messages("dlv_earlier"), created(9104));
    assertThat(openSession().deliver(correction)).isEqualTo(new DeliveryReceipt("4521", "4521"));
    assertThat(platform.requests()).hasSize(2);
    RecordedRequest check = platform.requests().get(0);
    assertThat(check.method()).isEqualTo("GET");
    assertThat(check.header("Authorization")).hasValue(BASIC);
    assertThat(check.queryParameter("ticket_id")).hasValue("4521");
    assertCustomerEmail(platform.lastRequest(), "/api/tickets/4521/messages", correction.deliveryId());
    assertThat(platform.lastRequest().json().get("subject").asText())
        .isEqualTo("New date for Titanium White Acrylic 120 ml on your order #1001");
  }

  @Test
  void withoutProactiveEmailAFollowUpIsAnInternalNote() throws Exception {
    Notification correction = followUp(Purpose.ETA_CORRECTION);
    platform.enqueue(messages(), created(9105));
    openSession(with("proactive-email", "false")).deliver(correction);
    JsonNode note = platform.lastRequest().json();
    assertThat(note.get("channel").asText()).isEqualTo("internal-note");
    assertThat(note.get("from_agent").asBoolean()).isTrue();
    assertThat(note.at("/sender/email").asText()).isEqualTo(EMAIL);
    assertThat(note.has("receiver")).isFalse();
    assertThat(note.has("source")).isFalse();
    assertThat(note.get("external_id").asText()).isEqualTo(correction.deliveryId());
    assertThat(note.get("body_text").asText()).startsWith("The customer has not been emailed (proactive-email is off). "
        + "Suggested reply:\n\nHi Maya,");
  }

  @Test
  void aResolutionIsEmailedAndClosesTheTicket() throws Exception {
    Notification resolution = followUp(Purpose.RESOLUTION);
    platform.enqueue(messages(), created(9106), FakeResponse.json(200, "{\"id\":4521,\"status\":\"closed\"}"));
    assertThat(openSession().deliver(resolution)).isEqualTo(new DeliveryReceipt("4521", "4521"));
    assertCustomerEmail(platform.requests().get(1), "/api/tickets/4521/messages", resolution.deliveryId());
    RecordedRequest close = platform.lastRequest();
    assertThat(close.method()).isEqualTo("PUT");
    assertThat(close.path()).isEqualTo("/api/tickets/4521");
    assertThat(close.header("Authorization")).hasValue(BASIC);
    assertThat(close.header("Content-Type")).hasValue("application/json");
    assertThat(close.json().toString()).isEqualTo("{\"status\":\"closed\"}");
  }

  @Test
  void aResolutionLeavesTheTicketOpenWhenConfiguredTo() throws Exception {
    platform.enqueue(messages(), created(9107));
    openSession(with("close-on-resolution", "false")).deliver(followUp(Purpose.RESOLUTION));
    assertThat(platform.requests()).extracting(RecordedRequest::method).containsExactly("GET", "POST");
  }

  @Test
  void aDeletedTicketIsReplacedAndTheReceiptSaysSo() throws Exception {
    Notification correction = followUp(Purpose.ETA_CORRECTION);
    platform.enqueue(messages(), FakeResponse.json(404, "{\"error\":{\"msg\":\"Not Found\"}}"),
        tickets(), created(4533), created(9108));
    DeliveryReceipt receipt = openSession().deliver(correction);
    assertThat(receipt).isEqualTo(new DeliveryReceipt("4533", "4533",
        "ticket 4521 was not found on Gorgias; opened ticket 4533"));
    assertThat(platform.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
        "GET /api/messages", "POST /api/tickets/4521/messages", "GET /api/tickets", "POST /api/tickets",
        "POST /api/tickets/4533/messages");
    assertCustomerEmail(platform.lastRequest(), "/api/tickets/4533/messages", correction.deliveryId());
    assertThat(context.loggedLines()).anyMatch(line -> line.contains("ticket 4521 was not found on Gorgias"));
  }

  @Test
  void aDeletedTicketFoundWhileCheckingItsMessagesIsReplacedToo() throws Exception {
    platform.enqueue(FakeResponse.json(404, "{\"error\":{\"msg\":\"Not Found\"}}"), tickets(4521), created(4534),
        created(9109));
    DeliveryReceipt receipt = openSession().deliver(followUp(Purpose.ETA_CORRECTION));
    assertThat(receipt.externalId()).as("the deleted ticket, if still listed, is not reused").isEqualTo("4534");
    assertThat(receipt.note()).isEqualTo("ticket 4521 was not found on Gorgias; opened ticket 4534");
  }

  // ---- Staff ------------------------------------------------------------------------------------

  @Test
  void aStaffAlertIsAnInternalNoteOnATicketForTheCase() throws Exception {
    Notification alert = SampleNotifications.staffAlert();
    platform.enqueue(tickets(), created(4540));
    assertThat(openSession().deliver(alert)).isEqualTo(new DeliveryReceipt("4540", "4540"));
    assertThat(platform.requests()).hasSize(2);
    assertLookup(platform.requests().get(0), "backorder:case_01JSAMPLE:staff");

    JsonNode ticket = platform.lastRequest().json();
    assertThat(ticket.fieldNames()).toIterable()
        .containsExactly("external_id", "channel", "via", "from_agent", "subject", "tags", "messages");
    assertThat(ticket.get("channel").asText()).isEqualTo("internal-note");
    assertThat(ticket.get("from_agent").asBoolean()).isTrue();
    assertThat(ticket.get("subject").asText()).isEqualTo("Backorder: ACR-TITANIUM-WHITE");
    JsonNode note = ticket.at("/messages/0");
    assertThat(note.get("channel").asText()).isEqualTo("internal-note");
    assertThat(note.get("via").asText()).isEqualTo("api");
    assertThat(note.at("/sender/email").asText()).isEqualTo(EMAIL);
    assertThat(note.get("external_id").asText()).isEqualTo(alert.deliveryId());
    assertThat(note.get("body_text").asText()).isEqualTo(alert.message().body())
        .as("staff read the staff-only reason").contains("sold out: 0 on hand after a sale");
  }

  @Test
  void aStaffFollowUpIsAnInternalNoteOnTheCasesTicket() throws Exception {
    Notification update = SampleNotifications.followingUp(
        SampleNotifications.staff(Trigger.SUPPLIER_DELAYED, Purpose.ETA_CORRECTION), "4540");
    platform.enqueue(messages(), created(9110));
    assertThat(openSession().deliver(update)).isEqualTo(new DeliveryReceipt("4540", "4540"));
    JsonNode note = platform.lastRequest().json();
    assertThat(platform.lastRequest().path()).isEqualTo("/api/tickets/4540/messages");
    assertThat(note.get("channel").asText()).isEqualTo("internal-note");
    assertThat(note.get("body_text").asText()).isEqualTo(update.message().body());
  }

  // ---- Gorgias's limits and errors --------------------------------------------------------------

  @Test
  void aRateLimitWaitsForRetryAfterAndSaysTheCallCount() {
    platform.enqueue(FakeResponse.json(429, "{\"error\":{\"msg\":\"Too many requests\"}}")
        .header("Retry-after", "3").header("X-Gorgias-Account-Api-Call-Limit", "40/40"));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(thrown).hasMessage("Gorgias answered HTTP 429: Too many requests (40/40 API calls in the current window)");
  }

  @Test
  void nearTheCallLimitIsLogged() throws Exception {
    platform.enqueue(tickets().header("X-Gorgias-Account-Api-Call-Limit", "12/40"),
        created(4533).header("X-Gorgias-Account-Api-Call-Limit", "37/40"), created(9111));
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).filteredOn(line -> line.contains("call limit")).singleElement()
        .satisfies(line -> assertThat(line).contains("37/40"));
  }

  @Test
  void everyValidationProblemIsReportedWithItsField() {
    platform.enqueue(tickets(), FakeResponse.json(400, "{\"error\":{\"msg\":\"Failed to create ticket\",\"data\":"
        + "{\"messages\":{\"0\":{\"sender\":[\"Field may not be null.\"],\"channel\":[\"Not a valid choice.\"]}},"
        + "\"tags\":[{\"name\":[\"Longer than maximum length 64.\"]}]}}}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("Gorgias answered HTTP 400: Failed to create ticket (messages.0.sender: Field may not be null.; "
            + "messages.0.channel: Not a valid choice.; tags.name: Longer than maximum length 64.)");
  }

  @Test
  void anErrorThatIsNotGorgiasJsonKeepsItsText() {
    platform.enqueue(FakeResponse.status(502).header("Content-Type", "text/html").body("<html>Bad gateway</html>"));
    assertThat(deliverExpecting(RetryableDeliveryException.class)).hasMessage("Gorgias answered HTTP 502: <html>Bad gateway</html>");
  }

  // ---- What Gorgias gets ------------------------------------------------------------------------

  private void assertLookup(RecordedRequest lookup, String externalId) {
    assertThat(lookup.method()).isEqualTo("GET");
    assertThat(lookup.path()).isEqualTo("/api/tickets");
    assertThat(lookup.header("Authorization")).hasValue(BASIC);
    assertThat(lookup.header("Accept")).hasValue("application/json");
    assertThat(lookup.queryParameters()).isEqualTo(Map.of("external_id", List.of(externalId),
        "trashed", List.of("false"), "limit", List.of("1")));
    assertThat(lookup.body()).isEmpty();
  }

  private void assertCustomerTicket(RecordedRequest create) {
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.path()).isEqualTo("/api/tickets");
    assertThat(create.header("Authorization")).hasValue(BASIC);
    assertThat(create.header("Content-Type")).hasValue("application/json");
    JsonNode ticket = create.json();
    assertThat(ticket.fieldNames()).toIterable()
        .containsExactly("external_id", "channel", "via", "from_agent", "subject", "customer", "tags", "messages");
    assertThat(ticket.get("external_id").asText()).isEqualTo(CUSTOMER_TICKET);
    assertThat(ticket.get("channel").asText()).isEqualTo("api");
    assertThat(ticket.get("via").asText()).isEqualTo("api");
    assertThat(ticket.get("from_agent").asBoolean()).isFalse();
    assertThat(ticket.get("subject").asText()).isEqualTo("Your order #1001: Titanium White Acrylic 120 ml is on backorder");
    assertThat(ticket.get("customer").toString()).isEqualTo("{\"email\":\"maya@example.com\",\"name\":\"Maya Okafor\"}");
    assertThat(ticket.get("tags").toString())
        .isEqualTo("[{\"name\":\"backorder\"},{\"name\":\"stock-depleted\"},{\"name\":\"ACR-TITANIUM-WHITE\"}]");
    assertThat(ticket.get("messages")).as("Gorgias requires at least one message").hasSize(1);
    JsonNode opening = ticket.at("/messages/0");
    assertThat(opening.fieldNames()).toIterable()
        .containsExactly("channel", "via", "from_agent", "subject", "body_text", "body_html", "sender");
    assertThat(opening.get("channel").asText()).isEqualTo("api");
    assertThat(opening.get("via").asText()).isEqualTo("api");
    assertThat(opening.get("from_agent").asBoolean()).isFalse();
    assertThat(opening.at("/sender/email").asText()).as("an incoming message is the customer's").isEqualTo("maya@example.com");
    assertThat(opening.get("subject").asText()).isEqualTo(ticket.get("subject").asText());
    assertThat(opening.get("body_text").asText()).startsWith("Backorder, stock depleted: ");
    assertThat(opening.get("body_html").asText()).startsWith("<p>Backorder, stock depleted: ");
  }

  private void assertCustomerEmail(RecordedRequest request, String path, String deliveryId) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(path);
    assertThat(request.header("Authorization")).hasValue(BASIC);
    assertThat(request.header("Content-Type")).hasValue("application/json");
    JsonNode email = request.json();
    assertThat(email.fieldNames()).toIterable().containsExactly("channel", "via", "from_agent", "subject", "body_text",
        "body_html", "external_id", "sender", "receiver", "source");
    assertThat(email.has("sent_datetime")).as("unset, so Gorgias sends the email").isFalse();
    assertThat(email.get("channel").asText()).isEqualTo("email");
    assertThat(email.get("via").asText()).isEqualTo("api");
    assertThat(email.get("from_agent").asBoolean()).isTrue();
    assertThat(email.get("external_id").asText()).isEqualTo(deliveryId);
    assertThat(email.get("sender").toString()).isEqualTo("{\"email\":\"" + EMAIL + "\"}");
    assertThat(email.get("receiver").toString()).isEqualTo("{\"email\":\"maya@example.com\"}");
    assertThat(email.get("source").toString()).isEqualTo("{\"type\":\"email\","
        + "\"from\":{\"name\":\"Maple & Thread Support\",\"address\":\"" + SUPPORT + "\"},"
        + "\"to\":[{\"name\":\"Maya Okafor\",\"address\":\"maya@example.com\"}]}");
    assertThat(email.get("subject").asText()).isNotBlank();
    assertThat(email.get("body_text").asText()).startsWith("Hi Maya,");
    assertThat(email.get("body_html").asText()).startsWith("<p>Hi Maya,</p>");
  }

  // ---- Helpers ----------------------------------------------------------------------------------

  private static Notification followUp(Purpose purpose) {
    return SampleNotifications.followingUp(SampleNotifications.customer(Trigger.STOCK_DEPLETED, purpose), "4521");
  }

  /** {@code GET /api/tickets}: a list of these ticket ids. */
  private static FakeResponse tickets(long... ids) {
    StringBuilder data = new StringBuilder();
    for (long id : ids) {
      data.append(data.isEmpty() ? "" : ",").append("{\"id\":").append(id).append(",\"external_id\":\"")
          .append(CUSTOMER_TICKET).append("\",\"status\":\"open\"}");
    }
    return FakeResponse.json(200, "{\"object\":\"list\",\"uri\":\"/api/tickets\",\"data\":[" + data
        + "],\"meta\":{\"prev_cursor\":null,\"next_cursor\":null}}");
  }

  /** {@code GET /api/messages}: messages carrying these external ids (and one without). */
  private static FakeResponse messages(String... externalIds) {
    StringBuilder data = new StringBuilder("{\"id\":9000,\"external_id\":null,\"channel\":\"api\"}");
    int id = 9001;
    for (String externalId : externalIds) {
      data.append(",{\"id\":").append(id++).append(",\"external_id\":\"").append(externalId)
          .append("\",\"channel\":\"email\"}");
    }
    return FakeResponse.json(200, "{\"object\":\"list\",\"uri\":\"/api/messages\",\"data\":[" + data
        + "],\"meta\":{\"next_cursor\":null}}");
  }

  private static FakeResponse created(long id) {
    return FakeResponse.json(201, "{\"id\":" + id + ",\"uri\":\"/api/x/" + id + "\"}");
  }

  private List<RecordedRequest> requests(String method, String path) {
    return platform.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
