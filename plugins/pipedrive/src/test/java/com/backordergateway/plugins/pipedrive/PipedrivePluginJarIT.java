package com.backordergateway.plugins.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import java.net.URI;
import java.util.Map;

/** The packaged Pipedrive plugin jar: the testkit's contract, a customer notice on the order's deal. */
class PipedrivePluginJarIT extends PluginJarContract {

  private static final String FIELD = "5f1e0c4a9b7d3e2f8a6c1b0d9e8f7a6b5c4d3e2f";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.pipedrive.PipedriveConnector";
  }

  @Override
  protected String connectorType() {
    return "pipedrive";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "company-domain", "example-crafts",
        "api-token", "it0123456789abcdef0123456789abcdef0123", "order-field-key", FIELD, "backorder-label-id", "12");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    String deal = "{\"success\":true,\"data\":{\"id\":77,\"owner_id\":5,\"label_ids\":[],\"custom_fields\":{\""
        + FIELD + "\":\"" + sample().recipient().orderId() + "\"}}}";
    platform.enqueue(
        FakeResponse.json(200, "{\"success\":true,\"data\":{\"items\":[{\"result_score\":1,\"item\":{\"id\":77}}]}}"),
        FakeResponse.json(200, deal), FakeResponse.json(200, deal),
        FakeResponse.json(200, "{\"success\":true,\"data\":{\"id\":501}}"),
        FakeResponse.json(200, "{\"success\":true,\"data\":{\"id\":601}}"));
  }

  @Override
  protected String expectedExternalId() {
    return "501";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo("/api/v2/activities");
    assertThat(request.json().get("deal_id").asLong()).isEqualTo(77);
    assertThat(request.json().get("owner_id").asLong()).isEqualTo(5);
  }
}
