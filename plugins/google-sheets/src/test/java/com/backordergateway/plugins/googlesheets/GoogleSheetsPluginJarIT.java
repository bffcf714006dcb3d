package com.backordergateway.plugins.googlesheets;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.SampleNotifications;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/**
 * The packaged Google Sheets plugin jar: the testkit's contract, with a service account's token
 * fetched and a row appended through the Sheets API, and the shipped one-line templates.
 */
class GoogleSheetsPluginJarIT extends PluginJarContract {

  private static final String SPREADSHEET = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.googlesheets.GoogleSheetsConnector";
  }

  @Override
  protected String connectorType() {
    return "google-sheets";
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("service-account-key", TestServiceAccount.keyFile(platformUrl), "spreadsheet-id", SPREADSHEET,
        "base-url", platformUrl.toString(), "sheet", "Backorders", "columns", "timestamp, trigger, sku, order, message");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200, "{\"access_token\":\"ya29.it-token-0001\",\"expires_in\":3599}"),
        FakeResponse.json(200, "{\"spreadsheetId\":\"" + SPREADSHEET + "\",\"updates\":{\"updatedRange\":"
            + "\"Backorders!A2:E2\",\"updatedRows\":1}}"));
  }

  @Override
  protected String expectedExternalId() {
    return "Backorders!A2:E2";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo("/v4/spreadsheets/" + SPREADSHEET + "/values/%27Backorders%27:append");
    assertThat(request.queryParameter("valueInputOption")).hasValue("USER_ENTERED");
    assertThat(request.queryParameter("insertDataOption")).hasValue("INSERT_ROWS");
    assertThat(request.header("Authorization")).hasValue("Bearer ya29.it-token-0001");
    JsonNode row = request.json().at("/values/0");
    assertThat(row).hasSize(5);
    assertThat(row.get(0).asText()).isEqualTo("2026-03-02 09:30:00");
    assertThat(row.get(1).asText()).isEqualTo("'stock-depleted");
    assertThat(row.get(2).asText()).isEqualTo("'ACR-TITANIUM-WHITE");
    assertThat(row.get(3).asText()).isEqualTo("'#1001");
    assertThat(row.get(4).asText()).isEqualTo("'" + SampleNotifications.customerNotice().message().body());
  }
}
