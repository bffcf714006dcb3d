package com.backordergateway.plugins.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioConnectorTest extends ConnectorContractTest {

  private static final String ACCOUNT_SID = "AC3f1e2d4c5b6a79880123456789abcdef";
  private static final String AUTH_TOKEN = "9b8e7d6c5f4a3b2c1d0e9f8a7b6c5d4e";
  private static final String FROM = "+14155550100";
  private static final String SERVICE_SID = "MG0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  private static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
  private static final String SID = "SM8f3c2a1b0d9e8f7a6b5c4d3e2f1a0b9c";
  private static final String SMS_BODY = "Maple & Thread Crafts: Sorry, Titanium White Acrylic 120 ml on your order ORD-5001 "
      + "sold out before we could ship it. We expect more by April 14, 2026 and will send it then.";

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  // ---- The contract's inputs --------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new TwilioConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "base-url", platformUrl.toString(),
        "account-sid", ACCOUNT_SID,
        "auth-token", AUTH_TOKEN,
        "from", FROM);
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("auth-token", AUTH_TOKEN);
  }

  @Override
  protected Notification sampleNotification() {
    return customerNotice("+14155550123", SMS_BODY);
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(FakeResponse.json(201, messageResource(SID)));
  }

  @Override
  protected String expectedExternalId() {
    return SID;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(MESSAGES_PATH);
    assertThat(request.query()).isEmpty();
    assertThat(request.header("Authorization")).contains("Basic " + Base64.getEncoder()
        .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("Content-Type")).contains("application/x-www-form-urlencoded");
    assertThat(request.header("Accept")).contains("application/json");
    assertThat(request.form().keySet()).containsExactly("To", "From", "Body");
    assertThat(request.formValue("To")).contains("+14155550123");
    assertThat(request.formValue("From")).contains(FROM);
    assertThat(request.formValue("Body")).contains(SMS_BODY);
  }

  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.json(429, twilioError(20429, "Too Many Requests", 429)).header("Retry-After", retryAfter));
  }

  @Override
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 502, 503, 504);
  }

  @Override
  protected void scriptServerError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.json(status, twilioError(20500, "Internal Server Error", status)));
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> twilioError(21211, "The 'To' number +14155550123 is not a valid phone number.", 400);
      case 401 -> "{\"code\":20003,\"detail\":\"Your AccountSid or AuthToken was incorrect.\",\"message\":\"Authenticate\","
          + "\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}";
      case 404 -> twilioError(20404, "The requested resource " + MESSAGES_PATH + " was not found", 404);
      default -> throw new IllegalArgumentException("no error body for " + status);
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "error 21211: The 'To' number +14155550123 is not a valid phone number. "
          + "https://www.twilio.com/docs/errors/21211";
      case 401 -> "error 20003: Authenticate (Your AccountSid or AuthToken was incorrect.)";
      case 404 -> "error 20404: The requested resource " + MESSAGES_PATH + " was not found";
      default -> throw new IllegalArgumentException("no error text for " + status);
    };
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "base-url", "ftp://api.twilio.com",
        "account-sid", "AC-not-an-account-sid",
        "auth-token", "token with spaces in it",
        "from", "555-CALL-NOW",
        "messaging-service-sid", "MG12345");
  }

  // ---- Descriptor and settings ------------------------------------------------------------------

  @Test
  void describesTheTwilioType() {
    ConnectorDescriptor descriptor = connector().descriptor();
    assertThat(descriptor.type()).isEqualTo("twilio");
    assertThat(descriptor.defaultRateLimit()).isEqualTo(new RateLimit(1, 1));
    assertThat(descriptor.capabilities()).containsExactly(Capability.CUSTOMER_AUDIENCE);
    assertThat(descriptor.settings()).extracting(SettingSpec::key)
        .containsExactly("base-url", "account-sid", "auth-token", "from", "messaging-service-sid");
    assertThat(descriptor.setting("base-url")).hasValueSatisfying(s -> assertThat(s.defaultValue())
        .isEqualTo("https://api.twilio.com"));
    assertThat(descriptor.setting("auth-token")).hasValueSatisfying(s -> assertThat(s.secret()).isTrue());
    assertThat(descriptor.settings()).filteredOn(SettingSpec::secret).extracting(SettingSpec::key)
        .containsExactly("auth-token");
  }

  @Test
  void withoutFromOrMessagingServiceTheInstanceIsRefused() {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.remove("from");
    assertThatThrownBy(() -> openSession(settings))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("from");
          assertThat(e.getMessage()).contains("messaging-service-sid");
        });
  }

  @Test
  void fromAndMessagingServiceTogetherAreRefused() {
    assertThatThrownBy(() -> openSession(with("messaging-service-sid", SERVICE_SID)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
          assertThat(e.key()).isEqualTo("messaging-service-sid");
          assertThat(e.getMessage()).contains("not both");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"+442071838750", "+14155550100", "24365", "MapleThread", "Maple Craft"})
  void fromMayBeANumberShortCodeOrAlphanumericSender(String from) throws Exception {
    scriptSuccess(platform);
    openSession(with("from", from)).deliver(sampleNotification());
    assertThat(platform.onlyRequest().formValue("From")).contains(from);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4155550100", "+04155550100", "+1415555010012345", "MapleThreadCrafts", "12", "Maple-Thread"})
  void fromThatTwilioCannotSendFromIsRefused(String from) {
    assertThatThrownBy(() -> openSession(with("from", from)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("from"));
  }

  @Test
  void settingsAndSessionPrintWithoutTheAuthToken() {
    TwilioSettings parsed = TwilioSettings.from(settings(validSettings(platform.url())));
    assertThat(parsed.toString()).doesNotContain(AUTH_TOKEN).contains("auth-token=****", ACCOUNT_SID, FROM);
    assertThat(openSession().toString()).contains("test-instance", "127.0.0.1", FROM).doesNotContain(AUTH_TOKEN);
  }

  @Test
  void theDemoConfigsPlaceholdersAreAccepted() {
    TwilioSettings demo = TwilioSettings.from(settings(Map.of("account-sid", "AC00000000000000000000000000000000",
        "auth-token", "demo-not-a-real-token", "from", "+15005550006")));
    assertThat(demo.messagesUrl()).isEqualTo(URI.create(
        "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json"));
  }

  // ---- What Twilio gets ---------------------------------------------------------------------------

  @Test
  void messagingServiceSidIsSentInsteadOfFrom() throws Exception {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.remove("from");
    settings.put("messaging-service-sid", SERVICE_SID);
    scriptSuccess(platform);
    openSession(settings).deliver(sampleNotification());
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.form().keySet()).containsExactly("To", "MessagingServiceSid", "Body");
    assertThat(request.formValue("MessagingServiceSid")).contains(SERVICE_SID);
  }

  @Test
  void baseUrlWithATrailingSlashOrAPathPrefixIsHonoured() throws Exception {
    scriptSuccess(platform);
    openSession(with("base-url", platform.url() + "/twilio-proxy/")).deliver(sampleNotification());
    assertThat(platform.onlyRequest().path()).isEqualTo("/twilio-proxy" + MESSAGES_PATH);
  }

  @Test
  void onlyTheBodyIsSentAndNonAsciiTextArrivesIntact() throws Exception {
    scriptSuccess(platform);
    String body = "Crème & Café: 50% off — your order #ORD-7 ships “soon” 🎨\nSee you!";
    Notification n = new Notification("dlv-utf8", Trigger.STOCK_DEPLETED, Purpose.CUSTOMER_NOTICE, Audience.CUSTOMER,
        recipient("+33612345678"), new Message("A subject SMS cannot carry", "  " + body + "\n"), Map.of(), Optional.empty());
    openSession().deliver(n);
    RecordedRequest request = platform.onlyRequest();
    assertThat(request.formValue("Body")).contains(body);
    assertThat(request.bodyText()).doesNotContain("subject", "SMS+cannot");
    assertThat(request.formValue("To")).contains("+33612345678");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "+1 (415) 555-0123|+14155550123",
      "+44 20 7183 8750|+442071838750",
      "+49.30.1234567|+49301234567",
      "' +61 2 9876 5432 '|+61298765432"})
  void phoneNumbersWrittenWithSeparatorsAreSentInE164(String written, String e164) throws Exception {
    scriptSuccess(platform);
    openSession().deliver(customerNotice(written, SMS_BODY));
    assertThat(platform.onlyRequest().formValue("To")).contains(e164);
  }

  @Test
  void aCustomerWithoutAPhoneNumberIsAPermanentErrorAndNoRequest() {
    assertThatThrownBy(() -> openSession().deliver(customerNotice("", SMS_BODY)))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("no phone number")
        .hasMessageContaining("E.164");
    assertThat(platform.requestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"415-555-0123", "0044 20 7183 8750", "+0 415 555 0123", "+1415555012345678", "call me", "+1 415 CALL"})
  void aPhoneNumberThatIsNotE164IsAPermanentErrorNamingTheProblem(String phone) {
    assertThatThrownBy(() -> openSession().deliver(customerNotice(phone, SMS_BODY)))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("not in E.164 form")
        .hasMessageContaining("country code");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void aBodyOverTwiliosLimitIsRefusedNotCut() {
    String tooLong = "x".repeat(1601);
    assertThatThrownBy(() -> openSession().deliver(customerNotice("+14155550123", tooLong)))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("1601 characters")
        .hasMessageContaining("limit of 1600")
        .hasMessageContaining("STOCK_DEPLETED / CUSTOMER_NOTICE");
    assertThat(platform.requestCount()).isZero();
  }

  @Test
  void aBodyOfExactlyTheLimitIsSent() throws Exception {
    scriptSuccess(platform);
    String longest = "y".repeat(1600);
    openSession().deliver(customerNotice("+14155550123", longest));
    assertThat(platform.onlyRequest().formValue("Body")).contains(longest);
  }

  @Test
  void emojiCountDoubleTowardsTheLimit() {
    String body = "🎨".repeat(800) + "!";
    assertThatThrownBy(() -> openSession().deliver(customerNotice("+14155550123", body)))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("1601 characters");
  }

  @Test
  void anEmptyBodyIsAPermanentError() {
    assertThatThrownBy(() -> openSession().deliver(customerNotice("+14155550123", " \n ")))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("body is empty");
    assertThat(platform.requestCount()).isZero();
  }


  // ---- Twilio's answers -----------------------------------------------------------------------------

  @Test
  void theReceiptCarriesTheSidAndNoReferenceBecauseAnSmsCannotBeEdited() throws Exception {
    platform.enqueue(FakeResponse.json(201, messageResource("MM1234567890abcdef1234567890abcdef")));
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt).isEqualTo(new DeliveryReceipt("MM1234567890abcdef1234567890abcdef", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{}", "{\"sid\":null}", "{\"sid\":\"\"}", "<html>ok</html>"})
  void successWithoutASidIsPermanentSoTheMessageIsNotSentTwice(String body) {
    platform.enqueue(FakeResponse.status(201).body(body));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP 201 without a message sid");
  }

  @Test
  void rateLimitWithoutRetryAfterIsRetryableWithTwiliosCode() {
    platform.enqueue(FakeResponse.json(429, twilioError(20429, "Too Many Requests", 429)));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOfSatisfying(RetryableDeliveryException.class, e -> {
          assertThat(e.retryAfter()).isEmpty();
          assertThat(e.getMessage()).contains("HTTP 429", "error 20429: Too Many Requests");
        });
  }

  @Test
  void serverErrorsCarryTwiliosCode() {
    platform.enqueue(FakeResponse.json(503, twilioError(20503, "Service Unavailable", 503)));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(RetryableDeliveryException.class)
        .hasMessageContaining("HTTP 503: error 20503: Service Unavailable");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "21610|Attempt to send to unsubscribed recipient",
      "21408|Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +2345678",
      "21614|'To' number is not a valid mobile number",
      "21617|The concatenated message body exceeds the 1600 character limit"})
  void twiliosRecipientAndContentErrorsArePermanentWithCodeAndMessage(int code, String message) {
    platform.enqueue(FakeResponse.json(400, twilioError(code, message, 400)));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP 400: error " + code + ": " + message)
        .hasMessageContaining("https://www.twilio.com/docs/errors/" + code);
  }

  @Test
  void anErrorThatIsNotTwiliosJsonKeepsItsText() {
    platform.enqueue(FakeResponse.status(403).header("Content-Type", "text/html").body("<h1>Forbidden by proxy</h1>"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP 403: <h1>Forbidden by proxy</h1>");
  }


  @Test
  void logsTheHostAndSenderButNeitherTokenNorPhone() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("127.0.0.1", ACCOUNT_SID, FROM));
    assertThat(context.loggedLines()).noneSatisfy(line -> assertThat(line).contains("+14155550123"));
  }

  // ---- Helpers --------------------------------------------------------------------------------------

  private static Notification customerNotice(String phone, String body) {
    return new Notification(
        "dlv-sms-1",
        Trigger.STOCK_DEPLETED,
        Purpose.CUSTOMER_NOTICE,
        Audience.CUSTOMER,
        recipient(phone),
        new Message("", body),
        Map.of("sku", "ACR-TITANIUM-WHITE", "order_id", "ORD-5001", "eta", "2026-04-14T16:00:00Z", "status", "backordered"),
        Optional.empty());
  }

  private static Recipient recipient(String phone) {
    return new Recipient("ORD-5001", "Maya Okafor", "maya@example.com", phone, "en-US", "America/Chicago", "cus-88");
  }

  private static String messageResource(String sid) {
    return "{\"account_sid\":\"" + ACCOUNT_SID + "\",\"api_version\":\"2010-04-01\",\"body\":\"...\","
        + "\"date_created\":\"Mon, 02 Mar 2026 09:30:00 +0000\",\"direction\":\"outbound-api\",\"error_code\":null,"
        + "\"error_message\":null,\"from\":\"" + FROM + "\",\"messaging_service_sid\":null,\"num_media\":\"0\","
        + "\"num_segments\":\"2\",\"price\":null,\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"+14155550123\","
        + "\"uri\":\"/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json\"}";
  }

  private static String twilioError(int code, String message, int status) {
    return "{\"code\":" + code + ",\"message\":\"" + message.replace("\"", "\\\"") + "\",\"more_info\":"
        + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}";
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
