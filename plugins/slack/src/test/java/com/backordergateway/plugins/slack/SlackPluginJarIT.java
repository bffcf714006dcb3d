package com.backordergateway.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import java.net.URI;
import java.util.Map;

/** The packaged Slack plugin jar: the testkit's contract, with a staff alert posted as the bot. */
class SlackPluginJarIT extends PluginJarContract {

  private static final String TOKEN = "xoxb-it-0123456789-abcdef";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.slack.SlackConnector";
  }

  @Override
  protected String connectorType() {
    return "slack";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("bot-token", TOKEN, "channel", "C0BACKORD", "base-url", platformUrl.toString());
  }

  @Override
  protected Notification sample() {
    return SampleNotifications.staffAlert();
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200, "{\"ok\":true,\"channel\":\"C0BACKORD\",\"ts\":\"1772443800.000100\"}"));
  }

  @Override
  protected String expectedExternalId() {
    return "C0BACKORD:1772443800.000100";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo("/api/chat.postMessage");
    assertThat(request.header("Authorization")).hasValue("Bearer " + TOKEN);
    assertThat(request.json().path("channel").asText()).isEqualTo("C0BACKORD");
    assertThat(request.json().path("text").asText()).contains("ACR-TITANIUM-WHITE");
  }
}
