package com.backordergateway.plugins.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A legacy Office 365 connector URL ({@code <tenant>.webhook.office.com/webhookb2/…}): 200 with
 * body {@code 1} on success, and Teams' own answers reported inside the body — throttling as a
 * 200 saying "HTTP error 429", which must be retried, never counted as delivered.
 */
class TeamsLegacyConnectorTest extends TeamsContractBase {

  static final String LEGACY_PATH = "/webhookb2/4f2a6c1e-7b3d-4e5f-9a8b-0c1d2e3f4a5b@72f988bf-86f1-41af-91ab-2d7cd011db47"
      + "/IncomingWebhook/9c1e5d7f3a2b4c6e8f0a1b2c3d4e5f6a/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e";

  private static final String THROTTLED = "Webhook message delivery failed with error: Microsoft Teams endpoint "
      + "returned HTTP error 429 with ContextId tcid=0,server=msgapi-production-eus-azsc2-4-170,"
      + "cv=deKtKG9nc0OXEa7Y0TL44w.0..";

  @Override
  protected String hookPathAndQuery() {
    return LEGACY_PATH;
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(FakeResponse.status(200).header("Content-Type", "text/plain; charset=utf-8").body("1"));
  }

  /** Legacy connectors return no id; the delivery id stands in. */
  @Override
  protected String expectedExternalId() {
    return TeamsSamples.DELIVERY_ID;
  }

  /** Legacy connectors signal throttling inside a 200, with no Retry-After of their own. */
  @Override
  protected void scriptRateLimit(FakePlatform fake, String retryAfter) {
    fake.enqueue(FakeResponse.status(200).header("Content-Type", "text/plain; charset=utf-8").body(THROTTLED));
  }

  @Override
  protected Optional<Duration> expectedRetryAfter(Duration announced) {
    return Optional.empty();
  }

  @Override
  protected List<Integer> clientErrorStatuses() {
    return List.of(400);
  }

  @Override
  protected void scriptClientError(FakePlatform fake, int status) {
    fake.enqueue(FakeResponse.status(status).header("Content-Type", "text/plain; charset=utf-8")
        .body(clientErrorBody(status)));
  }

  @Override
  protected String clientErrorBody(int status) {
    return "Bad payload received by generic incoming webhook.";
  }

  @Override
  protected String clientErrorText(int status) {
    return "Teams answered HTTP 400: Bad payload received by generic incoming webhook.";
  }

  @Test
  void throttlingInsideA200IsRetryableAndNamesTheReportedStatus() {
    platform.enqueue(FakeResponse.status(200).body(THROTTLED));
    RetryableDeliveryException thrown = deliverExpecting(RetryableDeliveryException.class);
    assertThat(thrown.getMessage()).contains("Teams answered HTTP 200: reporting HTTP error 429", "ContextId");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 408})
  void throttlingInsideA4xxIsRetryableAndHonoursARetryAfterIfSent(int status) {
    platform.enqueue(FakeResponse.status(status).header("Retry-After", "12").body(THROTTLED));
    assertThat(deliverExpecting(RetryableDeliveryException.class).retryAfter()).contains(Duration.ofSeconds(12));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void aServerErrorReportedInsideA200IsRetryable(int reported) {
    platform.enqueue(FakeResponse.status(200).body(THROTTLED.replace("429", String.valueOf(reported))));
    deliverExpecting(RetryableDeliveryException.class);
  }

  @Test
  void aTooLargeCardReportedInsideA200IsPermanent() {
    platform.enqueue(FakeResponse.status(200).body("Webhook message delivery failed with error: Microsoft Teams "
        + "endpoint returned HTTP error 413 with ContextId tcid=0,server=msgapi-production-eus-azsc2-4-170"));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage())
        .contains("reporting HTTP error 413");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad payload received by generic incoming webhook.", "Summary or Text is required."})
  void aRefusalInsideA200IsPermanentNotDelivered(String body) {
    platform.enqueue(FakeResponse.status(200).body(body));
    assertThat(deliverExpecting(PermanentDeliveryException.class).getMessage())
        .contains("HTTP 200: the post is not confirmed: " + body);
  }

  @Test
  void aRealServerErrorStaysRetryableWhateverItsBodySays() {
    platform.enqueue(FakeResponse.status(502).body("upstream said HTTP error 400"));
    deliverExpecting(RetryableDeliveryException.class);
  }

  @Test
  void anEmpty200IsDelivered() throws Exception {
    platform.enqueue(FakeResponse.status(200));
    assertThat(openSession().deliver(sampleNotification())).isEqualTo(new DeliveryReceipt(TeamsSamples.DELIVERY_ID, ""));
  }

  @Test
  void followUpsArePostedAsNewCards() throws Exception {
    scriptSuccess(platform);
    Notification n = sampleNotification();
    DeliveryReceipt receipt = openSession().deliver(new Notification(
        "dlv-teams-0002", n.trigger(), n.purpose(), n.audience(), n.recipient(), n.message(), n.facts(),
        Optional.of("dlv-teams-0001")));
    assertThat(receipt.reference()).as("a webhook cannot update what it posted").isEmpty();
    assertThat(platform.onlyRequest().path()).isEqualTo(LEGACY_PATH);
  }
}
