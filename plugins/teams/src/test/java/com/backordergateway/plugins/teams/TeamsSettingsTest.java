package com.backordergateway.plugins.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.testkit.TestConnectorContext;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook URL: both real kinds accepted as written, anything else refused without echoing it. */
class TeamsSettingsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "https://prod-27.westus.logic.azure.com:443/workflows/8d1f3c2a/triggers/manual/paths/invoke?api-version=2016-06-01"
          + "&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Kq3vX9pL2mN7",
      "https://default0a1b2c3d4e5f.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/"
          + "4c9a2e7b/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zx8cV6bN",
      "https://contoso.webhook.office.com/webhookb2/4f2a6c1e@72f988bf/IncomingWebhook/9c1e5d7f/0b1c2d3e/V2abc/"})
  void realUrlsAreKeptExactly(String url) {
    assertThat(parse(url).webhookUrl()).isEqualTo(URI.create(url));
    assertThat(parse(url).webhookUrl().toString()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "contoso.webhook.office.com/webhookb2/secret-part", "ftp://contoso.webhook.office.com/secret-part",
      "https://user:secret-part@contoso.webhook.office.com/x", "https://contoso webhook/secret-part", "/secret-part"})
  void otherValuesAreRefusedWithoutEchoingThem(String url) {
    assertThatThrownBy(() -> parse(url)).isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
      assertThat(e.key()).isEqualTo("webhook-url");
      assertThat(e.getMessage()).contains("http(s) URL").doesNotContain("secret-part");
    });
  }

  @Test
  void printedSettingsShowTheHostOnly() {
    TeamsSettings settings = parse("https://prod-27.westus.logic.azure.com/workflows/8d1f/invoke?sig=Kq3vX9pL2mN7");
    assertThat(settings.toString())
        .isEqualTo("TeamsSettings[host=prod-27.westus.logic.azure.com, webhook-url=****]");
    assertThat(settings.host()).isEqualTo("prod-27.westus.logic.azure.com");
  }

  @Test
  void openingLogsTheHostButNotTheUrl() {
    TestConnectorContext context = TestConnectorContext.create();
    new TeamsConnector().open(settings("https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/x/y"),
        context);
    assertThat(context.loggedLines()).singleElement().asString()
        .contains("contoso.webhook.office.com").doesNotContain("webhookb2");
  }

  private static TeamsSettings parse(String url) {
    return TeamsSettings.from(settings(url));
  }

  private static ConnectorSettings settings(String url) {
    return ConnectorSettings.of(Map.of("webhook-url", url), TeamsSettings.SPECS);
  }
}
