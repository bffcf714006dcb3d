package com.backordergateway.plugins.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import java.net.URI;
import java.util.Map;

/** The packaged Teams plugin jar: the testkit's contract, with an Adaptive Card posted to a legacy webhook. */
class TeamsPluginJarIT extends PluginJarContract {

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.teams.TeamsConnector";
  }

  @Override
  protected String connectorType() {
    return "teams";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("webhook-url", platformUrl + TeamsLegacyConnectorTest.LEGACY_PATH);
  }

  @Override
  protected Notification sample() {
    return SampleNotifications.staffAlert();
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.status(200).body("1"));
  }

  @Override
  protected String expectedExternalId() {
    return sample().deliveryId();
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo(TeamsLegacyConnectorTest.LEGACY_PATH);
    assertThat(request.json().at("/attachments/0/contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(request.json().at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
  }
}
