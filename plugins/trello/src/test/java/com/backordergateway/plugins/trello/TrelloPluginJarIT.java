package com.backordergateway.plugins.trello;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import java.net.URI;
import java.util.Map;

/** The packaged Trello plugin jar: the testkit's contract, with a customer notice as a new card. */
class TrelloPluginJarIT extends PluginJarContract {

  private static final String TOKEN = "ATTAit0123456789abcdef0123456789abcdef0123456789abcdef";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.trello.TrelloConnector";
  }

  @Override
  protected String connectorType() {
    return "trello";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "api-key", "0123456789abcdef0123456789abcdef", "token", TOKEN,
        "backorder-list-id", "65f1c0ffee0ddba11a5e0001", "resolved-list-id", "65f1c0ffee0ddba11a5e0002");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200, "{\"id\":\"65f1c0ffee0ddba11a5ec0de\",\"shortUrl\":\"https://trello.com/c/AbC123\"}"));
  }

  @Override
  protected String expectedExternalId() {
    return "65f1c0ffee0ddba11a5ec0de";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/1/cards");
    assertThat(request.queryParameter("token")).hasValue(TOKEN);
    assertThat(request.json().get("idList").asText()).isEqualTo("65f1c0ffee0ddba11a5e0001");
    assertThat(request.json().get("name").asText()).isEqualTo(sample().message().subject());
  }
}
