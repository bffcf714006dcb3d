package com.backordergateway.plugins.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import java.net.URI;
import java.util.Map;

/**
 * The packaged Salesforce plugin jar: the testkit's contract, with a client-credentials token, the
 * Order query, the Chatter post and the follow-up Task.
 */
class SalesforcePluginJarIT extends PluginJarContract {

  private static final String TOKEN = "00DHs0000012345!AQ0AQIt-token-from-the-it";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.salesforce.SalesforceConnector";
  }

  @Override
  protected String connectorType() {
    return "salesforce";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "my-domain", "example-crafts",
        "client-id", "3MVG9it.consumer.key", "client-secret", "it-secret-0123456789");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(
        FakeResponse.json(200, "{\"access_token\":\"" + TOKEN + "\",\"instance_url\":\"" + platform.url()
            + "\",\"token_type\":\"Bearer\",\"issued_at\":\"1772443800000\"}"),
        FakeResponse.json(200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Order\"},"
            + "\"Id\":\"801Hs00000ItOrdAAA\",\"OwnerId\":\"005Hs00000ItOwnAAA\"}]}"),
        FakeResponse.json(201, "{\"id\":\"0D5Hs00000ItPstAAA\",\"feedElementType\":\"FeedItem\"}"),
        FakeResponse.json(201, "{\"id\":\"00THs00000ItTskAAA\",\"success\":true,\"errors\":[]}"));
  }

  @Override
  protected String expectedExternalId() {
    return "0D5Hs00000ItPstAAA";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/services/data/v66.0/sobjects/Task/");
    assertThat(request.header("Authorization")).hasValue("Bearer " + TOKEN);
    assertThat(request.json().get("WhatId").asText()).isEqualTo("801Hs00000ItOrdAAA");
    assertThat(request.json().get("OwnerId").asText()).isEqualTo("005Hs00000ItOwnAAA");
    assertThat(request.json().get("Subject").asText())
        .isEqualTo("Your order #1001: Titanium White Acrylic 120 ml is on backorder");
  }
}
