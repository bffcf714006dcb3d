package com.backordergateway.plugins.googlesheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.testkit.ConnectorContractTest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Apps Script mode against a fake web app: the testkit's contract (the web app's URL is the
 * secret), the row POSTed to {@code /exec}, the GET of the script's output that Apps Script
 * redirects to, the script's own failures, Google's HTML pages, and redirects that are not
 * followed.
 */
class GoogleSheetsWebAppTest extends ConnectorContractTest {

  static final String EXEC = "/macros/s/AKfycbz-test-deployment-0123456789/exec";
  static final String ECHO = "/macros/echo?user_content_key=AehSKLj-test-key&lib=MTest";
  static final String RANGE = "Backorders!A7:E7";

  static FakeResponse redirect(String location) {
    return FakeResponse.status(302).header("Location", location).header("Content-Type", "text/html; charset=UTF-8")
        .body("<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY>The document has moved.</BODY></HTML>");
  }

  static FakeResponse scriptAnswer(String json) {
    return FakeResponse.json(200, json);
  }

  // ---- The contract's hooks ------------------------------------------------------------------

  @Override
  protected Connector connector() {
    return new GoogleSheetsConnector();
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("web-app-url", platformUrl + EXEC, "sheet", "Backorders",
        "columns", "timestamp, sku, order, status, delivery_id");
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("web-app-url", platform.url(EXEC).toString());
  }

  @Override
  protected Notification sampleNotification() {
    return SampleNotifications.customerNotice();
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(redirect(fake.url(ECHO).toString()), scriptAnswer("{\"ok\":true,\"updatedRange\":\"" + RANGE + "\"}"));
  }

  @Override
  protected String expectedExternalId() {
    return RANGE;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest get) {
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.path() + "?" + get.query()).isEqualTo(ECHO);
    assertThat(get.body()).isEmpty();
    RecordedRequest post = platform.requests().get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo(EXEC);
    assertThat(post.header("Authorization")).isEmpty();
    assertThat(post.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = post.json();
    assertThat(body.fieldNames()).toIterable().containsExactly("delivery_id", "sheet", "columns", "row");
    assertThat(body.get("delivery_id").asText()).isEqualTo(sampleNotification().deliveryId());
    assertThat(body.get("sheet").asText()).isEqualTo("Backorders");
    assertThat(cells(body.get("columns"))).containsExactly("timestamp", "sku", "order", "status", "delivery_id");
    assertThat(cells(body.get("row"))).containsExactly("2026-03-02 09:30:00", "'ACR-TITANIUM-WHITE", "'#1001",
        "'backordered", "'" + sampleNotification().deliveryId());
  }

  /** Google's own pages: a web app that is gone, or a request it cannot read. */
  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.status(status).header("Content-Type", "text/html").body(clientErrorBody(status)));
  }

  @Override
  protected String clientErrorBody(int status) {
    String words = clientErrorText(status);
    return "<html><head><title>Error</title><style>body{font-family:Arial}</style></head><body><div>" + words
        + "</div></body></html>";
  }

  @Override
  protected String clientErrorText(int status) {
    return switch (status) {
      case 400 -> "Bad Request Error 400";
      case 401 -> "Unauthorized Error 401";
      default -> "Sorry, unable to open the file at this time.";
    };
  }

  private static List<String> cells(JsonNode row) {
    return StreamSupport.stream(row.spliterator(), false).map(JsonNode::asText).toList();
  }

  // ---- The web app's answers --------------------------------------------------------------------

  @Test
  void aScriptAnsweringWithoutARedirectIsReadToo() throws Exception {
    platform.enqueue(scriptAnswer("{\"ok\":true,\"updatedRange\":\"Backorders!A8:E8\"}"));
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(
        new DeliveryReceipt("Backorders!A8:E8", "Backorders!A8:E8"));
    assertThat(platform.requestCount()).isEqualTo(1);
  }

  @Test
  void aRelativeRedirectIsReadOnTheWebAppsHost() throws Exception {
    platform.enqueue(redirect(ECHO), scriptAnswer("{\"ok\":true,\"updatedRange\":\"Backorders!A9:E9\"}"));
    assertThat(openSession().deliver(sampleNotification()).externalId()).isEqualTo("Backorders!A9:E9");
    assertThat(platform.lastRequest().method()).isEqualTo("GET");
  }

  @Test
  void theScriptsFailureIsPermanentUnlessItSaysRetryable() {
    platform.enqueue(redirect(ECHO), scriptAnswer("{\"ok\":false,\"error\":\"Exception: The sheet is protected\"}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessage("Apps Script web app: Exception: The sheet is protected");
    platform.enqueue(redirect(ECHO),
        scriptAnswer("{\"ok\":false,\"retryable\":true,\"error\":\"the sheet is busy: lock not acquired\"}"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(RetryableDeliveryException.class).hasMessageContaining("the sheet is busy");
  }

  @Test
  void googlesHtmlErrorPageIsPermanentWithItsText() {
    platform.enqueue(FakeResponse.status(200).header("Content-Type", "text/html").body(
        "<html><head><title>Error</title><style>body{}</style></head><body><div>Script function not found: doPost"
            + "</div></body></html>"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("is the README's script deployed?")
        .hasMessageContaining("Script function not found: doPost")
        .hasMessageNotContaining("<div>")
        .hasMessageNotContaining("body{}");
  }

  @Test
  void aSignInRedirectMeansTheDeploymentIsNotOpenToAnyone() {
    platform.enqueue(redirect("https://accounts.google.com/ServiceLogin?service=wise&continue=https://script.google.com"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("Who has access: Anyone");
    assertThat(platform.requestCount()).isEqualTo(1);
  }

  @Test
  void aRedirectElsewhereIsNotFollowed() {
    platform.enqueue(redirect("https://collector.evil.example/steal"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("collector.evil.example").hasMessageContaining("not followed");
    assertThat(platform.requestCount()).isEqualTo(1);
  }

  @Test
  void aRedirectWithoutALocationIsPermanent() {
    platform.enqueue(FakeResponse.status(302));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification()))
        .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("without a Location");
  }

  @Test
  void theScriptsOutputFailingIsRetryable() {
    platform.enqueue(redirect(ECHO), FakeResponse.status(503).body("Service Unavailable"));
    assertThatThrownBy(() -> openSession().deliver(sampleNotification())).isInstanceOf(RetryableDeliveryException.class);
  }

  @Test
  void neitherTheWebAppUrlNorTheOutputKeyIsEverPrinted() throws Exception {
    scriptSuccess(platform);
    ConnectorSession session = openSession();
    session.deliver(sampleNotification());
    platform.enqueue(FakeResponse.status(404).body("<html><title>Not Found</title></html>"));
    Throwable thrown = catchThrowable(() -> session.deliver(sampleNotification()));
    assertThat(thrown).isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("Not Found");
    List<String> printed = new ArrayList<>(context.loggedLines());
    printed.add(thrown.toString());
    printed.add(session.toString());
    printed.add(settings(validSettings(platform.url())).toString());
    printed.add(GoogleSheetsSettings.from(settings(validSettings(platform.url()))).toString());
    assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain("AKfycbz-test", "user_content_key"));
    assertThat(session.toString()).contains("an Apps Script web app", "Backorders");
  }
}
