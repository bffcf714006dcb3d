package com.backordergateway.plugins.zapier;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import java.net.URI;
import java.util.Map;

/**
 * The packaged Zapier plugin jar: the testkit's contract, with a customer notice POSTed flat to
 * the Catch Hook. The jar ships no templates: the gateway's wording fills {@code subject} and
 * {@code body}, and a Zap usually composes its own text from the fields.
 */
class ZapierPluginJarIT extends PluginJarContract {

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.zapier.ZapierConnector";
  }

  @Override
  protected String connectorType() {
    return "zapier";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("hook-url", platformUrl + "/hooks/catch/1234567/itjar01/");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200,
        "{\"attempt\":\"it-1\",\"id\":\"it-1\",\"request_id\":\"it-1\",\"status\":\"success\"}"));
  }

  @Override
  protected String expectedExternalId() {
    return "it-1";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo("/hooks/catch/1234567/itjar01/");
    assertThat(request.json().get("delivery_id").asText()).isEqualTo(sample().deliveryId());
    assertThat(request.json().get("customer_email").asText()).isNotEmpty();
    assertThat(request.json().fieldNames()).toIterable().containsExactlyElementsOf(ZapierPayload.FIELDS);
  }
}
