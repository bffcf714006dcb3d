package com.backordergateway.plugins.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import java.net.URI;
import java.util.Map;

/** The packaged Twilio plugin jar: the testkit's contract, with an SMS sent through Twilio's Messages API. */
class TwilioPluginJarIT extends PluginJarContract {

  private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.twilio.TwilioConnector";
  }

  @Override
  protected String connectorType() {
    return "twilio";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "account-sid", ACCOUNT_SID,
        "auth-token", "it-auth-token-0123456789", "from", "+15005550006");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(201, "{\"sid\":\"SMit0000000000000000000000000001\",\"status\":\"queued\"}"));
  }

  @Override
  protected String expectedExternalId() {
    return "SMit0000000000000000000000000001";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
    assertThat(request.formValue("To")).contains("+14155550123");
    assertThat(request.formValue("Body")).hasValueSatisfying(body -> assertThat(body).startsWith("Hi Maya,"));
  }
}
