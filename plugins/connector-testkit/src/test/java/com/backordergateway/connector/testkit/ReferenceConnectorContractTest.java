package com.backordergateway.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Recipient;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The contract run against {@link ReferenceConnector} as a connector module would run it. With
 * no flaw it passes; {@link ContractCatchesFlawsTest} runs it with each flaw.
 */
class ReferenceConnectorContractTest extends ConnectorContractTest {

  static final String KEY = "ref-key-9f8e7d6c5b4a";

  /** The flaw the connector under test has; overridden by the flawed variants. */
  ReferenceConnector.Flaw flaw() {
    return ReferenceConnector.Flaw.NONE;
  }

  @Override
  protected Connector connector() {
    return new ReferenceConnector(flaw());
  }

  @Override
  protected Map<String, String> validSettings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "api-key", KEY, "channel", "#backorders");
  }

  @Override
  protected Map<String, String> secretSettings() {
    return Map.of("api-key", KEY);
  }

  @Override
  protected Notification sampleNotification() {
    return new Notification("dlv-ref-1", Notification.Trigger.STOCK_DEPLETED, Notification.Purpose.STAFF_ALERT,
        Notification.Audience.STAFF, Recipient.NONE, new Notification.Message("", "GLUE-STICK-12 is out"),
        Map.of("sku", "GLUE-STICK-12"), Optional.empty());
  }

  @Override
  protected void scriptSuccess(FakePlatform fake) {
    fake.enqueue(FakeResponse.json(201, "{\"id\":\"msg_001\"}"));
  }

  @Override
  protected String expectedExternalId() {
    return "msg_001";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.header("Authorization")).contains("Bearer " + KEY);
    assertThat(request.json().get("channel").asText()).isEqualTo("#backorders");
    assertThat(request.json().get("dedupe").asText()).isEqualTo("dlv-ref-1");
  }

  @Override
  protected String clientErrorBody(int status) {
    return "{\"error\":{\"code\":" + status + ",\"message\":\"reference says no (" + status + ")\"}}";
  }

  @Override
  protected String clientErrorText(int status) {
    return "reference says no (" + status + ")";
  }

  @Override
  protected Map<String, String> malformedSettings() {
    return Map.of("base-url", "ftp://not-http.example");
  }
}
