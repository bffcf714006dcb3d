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
import com.backordergateway.rendering.DefaultTemplates;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

  // ---- Shipped templates ---------------------------------------------------------------------------

  /**
   * What {@code {{#order_id}}…{{/order_id}}} guards rely on: mustache.java skips a section for an
   * empty string and opens it for any other string, even "0", "false" or a space.
   */
  @Test
  void anEmptyStringIsFalseInASectionAndAnyOtherStringIsTrue() {
    Templates probe = Templates.of(List.of(TemplateSource.of("probe", Map.of("customer-notice.mustache",
        "{{store_name}}: [{{#order_id}}order {{order_id}}{{/order_id}}{{^order_id}}no order{{/order_id}}]"))));
    TemplateFacts sample = TemplateFacts.sample("stock-depleted", "customer-notice");
    assertThat(probe.render(sample).orElseThrow().body()).isEqualTo("Maple & Thread Crafts: [order ORD-5001]");
    assertThat(probe.render(recipientCopy(sample, Locale.US, "Maya Okafor", "")).orElseThrow().body())
        .isEqualTo("Maple & Thread Crafts: [no order]");
    for (String truthy : List.of("0", "false", " ")) {
      assertThat(probe.render(recipientCopy(sample, Locale.US, "Maya Okafor", truthy)).orElseThrow().body())
          .as("order id '%s'", truthy).isEqualTo("Maple & Thread Crafts: [order " + truthy + "]");
    }
  }

  /**
   * French, Spanish, and the French again as fr-CA: a locale's own files come before its
   * language's in every layer, so without fr-CA files Canadians would get the gateway's built-in
   * fr-CA wording (an email, not an SMS) instead of this plugin's French. The copies must not drift.
   */
  @Test
  void everyEnglishTemplateShipsInFrenchAndSpanishWithTheSameVariablesAndSections() throws IOException {
    List<String> english = List.of("stock-depleted/customer-notice", "marked-unavailable/customer-notice",
        "supplier-delayed/customer-notice", "platform-backorder/customer-notice", "eta-correction",
        "supplier-delayed/eta-correction", "resolution", "supplier-delayed/resolution");
    List<String> expected = english.stream()
        .flatMap(name -> Stream.of(name + ".mustache", name + ".fr.mustache", name + ".fr-CA.mustache",
            name + ".es.mustache")).toList();
    assertThat(TemplateSource.folder(TEMPLATES).paths()).containsExactlyInAnyOrderElementsOf(expected);
    for (String name : english) {
      List<String> tags = tags(TEMPLATES.resolve(name + ".mustache"));
      assertThat(tags).as(name).isNotEmpty().doesNotContain("{{reason}}");
      for (String language : List.of("fr", "es")) {
        assertThat(tags(TEMPLATES.resolve(name + "." + language + ".mustache"))).as("%s in %s", name, language)
            .containsExactlyInAnyOrderElementsOf(tags);
      }
      assertThat(Files.readString(TEMPLATES.resolve(name + ".fr-CA.mustache"))).as("%s in fr-CA is the French", name)
          .isEqualTo(Files.readString(TEMPLATES.resolve(name + ".fr.mustache")));
    }
  }

  /**
   * As the host layers them: operator overrides, then this plugin, then the gateway's built-in
   * wording, which has root-level fr-CA files (a stand-in here, whatever rendering jar is built
   * against). A Canadian still gets this plugin's French SMS for every trigger.
   */
  @Test
  void overTheBuiltInWordingFrenchCanadiansGetThisPluginsFrench() {
    Map<String, String> builtInFrCa = new HashMap<>();
    for (String name : TemplateNames.CUSTOMER_NAMES) {
      builtInFrCa.put(name + ".fr-CA.mustache", "Subject: Courriel\n\nBonjour, texte du gateway.");
    }
    Templates layered = Templates.of(List.of(TemplateSource.folder(TEMPLATES),
        TemplateSource.of("built-in-fr-CA", builtInFrCa), DefaultTemplates.source()));
    Templates pluginOnly = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String purpose : TemplateNames.CUSTOMER_NAMES) {
        TemplateFacts canadian = recipientCopy(TemplateFacts.sample(trigger, purpose), Locale.CANADA_FRENCH,
            "Émilie Tremblay", "ORD-5001");
        assertThat(layered.choose(canadian).orElseThrow().file()).as("%s/%s", trigger, purpose)
            .startsWith(TEMPLATES.toString()).endsWith(".fr-CA.mustache");
        assertThat(layered.render(canadian)).as("%s/%s", trigger, purpose)
            .isEqualTo(pluginOnly.render(recipientCopy(canadian, Locale.FRENCH, "Émilie Tremblay", "ORD-5001")));
      }
    }
  }

  /**
   * Every template, for every trigger and language, with everything known and with facts missing
   * (no date, a cancellation without a message, no order number, neither): the right language, no
   * blank left by a missing fact, and the SMS encoding the language allows within its segments.
   */
  @Test
  void everyRenderingReadsRightInItsLanguageAndStaysWithinItsSegments() {
    Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));
    for (String language : List.of("en", "fr", "es")) {
      for (String trigger : TemplateNames.TRIGGERS) {
        for (String purpose : TemplateNames.CUSTOMER_NAMES) {
          assertThat(templates.sourceOf(trigger, purpose, LOCALES.get(language))).as("%s/%s", trigger, purpose)
              .hasValueSatisfying(file -> assertThat(file).endsWith(language.equals("en") ? "/" + purpose + ".mustache"
                  : "/" + purpose + "." + language + ".mustache"));
          for (TemplateFacts facts : samplesIn(language, trigger, purpose)) {
            String what = language + " " + trigger + "/" + purpose + (facts.orderId().isEmpty() ? " no order" : "")
                + (facts.eta() == null ? " no date" : "") + " " + facts.resolution();
            RenderedMessage sms = templates.render(facts).orElseThrow();
            String body = sms.body();
            assertThat(sms.subject()).as("SMS have no subject: %s", what).isEmpty();
            assertThat(body).as(what).startsWith("Maple & Thread Crafts: ")
                .doesNotContain("{{", "}}", "  ", " .", " ,", " :.", "order .", "order !", "commande .", "pedido .");
            assertThat(body).as(what).contains(PHRASES.get(language));
            if (!language.equals("en")) {
              assertThat(body).as("%s has no English left", what).doesNotContain(" your ", "Sorry", "order", "Thanks");
            }
            if (facts.orderId().isEmpty()) {
              assertThat(body).as(what).doesNotContain("ORD-");
            } else {
              assertThat(body).as(what).contains(facts.orderId());
            }
            boolean datePrinted = facts.eta() != null && !purpose.equals("resolution");
            if (datePrinted) {
              assertThat(body).as(what).contains(DATES.get(language));
            } else {
              assertThat(body).as(what).doesNotContain("2026");
            }
            assertFitsItsSegments(language, what, body);
          }
        }
      }
    }
  }

  @Test
  void frenchCanadiansGetTheFrenchTextAndOtherSpanishSpeakersTheSpanishOne() {
    Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));
    TemplateFacts sample = TemplateFacts.sample("stock-depleted", "customer-notice");
    assertThat(templates.sourceOf("stock-depleted", "customer-notice", Locale.CANADA_FRENCH))
        .hasValue(TEMPLATES + "/stock-depleted/customer-notice.fr-CA.mustache");
    assertThat(templates.sourceOf("stock-depleted", "customer-notice", Locale.forLanguageTag("fr-BE")))
        .hasValue(TEMPLATES + "/stock-depleted/customer-notice.fr.mustache");
    assertThat(templates.render(recipientCopy(sample, Locale.CANADA_FRENCH, "Émilie Tremblay", "ORD-5001"))
        .orElseThrow().body()).isEqualTo("Maple & Thread Crafts: Désolés, Titanium White Acrylic 120 ml est en "
            + "rupture de stock ; le reste de votre commande ORD-5001 n'est pas bloqué. Nous l'attendons d'ici le 14 "
            + "avril 2026 et vous l'enverrons dès réception. Pour l'annuler ou le remplacer sans attendre, "
            + "contactez-nous.");
    assertThat(templates.sourceOf("supplier-delayed", "eta-correction", Locale.forLanguageTag("es-MX")))
        .hasValue(TEMPLATES + "/supplier-delayed/eta-correction.es.mustache");
    assertThat(templates.render(recipientCopy(TemplateFacts.sample("supplier-delayed", "eta-correction"),
        Locale.forLanguageTag("es-MX"), "Lucía Fernández", "ORD-5001")).orElseThrow().body()).isEqualTo(
            "Maple & Thread Crafts: Lo sentimos, nuestro proveedor ha aplazado la entrega de Titanium White Acrylic "
                + "120 ml de tu pedido ORD-5001. Ahora lo esperamos para el 14 de abril de 2026. Para cancelarlo o "
                + "cambiarlo sin esperar, contáctanos.");
  }

  @Test
  void datesFollowTheTemplatesLanguageSoACustomerWithoutATranslationGetsAnEnglishDate() {
    Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));
    String body = templates.render(recipientCopy(TemplateFacts.sample("marked-unavailable", "eta-correction"),
        Locale.GERMANY, "Jonas Becker", "ORD-5001")).orElseThrow().body();
    assertThat(body).contains("Our new estimate is April 14, 2026.").doesNotContain("14. April");
  }

  @Test
  void withoutAnOrderNumberTheEnglishTextStillNamesTheOrder() {
    Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));
    TemplateFacts noOrder = recipientCopy(TemplateFacts.sample("stock-depleted", "customer-notice"), Locale.US,
        "Maya Okafor", "");
    assertThat(templates.render(noOrder).orElseThrow().body()).startsWith(
        "Maple & Thread Crafts: Sorry, Titanium White Acrylic 120 ml on your order sold out before we could ship it.");
    assertThat(templates.render(recipientCopy(TemplateFacts.sample("platform-backorder", "customer-notice"), Locale.US,
        "Maya Okafor", "")).orElseThrow().body()).startsWith(
            "Maple & Thread Crafts: Thanks for your order! Titanium White Acrylic 120 ml was on backorder");
    assertThat(templates.render(recipientCopy(cancelled("supplier-delayed", "resolution"), Locale.US, "", ""))
        .orElseThrow().body()).isEqualTo("Maple & Thread Crafts: Sorry, our supplier can't deliver Titanium White "
            + "Acrylic 120 ml after all, so we've removed it from your order. You won't be charged for it. Thanks for "
            + "your patience.");
  }

  /**
   * The month is written by the JDK in the template's language, and French "août" has a û, which
   * GSM-7 lacks: a French text with an August date goes out in UCS-2. Pinned here so the README's
   * warning is kept true, and so a change in how dates are written shows.
   */
  @Test
  void aFrenchAugustDateIsTheOneThingThatTakesFrenchOutOfGsm() {
    Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));
    for (int month = 1; month <= 12; month++) {
      String body = templates.render(recipientCopy(TemplateFacts.sample("marked-unavailable", "eta-correction"),
          Locale.FRENCH, "Élodie Marchand", "ORD-5001")).orElseThrow().body()
          .replace("14 avril 2026", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
              .format(LocalDate.of(2026, month, 14)));
      assertThat(SmsEncoding.nonGsmCharacters(body)).as("month %d", month).isEqualTo(month == 8 ? "û" : "");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "stock-depleted|customer-notice|stock-depleted/customer-notice.mustache|Maple & Thread Crafts: Sorry, Titanium White "
          + "Acrylic 120 ml on your order ORD-5001 sold out before we could ship it. We expect more by April 14, 2026 and "
          + "will send it then. The rest of your order isn't held up. Rather not wait? Contact us to cancel the item or "
          + "pick an alternative.",
      "marked-unavailable|customer-notice|marked-unavailable/customer-notice.mustache|Maple & Thread Crafts: Sorry, "
          + "Titanium White Acrylic 120 ml on your order ORD-5001 is unavailable right now, so we can't ship it yet. We "
          + "expect it back by April 14, 2026. The rest of your order isn't held up. Rather not wait? Contact us to "
          + "cancel the item or pick an alternative.",
      "supplier-delayed|customer-notice|supplier-delayed/customer-notice.mustache|Maple & Thread Crafts: Sorry, "
          + "Titanium White Acrylic 120 ml on your order ORD-5001 is delayed at our supplier. It should reach us by "
          + "April 14, 2026 and we'll ship it straight away. The rest of your order isn't held up. Rather not wait? "
          + "Contact us to cancel the item or pick an alternative.",
      "platform-backorder|customer-notice|platform-backorder/customer-notice.mustache|Maple & Thread Crafts: Thanks "
          + "for your order ORD-5001! Titanium White Acrylic 120 ml was on backorder when you ordered it. We expect it "
          + "by April 14, 2026 and will ship it as soon as it arrives. The rest of your order isn't held up. Rather not "
          + "wait? Contact us to cancel the item or pick an alternative.",
      "marked-unavailable|eta-correction|eta-correction.mustache|Maple & Thread Crafts: Sorry, Titanium White Acrylic "
          + "120 ml on your order ORD-5001 is taking longer than we said. Our new estimate is April 14, 2026. Rather "
          + "not wait? Contact us to cancel the item or pick an alternative.",
      "supplier-delayed|eta-correction|supplier-delayed/eta-correction.mustache|Maple & Thread Crafts: Sorry, our "
          + "supplier has pushed back Titanium White Acrylic 120 ml on your order ORD-5001. It should now reach us by "
          + "April 14, 2026. Rather not wait? Contact us to cancel the item or pick an alternative.",
      "stock-depleted|resolution|resolution.mustache|Maple & Thread Crafts: Good news! Titanium White Acrylic 120 ml "
          + "is back in stock and your order ORD-5001 will ship soon. Back on the shelf today. Thanks for your patience.",
      "supplier-delayed|resolution|supplier-delayed/resolution.mustache|Maple & Thread Crafts: Good news! Titanium "
          + "White Acrylic 120 ml has arrived from our supplier and your order ORD-5001 will ship soon. Back on the "
          + "shelf today. Thanks for your patience."})
  void eachShippedTemplateRendersTheSample(String trigger, String purpose, String file, String expected) {
    Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));
    assertThat(templates.sourceOf(trigger, purpose, Locale.US)).hasValue(TEMPLATES + "/" + file);
    assertThat(templates.render(TemplateFacts.sample(trigger, purpose)).orElseThrow())
        .isEqualTo(new RenderedMessage("", expected));
  }

  @Test
  void withoutAnEtaTheTextPromisesToWriteAgainAndACancellationApologises() {
    Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));
    assertThat(templates.render(withoutEta("stock-depleted", "customer-notice")).orElseThrow().body()).isEqualTo(
        "Maple & Thread Crafts: Sorry, Titanium White Acrylic 120 ml on your order ORD-5001 sold out before we could "
            + "ship it. We'll text you once we have a restock date. The rest of your order isn't held up. Rather not "
            + "wait? Contact us to cancel the item or pick an alternative.");
    assertThat(templates.render(withoutEta("platform-backorder", "eta-correction")).orElseThrow().body()).contains(
        "We don't have a new date yet and will text you when we do.");
    assertThat(templates.render(cancelled("marked-unavailable", "resolution")).orElseThrow().body()).isEqualTo(
        "Maple & Thread Crafts: Sorry, Titanium White Acrylic 120 ml won't be coming back, so we've removed it from "
            + "your order ORD-5001. You won't be charged for it. Thanks for your patience.");
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

  private static final Map<String, Locale> LOCALES =
      Map.of("en", Locale.US, "fr", Locale.FRENCH, "es", Locale.forLanguageTag("es"));
  private static final Map<String, String> CUSTOMERS =
      Map.of("en", "Maya Okafor", "fr", "Élodie Marchand", "es", "Lucía Fernández");
  /** A phrase every text in the language has. */
  private static final Map<String, String> PHRASES =
      Map.of("en", "your order", "fr", "votre commande", "es", "tu pedido");
  /** The sample's date as the template's language writes it. */
  private static final Map<String, String> DATES =
      Map.of("en", "April 14, 2026", "fr", "14 avril 2026", "es", "14 de abril de 2026");

  /** The sample, and the same without a date, cancelled, without an order number, and with neither. */
  private static List<TemplateFacts> samplesIn(String language, String trigger, String purpose) {
    Locale locale = LOCALES.get(language);
    String customer = CUSTOMERS.get(language);
    List<TemplateFacts> samples = new ArrayList<>();
    for (TemplateFacts facts : List.of(TemplateFacts.sample(trigger, purpose), withoutEta(trigger, purpose),
        cancelled(trigger, purpose))) {
      samples.add(recipientCopy(facts, locale, customer, facts.orderId()));
      samples.add(recipientCopy(facts, locale, "", ""));
    }
    return samples;
  }

  /** English and French in GSM-7 within two segments; Spanish too, or in UCS-2 within four. */
  private static void assertFitsItsSegments(String language, String what, String body) {
    if (language.equals("es") && !SmsEncoding.isGsm7(body)) {
      assertThat(SmsEncoding.ucs2Units(body)).as("UCS-2 characters, at most 4 segments of 67: %s", what)
          .isLessThanOrEqualTo(4 * SmsEncoding.UCS2_SEGMENT);
      assertThat(SmsEncoding.segments(body)).as(what).isLessThanOrEqualTo(4);
      return;
    }
    assertThat(SmsEncoding.nonGsmCharacters(body)).as("characters outside GSM-7: %s", what).isEmpty();
    assertThat(SmsEncoding.gsmUnits(body)).as("GSM-7 units, at most 2 segments of 153: %s", what)
        .isLessThanOrEqualTo(2 * SmsEncoding.GSM_SEGMENT);
    assertThat(SmsEncoding.segments(body)).as(what).isLessThanOrEqualTo(2);
  }

  /** The Mustache tags of a template, e.g. {{#has_eta}}, {{eta}}, {{/has_eta}}. */
  private static List<String> tags(Path file) throws IOException {
    return Pattern.compile("\\{\\{[^}]*}}").matcher(Files.readString(file)).results()
        .map(MatchResult::group).toList();
  }

  private static TemplateFacts withoutEta(String trigger, String purpose) {
    TemplateFacts s = TemplateFacts.sample(trigger, purpose);
    return new TemplateFacts(s.storeName(), trigger, purpose, s.sku(), s.product(), s.orderId(), s.customerName(),
        s.customerEmail(), s.customerPhone(), null, s.zone(), s.locale(), s.caseId(), s.reason(), s.supplier(),
        s.poNumber(), s.resolution(), s.message());
  }

  private static TemplateFacts cancelled(String trigger, String purpose) {
    TemplateFacts s = TemplateFacts.sample(trigger, purpose);
    return new TemplateFacts(s.storeName(), trigger, purpose, s.sku(), s.product(), s.orderId(), s.customerName(),
        s.customerEmail(), s.customerPhone(), s.eta(), s.zone(), s.locale(), s.caseId(), s.reason(), s.supplier(),
        s.poNumber(), purpose.equals("resolution") ? "cancelled" : "", "");
  }

  /**
   * The same facts for another recipient: another locale, customer name and order id ("" for an
   * unknown order). The one place new test code builds TemplateFacts field by field, so it is the
   * one place to adapt when the record gains fields.
   */
  private static TemplateFacts recipientCopy(TemplateFacts f, Locale locale, String customerName, String orderId) {
    return new TemplateFacts(f.storeName(), f.trigger(), f.purpose(), f.sku(), f.product(), orderId, customerName,
        f.customerEmail(), f.customerPhone(), f.eta(), f.zone(), locale, f.caseId(), f.reason(), f.supplier(),
        f.poNumber(), f.resolution(), f.message());
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    settings.put(key, value);
    return settings;
  }
}
