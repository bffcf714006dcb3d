package com.backordergateway.plugins.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import java.net.URI;
import java.util.Map;

/** The packaged Airtable plugin jar: the testkit's contract, with a customer notice upserted. */
class AirtablePluginJarIT extends PluginJarContract {

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.airtable.AirtableConnector";
  }

  @Override
  protected String connectorType() {
    return "airtable";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "access-token", "patItJar000000001.0123456789abcdef",
        "base-id", "appItJar000000001", "table", "Backorders");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200, "{\"records\":[{\"id\":\"recItJar000000001\",\"fields\":{}}],"
        + "\"createdRecords\":[\"recItJar000000001\"],\"updatedRecords\":[]}"));
  }

  @Override
  protected String expectedExternalId() {
    return "recItJar000000001";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.path()).isEqualTo("/v0/appItJar000000001/Backorders");
    assertThat(request.json().at("/performUpsert/fieldsToMergeOn/0").asText()).isEqualTo("Case key");
  }
}
