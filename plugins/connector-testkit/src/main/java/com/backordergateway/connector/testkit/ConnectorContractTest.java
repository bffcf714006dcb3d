package com.backordergateway.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every connector owes the host, checked against a {@link FakePlatform}. A connector's test
 * extends this class, says how its platform answers (the abstract methods) and inherits the
 * checks:
 *
 * <ol>
 *   <li>each required setting, when missing, is refused with {@link InvalidSettingsException}
 *       naming that key, by the declared specs and by {@code open} itself;
 *   <li>secret values appear nowhere: not in {@link ConnectorSettings#toString()}, the session's
 *       or receipt's {@code toString()}, any exception message or cause, or any logged line;
 *   <li>success gives a receipt carrying the platform's id, after a request the platform would
 *       accept;
 *   <li>429 with {@code Retry-After: 7} (seconds or an HTTP date) is retryable after 7 s;
 *   <li>500 and 503, an answer slower than the timeout, a dropped connection and a refused
 *       connection are retryable;
 *   <li>other 4xx (400, 401, 404) are permanent, with the platform's error text in the message.
 * </ol>
 *
 * <p>Platforms that signal success, limits or errors their own way adapt the contract through
 * the {@code script...} hooks and the expected values, rather than skipping it: Slack answers
 * {@code 200 {"ok":false}}, Mandrill sends client errors as HTTP 500, Teams' legacy webhooks put
 * "HTTP error 429" in a 200 body, a connector that first fetches an OAuth token scripts that in
 * {@link #scriptPreamble}.
 */
public abstract class ConnectorContractTest {

  /** The platform the connector under test talks to; fresh for every test. */
  protected FakePlatform platform;

  /** The context every session in this test is opened with; fresh for every test. */
  protected TestConnectorContext context;

  private final List<ConnectorSession> sessions = new ArrayList<>();

  // ---- What each connector's test supplies ------------------------------------------------

  /** A new instance of the connector under test, as the host creates it. */
  protected abstract Connector connector();

  /** Settings that work against the fake, with its URL in the connector's URL setting. */
  protected abstract Map<String, String> validSettings(URI platformUrl);

  /**
   * The secret settings and the values {@link #validSettings} uses (8 characters or more). A
   * secret URL (a Slack or Teams webhook) may be built from {@link #platform}'s URL here too.
   */
  protected abstract Map<String, String> secretSettings();

  /** A notification to deliver. */
  protected abstract Notification sampleNotification();

  /** Scripts the platform's answer(s) to a successful delivery of the sample. */
  protected abstract void scriptSuccess(FakePlatform fake);

  /** The external id the receipt must carry after {@link #scriptSuccess}. */
  protected abstract String expectedExternalId();

  /** Checks the delivery request as the platform would (path, auth, body fields). */
  protected abstract void assertDeliveryRequest(RecordedRequest request);

  /** The platform's real error body for a 4xx status from {@link #clientErrorStatuses()}. */
  protected abstract String clientErrorBody(int status);

  /** What of that error the permanent exception's message must carry (the platform's words). */
  protected abstract String clientErrorText(int status);

  // ---- Hooks for platforms that signal things their own way --------------------------------

  /** The context for each test; by default with a 1 s request timeout. */
  protected TestConnectorContext newContext() {
    return TestConnectorContext.builder().requestTimeout(Duration.ofSeconds(1)).build();
  }

  /** Answers the platform gives before the delivery call in each failure case (a token, say). */
  protected void scriptPreamble(FakePlatform fake) {}

  /** Scripts a rate limit announcing {@code retryAfter} (delta-seconds or an HTTP date). */
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.json(429, "{\"error\":\"rate limited\"}").header("Retry-After", retryAfter));
  }

  /** The wait the exception must carry when the platform announced {@code announced}. */
  protected Optional<Duration> expectedRetryAfter(Duration announced) {
    return Optional.of(announced);
  }

  /** Server errors that must be retryable. */
  protected List<Integer> serverErrorStatuses() {
    return List.of(500, 503);
  }

  /** Scripts a server error with this status. */
  protected void scriptServerError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.status(status).header("Content-Type", "text/plain").body("upstream failure"));
  }

  /** Client errors that must be permanent. */
  protected List<Integer> clientErrorStatuses() {
    return List.of(400, 401, 404);
  }

  /** Scripts the platform's answer for this client error. */
  protected void scriptClientError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.json(status, clientErrorBody(status)));
  }

  /** Malformed values (by key) that {@code open} must refuse, naming the key but not the value. */
  protected Map<String, String> malformedSettings() {
    return Map.of();
  }

  // ---- Helpers for subclasses ---------------------------------------------------------------

  /** Settings as the host builds them: the connector's defaults applied, keys checked. */
  protected ConnectorSettings settings(Map<String, String> configured) {
    return ConnectorSettings.of(configured, connector().descriptor().settings());
  }

  /** Opens a session on {@link #validSettings} against the fake; closed after the test. */
  protected ConnectorSession openSession() {
    return openSession(validSettings(platform.url()));
  }

  /** Opens a session on these settings; closed after the test. */
  protected ConnectorSession openSession(Map<String, String> configured) {
    ConnectorSession session = connector().open(settings(configured), context);
    sessions.add(session);
    return session;
  }

  /** Fails the test if a secret value occurs in {@code text}. */
  protected void assertNoSecretIn(String where, String text) {
    for (Map.Entry<String, String> secret : secretSettings().entrySet()) {
      assertThat(text).as("%s must not contain the value of secret setting %s", where, secret.getKey())
          .doesNotContain(secret.getValue());
    }
  }

  /** Fails the test if a secret value occurs in the exception's message or any cause's. */
  protected void assertNoSecretIn(Throwable thrown) {
    for (Throwable t : CapturingLogger.chainOf(thrown)) {
      assertNoSecretIn("exception " + t.getClass().getSimpleName(), String.valueOf(t));
    }
  }

  // ---- The contract --------------------------------------------------------------------------

  @BeforeEach
  final void startFakePlatform() {
    platform = FakePlatform.start();
    context = newContext();
  }

  @AfterEach
  final void stopAndCheckLogs() {
    try {
      sessions.forEach(ConnectorSession::close);
    } finally {
      sessions.clear();
      platform.close();
    }
    for (String line : context.loggedLines()) {
      assertNoSecretIn("logged line", line);
    }
  }

  @Test
  void descriptorDeclaresTheSettingsTheTestUses() {
    ConnectorDescriptor descriptor = connector().descriptor();
    Map<String, String> valid = validSettings(platform.url());
    assertThat(secretSettings()).as("a connector with credentials declares them secret").isNotEmpty();
    for (Map.Entry<String, String> secret : secretSettings().entrySet()) {
      assertThat(descriptor.setting(secret.getKey())).as("setting %s", secret.getKey())
          .hasValueSatisfying(spec -> assertThat(spec.secret()).as("%s is declared secret", spec.key()).isTrue());
      assertThat(secret.getValue()).as("test value of %s is distinctive enough to search for", secret.getKey())
          .hasSizeGreaterThanOrEqualTo(8);
      assertThat(valid).as("validSettings uses the secret value of %s", secret.getKey())
          .containsEntry(secret.getKey(), secret.getValue());
    }
    assertThat(settings(valid).masked()).as("the host accepts validSettings").isNotEmpty();
    assertThat(connector().descriptor()).as("descriptor() is stable").isEqualTo(descriptor);
  }

  @TestFactory
  Stream<DynamicTest> missingRequiredSettingIsRefusedNamingTheKey() {
    List<SettingSpec> specs = connector().descriptor().settings();
    return specs.stream().filter(SettingSpec::required).map(spec -> dynamicTest(spec.key(), () -> {
      Map<String, String> without = new HashMap<>(validSettings(platform.url()));
      without.remove(spec.key());

      InvalidSettingsException byHost = expect(InvalidSettingsException.class,
          () -> ConnectorSettings.of(without, specs), "the declared specs refuse settings without " + spec.key());
      assertThat(byHost.key()).isEqualTo(spec.key());

      List<SettingSpec> relaxed = specs.stream()
          .map(s -> s == spec ? s.asOptional() : s).toList();
      InvalidSettingsException byOpen = expect(InvalidSettingsException.class,
          () -> connector().open(ConnectorSettings.of(without, relaxed), context),
          "open refuses settings without " + spec.key());
      assertThat(byOpen.key()).isEqualTo(spec.key());
      assertThat(byOpen.getMessage()).contains(spec.key());
      assertNoSecretIn(byOpen);
    }));
  }

  @TestFactory
  Stream<DynamicTest> malformedSettingIsRefusedWithoutEchoingIt() {
    return malformedSettings().entrySet().stream().map(bad -> dynamicTest(bad.getKey(), () -> {
      Map<String, String> configured = new HashMap<>(validSettings(platform.url()));
      configured.put(bad.getKey(), bad.getValue());
      InvalidSettingsException thrown = expect(InvalidSettingsException.class,
          () -> connector().open(settings(configured), context), "open refuses a malformed " + bad.getKey());
      assertThat(thrown.key()).isEqualTo(bad.getKey());
      assertThat(thrown.getMessage()).as("the message names the key, never the value")
          .doesNotContain(bad.getValue().strip());
      assertNoSecretIn(thrown);
    }));
  }

  @Test
  void secretsAreMaskedWhereverSettingsAndSessionsArePrinted() {
    ConnectorSettings settings = settings(validSettings(platform.url()));
    for (String key : secretSettings().keySet()) {
      assertThat(settings.isSecret(key)).as("%s is secret", key).isTrue();
    }
    assertNoSecretIn("ConnectorSettings.toString()", settings.toString());
    assertNoSecretIn("ConnectorSettings.masked()", settings.masked().toString());
    ConnectorSession session = openSession();
    assertNoSecretIn("the session's toString()", session.toString());
    assertNoSecretIn("the connector's toString()", connector().toString());
  }

  @Test
  void successGivesAReceiptWithThePlatformsId() throws DeliveryException {
    scriptSuccess(platform);
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt.externalId()).isEqualTo(expectedExternalId());
    assertDeliveryRequest(platform.lastRequest());
    assertNoSecretIn("the receipt", receipt.toString());
  }

  @Test
  void rateLimitIsRetryableAfterTheAnnouncedSeconds() {
    scriptPreamble(platform);
    scriptRateLimit(platform, "7");
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).isEqualTo(expectedRetryAfter(Duration.ofSeconds(7)));
  }

  @Test
  void rateLimitIsRetryableUntilTheAnnouncedDate() {
    String inSevenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        context.clock().instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
    scriptPreamble(platform);
    scriptRateLimit(platform, inSevenSeconds);
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).isEqualTo(expectedRetryAfter(Duration.ofSeconds(7)));
  }

  @TestFactory
  Stream<DynamicTest> serverErrorsAreRetryable() {
    return serverErrorStatuses().stream().map(status -> dynamicTest("HTTP " + status, () -> {
      scriptPreamble(platform);
      scriptServerError(platform, status);
      deliverExpecting(RetryableDeliveryException.class);
    }));
  }

  @Test
  void answerSlowerThanTheTimeoutIsRetryable() {
    scriptPreamble(platform);
    platform.enqueue(FakeResponse.json(200, "{}").delayedBy(context.requestTimeout().multipliedBy(5)));
    deliverExpecting(RetryableDeliveryException.class);
  }

  @Test
  void droppedConnectionIsRetryable() {
    scriptPreamble(platform);
    platform.enqueue(FakeResponse.dropConnection());
    deliverExpecting(RetryableDeliveryException.class);
  }

  @Test
  void refusedConnectionIsRetryable() throws Exception {
    URI gone;
    try (FakePlatform closed = FakePlatform.start()) {
      gone = closed.url();
    }
    ConnectorSession session = openSession(validSettings(gone));
    RetryableDeliveryException thrown = expect(RetryableDeliveryException.class,
        () -> session.deliver(sampleNotification()), "a refused connection is retryable");
    assertNoSecretIn(thrown);
  }

  @TestFactory
  Stream<DynamicTest> clientErrorsArePermanentWithThePlatformsText() {
    return clientErrorStatuses().stream().map(status -> dynamicTest("HTTP " + status, () -> {
      scriptPreamble(platform);
      scriptClientError(platform, status);
      PermanentDeliveryException thrown = deliverExpecting(PermanentDeliveryException.class);
      assertThat(thrown.getMessage()).contains(clientErrorText(status));
    }));
  }

  /** Delivers the sample on a fresh session and returns the failure, which must be of {@code type}. */
  protected <T extends DeliveryException> T deliverExpecting(Class<T> type) {
    ConnectorSession session = openSession();
    T thrown = expect(type, () -> session.deliver(sampleNotification()), "the delivery fails as " + type.getSimpleName());
    assertNoSecretIn(thrown);
    return thrown;
  }

  private static <T extends Throwable> T expect(Class<T> type, ThrowingCallable call, String what) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as(what).isInstanceOf(type);
    return type.cast(thrown);
  }
}
