package com.backordergateway.plugins.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import java.net.URI;
import java.util.Map;

/** The packaged Klaviyo plugin jar: the testkit's contract, with an event recorded through Create Event. */
class KlaviyoPluginJarIT extends PluginJarContract {

  private static final String KEY = "pk_it0123456789abcdef0123456789abcd";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.klaviyo.KlaviyoConnector";
  }

  @Override
  protected String connectorType() {
    return "klaviyo";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "private-api-key", KEY);
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
    assertThat(request.path()).isEqualTo("/api/events");
    assertThat(request.header("Authorization")).contains("Klaviyo-API-Key " + KEY);
    assertThat(request.header("Content-Type")).contains("application/vnd.api+json");
    assertThat(request.json().at("/data/attributes/metric/data/attributes/name").asText()).isEqualTo("Backorder Created");
    assertThat(request.json().at("/data/attributes/profile/data/attributes/email").asText()).isEqualTo("maya@example.com");
  }
}
