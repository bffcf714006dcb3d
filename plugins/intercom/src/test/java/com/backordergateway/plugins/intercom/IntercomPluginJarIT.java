package com.backordergateway.plugins.intercom;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import java.net.URI;
import java.util.Map;

/** The packaged Intercom plugin jar: the testkit's contract, with a data event submitted. */
class IntercomPluginJarIT extends PluginJarContract {

  private static final String TOKEN = "it-dG9rOjAxMjM0NTY3ODlhYmNkZWY=";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.intercom.IntercomConnector";
  }

  @Override
  protected String connectorType() {
    return "intercom";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "access-token", TOKEN);
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.status(202));
  }

  @Override
  protected String expectedExternalId() {
    return sample().deliveryId();
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo("/events");
    assertThat(request.header("Authorization")).contains("Bearer " + TOKEN);
    assertThat(request.header("Intercom-Version")).contains("2.14");
    assertThat(request.json().get("event_name").asText()).isEqualTo("backorder-created");
    assertThat(request.json().get("user_id").asText()).isEqualTo("cust-218");
  }
}
