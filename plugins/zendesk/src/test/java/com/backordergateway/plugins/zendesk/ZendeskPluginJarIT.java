package com.backordergateway.plugins.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/** The packaged Zendesk plugin jar: the testkit's contract, with a ticket opened through the Tickets API. */
class ZendeskPluginJarIT extends PluginJarContract {

  /** base64("support@example-crafts.com/token:it-token-0123456789"). */
  private static final String BASIC = "Basic c3VwcG9ydEBleGFtcGxlLWNyYWZ0cy5jb20vdG9rZW46aXQtdG9rZW4tMDEyMzQ1Njc4OQ==";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.zendesk.ZendeskConnector";
  }

  @Override
  protected String connectorType() {
    return "zendesk";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "subdomain", "example-crafts",
        "email", "support@example-crafts.com", "api-token", "it-token-0123456789");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(201, "{\"ticket\":{\"id\":7001,\"status\":\"new\"},\"audit\":{\"id\":1}}"));
  }

  @Override
  protected String expectedExternalId() {
    return "7001";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v2/tickets");
    assertThat(request.header("Authorization")).hasValue(BASIC);
    assertThat(request.header("Idempotency-Key")).hasValue(SampleNotifications.customerNotice().deliveryId());
    JsonNode ticket = request.json().get("ticket");
    assertThat(ticket.at("/requester/email").asText()).isEqualTo("maya@example.com");
    assertThat(ticket.get("subject").asText()).isEqualTo("Your order #1001: Titanium White Acrylic 120 ml is on backorder");
    assertThat(ticket.at("/comment/body").asText()).startsWith("Hi Maya,");
    assertThat(ticket.get("tags").toString()).contains("backorder", "stock-depleted", "sku_acr-titanium-white");
  }
}
