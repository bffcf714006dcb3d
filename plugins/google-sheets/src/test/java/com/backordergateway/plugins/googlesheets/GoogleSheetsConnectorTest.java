package com.backordergateway.plugins.googlesheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Google Sheets connector's Sheets API mode against a fake Google: the testkit's contract
 * (each failure case first answers the token call), then the exact append request, the service
 * account's JWT and token cache, Google's quota answers, the cells (column order, timestamp,
 * staff-only facts, formula injection) and the settings that stop start-up. The Apps Script mode
 * is {@link GoogleSheetsWebAppTest}.
 */
class GoogleSheetsConnectorTest extends ConnectorContractTest {

  static final String SPREADSHEET = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";
  static final String APPEND_PATH = "/v4/spreadsheets/" + SPREADSHEET + "/values/%27Backorder%20log%27:append";
  static final String RANGE = "'Backorder log'!A42:L42";
  static final String TOKEN = "ya29.c.test-access-token-0001";
  static final String TOKEN_2 = "ya29.c.test-access-token-0002";

  static FakeResponse token(String value) {
    return FakeResponse.json(200, "{\"access_token\":\"" + value + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
  }

  static FakeResponse appended(String range) {
    return FakeResponse.json(200, "{\"spreadsheetId\":\"" + SPREADSHEET + "\",\"tableRange\":\"'Backorder log'!A1:L41\","
        + "\"updates\":{\"spreadsheetId\":\"" + SPREADSHEET + "\",\"updatedRange\":\"" + range + "\","
        + "\"updatedRows\":1,\"updatedColumns\":12,\"updatedCells\":12}}");
  }

  static String googleError(int code, String message, String status) {
    return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}";
  }

  // ---- The contract's hooks ------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new GoogleSheetsConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of(
        "service-account-key", TestServiceAccount.keyFile(platformUrl),
        "spreadsheet-id", SPREADSHEET,
        "base-url", platformUrl.toString(),
        "sheet", "Backorder log",
        "time-zone", "America/Chicago");
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("service-account-key", TestServiceAccount.keyFile(platform.url()));
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(token(TOKEN), appended(RANGE));
  }

  @Override
  protected String expectedExternalId() {
    return RANGE;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(APPEND_PATH);
    assertThat(request.queryParameters()).containsOnlyKeys("valueInputOption", "insertDataOption");
    assertThat(request.queryParameter("valueInputOption")).hasValue("USER_ENTERED");
    assertThat(request.queryParameter("insertDataOption")).hasValue("INSERT_ROWS");
    assertThat(request.header("Authorization")).hasValue("Bearer " + TOKEN);
    assertThat(request.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = request.json();
    assertThat(body.get("majorDimension").asText()).isEqualTo("ROWS");
    assertThat(body.get("values")).hasSize(1);
    Notification sample = sampleNotification();
    // 09:30 UTC is 03:30 in Chicago (CST); the ETA 16:00 UTC on 14 April is that day there.
    assertThat(cells(body.get("values").get(0))).containsExactly(
        "2026-03-02 03:30:00", "'stock-depleted", "'customer-notice", "'ACR-TITANIUM-WHITE",
        "'Titanium White Acrylic 120 ml", "'#1001", "'Maya Okafor", "2026-04-14", "'backordered", "'case_01JSAMPLE",
        "'" + sample.deliveryId(), "'" + sample.message().body());
  }

  @Override
  protected String clientErrorBody(int status) {
    return switch (status) {
      case 400 -> googleError(400, "Unable to parse range: 'Backorder log'", "INVALID_ARGUMENT");
      case 401 -> googleError(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, "
          + "login cookie or other valid authentication credential.", "UNAUTHENTICATED");
      default -> googleError(404, "Requested entity was not found.", "NOT_FOUND");
    };
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "Unable to parse range: 'Backorder log' (INVALID_ARGUMENT)";
      case 401 -> "Request had invalid authentication credentials";
      default -> "Requested entity was not found. (NOT_FOUND)";
    };
  }

  @Override
  protected void scriptPreamble(FakePlatform fake) {
    fake.enqueue(token(TOKEN));
  }

  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.json(429, quotaBody("")).header("Retry-After", retryAfter));
  }

  /** A refused token is renewed once: the second 401 is the one that must be permanent. */
  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    FakeResponse error = FakeResponse.json(status, clientErrorBody(status));
    fake.enqueue(status == 401 ? new FakeResponse[] {error, token(TOKEN_2), error} : new FakeResponse[] {error});
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of(
        "time-zone", "Mars/Olympus_Mons",
        "columns", "sku, timestamp, sku",
        "sheet", "Backorder\tlog",
        "service-account-key", "{\"type\":\"service_account\",\"client_email\":\"x@y.iam.gserviceaccount.com\"");
  }

  private static String quotaBody(String details) {
    return "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota metric 'Write requests' and limit "
        + "'Write requests per minute per user' of service 'sheets.googleapis.com' for consumer "
        + "'project_number:104718'.\",\"status\":\"RESOURCE_EXHAUSTED\"" + details + "}}";
  }

  private static List<String> cells(JsonNode row) {
    return StreamSupport.stream(row.spliterator(), false).map(JsonNode::asText).toList();
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> settings = new HashMap<>(validSettings(platform.url()));
    if (value == null) {
      settings.remove(key);
    } else {
      settings.put(key, value);
    }
    return settings;
  }

  private List<RecordedRequest> tokenCalls() {
    return platform.requests().stream().filter(r -> r.path().equals("/token")).toList();
  }

  // ---- The service account's token ------------------------------------------------------------

  @Test
  void theAssertionIsAnRs256JwtWithTheClaimsGoogleWants() throws Exception {
    scriptSuccess(platform);
    openSession().deliver(sampleNotification());

    RecordedRequest tokenCall = platform.requests().get(0);
    assertThat(tokenCall.method()).isEqualTo("POST");
    assertThat(tokenCall.path()).isEqualTo("/token");
    assertThat(tokenCall.header("Content-Type")).hasValue("application/x-www-form-urlencoded");
    assertThat(tokenCall.formValue("grant_type")).hasValue("urn:ietf:params:oauth:grant-type:jwt-bearer");
    String jwt = tokenCall.formValue("assertion").orElseThrow();
    assertThat(jwt.split("\\.")).hasSize(3);

    JsonNode header = TestServiceAccount.jwtPart(jwt, 0);
    assertThat(header.get("alg").asText()).isEqualTo("RS256");
    assertThat(header.get("typ").asText()).isEqualTo("JWT");
    assertThat(header.get("kid").asText()).isEqualTo(TestServiceAccount.KEY_ID);
    JsonNode claims = TestServiceAccount.jwtPart(jwt, 1);
    long now = TestConnectorContext.DEFAULT_NOW.getEpochSecond();
    assertThat(claims.get("iss").asText()).isEqualTo(TestServiceAccount.CLIENT_EMAIL);
    assertThat(claims.get("scope").asText()).isEqualTo("https://www.googleapis.com/auth/spreadsheets");
    assertThat(claims.get("aud").asText()).as("always Google's token endpoint, whatever token_uri says")
        .isEqualTo("https://oauth2.googleapis.com/token");
    assertThat(claims.get("iat").asLong()).isEqualTo(now);
    assertThat(claims.get("exp").asLong()).isEqualTo(now + 3600);
    assertThat(claims.has("sub")).isFalse();
    assertThat(TestServiceAccount.signatureVerifies(jwt)).as("RS256 signature with the key pair's public key").isTrue();

    byte[] tampered = jwt.getBytes();
    tampered[jwt.indexOf('.') + 3] ^= 1;
    assertThat(TestServiceAccount.signatureVerifies(new String(tampered))).isFalse();
  }

  @Test
  void oneTokenServesManyRowsUntilShortlyBeforeItExpires() throws Exception {
    platform.enqueue(token(TOKEN), appended("'Backorder log'!A42:L42"), appended("'Backorder log'!A43:L43"),
        appended("'Backorder log'!A44:L44"));
    ConnectorSession session = openSession();
    assertThat(session.deliver(sampleNotification()).externalId()).isEqualTo("'Backorder log'!A42:L42");
    context.clock().advance(Duration.ofMinutes(30));
    session.deliver(SampleNotifications.staffAlert());
    context.clock().advance(Duration.ofMinutes(24));
    assertThat(session.deliver(sampleNotification()).externalId()).isEqualTo("'Backorder log'!A44:L44");
    assertThat(tokenCalls()).as("one token call for three rows").hasSize(1);

    // 3599 s of validity, renewed 5 minutes early: at 55 minutes a new token is fetched.
    context.clock().advance(Duration.ofMinutes(1));
    platform.enqueue(token(TOKEN_2), appended("'Backorder log'!A45:L45"));
    session.deliver(sampleNotification());
    assertThat(tokenCalls()).hasSize(2);
    assertThat(platform.lastRequest().header("Authorization")).hasValue("Bearer " + TOKEN_2);
    assertThat(TestServiceAccount.jwtPart(tokenCalls().get(1).formValue("assertion").orElseThrow(), 1).get("iat").asLong())
        .isEqualTo(TestConnectorContext.DEFAULT_NOW.plus(Duration.ofMinutes(55)).getEpochSecond());
  }

  @Test
  void concurrentDeliveriesShareOneTokenCall() throws Exception {
    AtomicInteger rows = new AtomicInteger(1);
    platform.answering(request -> request.path().equals("/token")
        ? token(TOKEN).delayedBy(Duration.ofMillis(200))
        : appended("'Backorder log'!A" + rows.incrementAndGet() + ":L" + rows.get()));
    ConnectorSession session = openSession();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<DeliveryReceipt>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        calls.add(() -> session.deliver(sampleNotification()));
      }
      for (Future<DeliveryReceipt> receipt : pool.invokeAll(calls)) {
        assertThat(receipt.get().externalId()).startsWith("'Backorder log'!A");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenCalls()).hasSize(1);
    assertThat(platform.requests()).filteredOn(r -> r.path().equals(APPEND_PATH)).hasSize(12)
        .allSatisfy(r -> assertThat(r.header("Authorization")).hasValue("Bearer " + TOKEN));
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheRowSentAgain() throws Exception {
    platform.enqueue(token(TOKEN), FakeResponse.json(401, clientErrorBody(401)), token(TOKEN_2), appended(RANGE));
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt).isEqualTo(new DeliveryReceipt(RANGE, RANGE));
    List<RecordedRequest> requests = platform.requests();
    assertThat(requests).extracting(RecordedRequest::path).containsExactly("/token", APPEND_PATH, "/token", APPEND_PATH);
    assertThat(requests.get(1).header("Authorization")).hasValue("Bearer " + TOKEN);
    assertThat(requests.get(3).header("Authorization")).hasValue("Bearer " + TOKEN_2);
    assertThat(requests.get(1).body()).isEqualTo(requests.get(3).body());
    assertThat(context.loggedLines()).anySatisfy(line -> assertThat(line).contains("renewing it once"));
  }

  @Test
  void aSecondRefusalIsPermanentWithoutAThirdTry() {
    platform.enqueue(token(TOKEN), FakeResponse.json(401, clientErrorBody(401)), token(TOKEN_2),
        FakeResponse.json(401, clientErrorBody(401)));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("Google Sheets answered HTTP 401")
        .hasMessageContaining("(UNAUTHENTICATED)");
    assertThat(platform.requestCount()).isEqualTo(4);
  }

  @Test
  void theTokenEndpointsRefusalIsPermanentWithGooglesText() {
    platform.enqueue(FakeResponse.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("Google's token endpoint answered HTTP 400: invalid_grant: Invalid JWT Signature.");
    assertThat(platform.requestCount()).as("no append without a token").isEqualTo(1);
  }

  @Test
  void theTokenEndpointsOutageIsRetryable() {
    platform.enqueue(FakeResponse.status(503).body("Service Unavailable"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification())).isInstanceOf(RetryableDeliveryException.class);
  }

  @Test
  void aTokenAnswerWithoutATokenIsPermanent() {
    platform.enqueue(FakeResponse.json(200, "{\"token_type\":\"Bearer\"}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("without an access_token");
  }

  @Test
  void noTokenAssertionOrKeyMaterialInAnyLogExceptionOrToString() throws Exception {
    List<String> printed = new ArrayList<>();
    ConnectorSession session = openSession();
    platform.enqueue(token(TOKEN), FakeResponse.json(401, clientErrorBody(401)), token(TOKEN_2), appended(RANGE));
    printed.add(session.deliver(sampleNotification()).toString());
    context.clock().advance(Duration.ofHours(2));
    platform.enqueue(token(TOKEN), FakeResponse.json(401, clientErrorBody(401)), token(TOKEN_2),
        FakeResponse.json(401, clientErrorBody(401)));
    printed.add(String.valueOf(catchThrowable(() -> session.deliver(sampleNotification()))));
    context.clock().advance(Duration.ofHours(2));
    platform.enqueue(FakeResponse.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"));
    printed.add(String.valueOf(catchThrowable(() -> session.deliver(sampleNotification()))));
    printed.add(session.toString());
    printed.add(GoogleSheetsSettings.from(settings(validSettings(platform.url()))).toString());
    printed.add(settings(validSettings(platform.url())).toString());
    printed.addAll(context.loggedLines());

    List<String> secrets = new ArrayList<>(List.of(TOKEN, TOKEN_2, "ya29."));
    secrets.addAll(List.of(TestServiceAccount.privateKeyFragments()));
    tokenCalls().forEach(call -> secrets.add(call.formValue("assertion").orElseThrow()));
    assertThat(printed).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(secrets));
    assertThat(printed).anySatisfy(text -> assertThat(text).contains(TestServiceAccount.CLIENT_EMAIL));
  }

  // ---- Google's quota and permission answers ----------------------------------------------------

  @Test
  void resourceExhaustedIsRetryableAfterGooglesRetryInfo() {
    scriptPreamble(platform);
    platform.enqueue(FakeResponse.json(429, quotaBody(",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
        + "\"retryDelay\":\"31.5s\"}]")));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).hasValue(Duration.ofMillis(31_500));
    assertThat(thrown.getMessage()).contains("Quota exceeded for quota metric 'Write requests'", "(RESOURCE_EXHAUSTED)");
  }

  @Test
  void resourceExhaustedIsRetryableWhateverTheStatus() {
    scriptPreamble(platform);
    platform.enqueue(FakeResponse.json(403, quotaBody("")));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.retryAfter()).isEmpty();
  }

  @Test
  void theOlderRateLimitReasonsAreRetryableToo() {
    scriptPreamble(platform);
    platform.enqueue(FakeResponse.json(403, "{\"error\":{\"code\":403,\"message\":\"Rate Limit Exceeded\","
        + "\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\"userRateLimitExceeded\"}]}}"));
    deliverExpecting(RetryableDeliveryException.class);
  }

  @Test
  void missingPermissionSaysWhichAccountToShareTheSheetWith() {
    scriptPreamble(platform);
    platform.enqueue(FakeResponse.json(403, googleError(403, "The caller does not have permission", "PERMISSION_DENIED")));
    PermanentDeliveryException thrown = deliverExpecting(PermanentDeliveryException.class);
    assertThat(thrown.getMessage()).contains("The caller does not have permission (PERMISSION_DENIED)",
        "share the spreadsheet with " + TestServiceAccount.CLIENT_EMAIL + " as an editor");
  }

  @Test
  void anAnswerWithoutTheUpdatedRangeIsStillARow() throws Exception {
    platform.enqueue(token(TOKEN), FakeResponse.json(200, "{\"spreadsheetId\":\"" + SPREADSHEET + "\"}"));
    DeliveryReceipt receipt = openSession().deliver(sampleNotification());
    assertThat(receipt.externalId()).isEqualTo(sampleNotification().deliveryId());
    assertThat(receipt.note()).contains("without updates.updatedRange");
  }

  // ---- The cells --------------------------------------------------------------------------------

  @Test
  void cellsFollowTheConfiguredColumnsAndStaffOnlyFactsStayOffCustomerRows() throws Exception {
    Map<String, String> settings = with("columns", "delivery_id, audience, reason, note, sku, timestamp, order_id,"
        + " customer_email, supplier, po_number, eta_source, category, store_name");
    settings.put("time-zone", "Europe/Paris");
    ConnectorSession session = openSession(settings);
    platform.enqueue(token(TOKEN), appended(RANGE), appended(RANGE));
    Notification customer = SampleNotifications.customer(Trigger.SUPPLIER_DELAYED, Purpose.RESOLUTION);
    Notification staff = SampleNotifications.staff(Trigger.SUPPLIER_DELAYED, Purpose.RESOLUTION);
    session.deliver(customer);
    session.deliver(staff);

    List<RecordedRequest> appends = platform.requests().subList(1, 3);
    assertThat(cells(appends.get(0).json().get("values").get(0))).containsExactly(
        "'" + customer.deliveryId(), "'customer", "", "", "'ACR-TITANIUM-WHITE", "2026-03-02 10:30:00",
        "'5678901234567", "'maya@example.com", "'Golden Artist Colors", "'PO-2041", "'supplier", "'paint",
        "'Maple & Thread Crafts");
    assertThat(cells(appends.get(1).json().get("values").get(0))).containsExactly(
        "'" + staff.deliveryId(), "'staff", "'shipment PO-2041 is 3 days late", "'48 on hand after a receipt",
        "'ACR-TITANIUM-WHITE", "2026-03-02 10:30:00", "'5678901234567", "", "'Golden Artist Colors", "'PO-2041",
        "'supplier", "'paint", "'Maple & Thread Crafts");
  }

  @Test
  void theTimestampIsInUtcUnlessAZoneIsSet() throws Exception {
    platform.enqueue(token(TOKEN), appended(RANGE));
    openSession(with("time-zone", null)).deliver(sampleNotification());
    assertThat(platform.lastRequest().json().at("/values/0/0").asText()).isEqualTo("2026-03-02 09:30:00");
    assertThat(platform.lastRequest().json().at("/values/0/7").asText()).isEqualTo("2026-04-14");
  }

  @Test
  void nothingIsWrittenSoThatSheetsEvaluatesItAsAFormulaOrANumber() throws Exception {
    Notification hostile = SampleNotifications.withFact(SampleNotifications.withFact(SampleNotifications.withFact(
        SampleNotifications.customerNotice(), "product", "=HYPERLINK(\"https://evil.example/x\",\"Refund\")"),
        "sku", "+1-555-0100"), "status", "@SUM(A1:A9)");
    hostile = SampleNotifications.withFact(hostile, "order_name", "-2+3");
    hostile = SampleNotifications.withFact(hostile, "case_id", "00123");
    hostile = SampleNotifications.withFact(hostile, "eta", "=NOW()");
    hostile = SampleNotifications.to(hostile, new Recipient("1", "=cmd|' /C calc'!A0", "a@example.com", "", "", "", ""));
    platform.enqueue(token(TOKEN), appended(RANGE));
    openSession(with("columns", "timestamp, product, sku, status, order, case_id, eta, customer")).deliver(hostile);

    assertThat(cells(platform.lastRequest().json().at("/values/0"))).containsExactly(
        "2026-03-02 03:30:00", "'=HYPERLINK(\"https://evil.example/x\",\"Refund\")", "'+1-555-0100", "'@SUM(A1:A9)",
        "'-2+3", "'00123", "'=NOW()", "'=cmd|' /C calc'!A0");
  }

  @Test
  void theSheetNameIsQuotedAndEncodedAsOnePathSegment() throws Exception {
    platform.enqueue(token(TOKEN), appended(RANGE));
    openSession(with("sheet", "Q2 log: Bob's/Alice!")).deliver(sampleNotification());
    assertThat(platform.lastRequest().path())
        .isEqualTo("/v4/spreadsheets/" + SPREADSHEET + "/values/%27Q2%20log%3A%20Bob%27%27s%2FAlice%21%27:append");
  }

  // ---- Settings that stop start-up -------------------------------------------------------------

  @Test
  void exactlyOneWayToWriteIsConfigured() {
    Map<String, String> both = with("web-app-url", "https://script.google.com/macros/s/AKfycbx-secret-id/exec");
    both.remove("spreadsheet-id");
    assertRefused(both, "web-app-url");
    assertRefused(Map.of("sheet", "Backorders"), "service-account-key");
    assertRefused(with("spreadsheet-id", null), "spreadsheet-id");
    assertRefused(Map.of("web-app-url", "https://script.google.com/macros/s/AKfycbx-secret-id/exec",
        "spreadsheet-id", SPREADSHEET), "spreadsheet-id");
  }

  @Test
  void aKeyThatIsNotAServiceAccountsIsRefusedWithoutEchoingIt() {
    String userKey = "{\"type\":\"authorized_user\",\"client_id\":\"x\",\"client_secret\":\"user-secret-0123\"}";
    assertThat(assertRefused(with("service-account-key", userKey), "service-account-key"))
        .contains("authorized_user").doesNotContain("user-secret-0123");
    String pkcs1 = TestServiceAccount.keyFile(platform.url()).replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY")
        .replace("END PRIVATE KEY", "END RSA PRIVATE KEY");
    assertThat(assertRefused(with("service-account-key", pkcs1), "service-account-key")).contains("PKCS#8");
    String garbled = TestServiceAccount.keyFile(platform.url()).replace(TestServiceAccount.privateKeyFragments()[1], "AAAA");
    assertThat(assertRefused(with("service-account-key", garbled), "service-account-key"))
        .contains("cannot be read").doesNotContain(TestServiceAccount.privateKeyFragments());
    String noEmail = TestServiceAccount.keyFile(platform.url()).replace("client_email", "client_mail");
    assertThat(assertRefused(with("service-account-key", noEmail), "service-account-key")).contains("client_email");
  }

  @Test
  void anUnknownColumnIsRefusedByTheHostNamingTheKey() {
    assertRefused(with("columns", "timestamp, shoe_size"), "columns");
  }

  private String assertRefused(Map<String, String> configured, String key) {
    Throwable thrown = catchThrowable(() -> openSession(configured));
    assertThat(thrown).isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key));
    assertNoSecretIn(thrown);
    assertThat(thrown.getMessage()).doesNotContain(TestServiceAccount.privateKeyFragments());
    return thrown.getMessage();
  }
}
