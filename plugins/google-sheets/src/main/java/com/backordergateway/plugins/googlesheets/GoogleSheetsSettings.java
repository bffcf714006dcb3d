package com.backordergateway.plugins.googlesheets;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Google Sheets instance's settings, read once in {@code open} after the host checked each
 * value's format. Checked here what a format cannot say: exactly one way to write (a service
 * account's JSON key with the spreadsheet's id, or an Apps Script web app's URL), a readable key,
 * a known time zone and no column listed twice. {@link #toString()} shows neither the key nor the
 * web app's URL (anyone holding it can add rows).
 *
 * @param serviceAccount the Sheets API mode's signer, or empty in the web app mode
 * @param spreadsheetId the spreadsheet rows are appended to (Sheets API mode)
 * @param webAppUrl the Apps Script web app's {@code /exec} URL (web app mode)
 * @param baseUrl the Sheets API host, {@code https://sheets.googleapis.com} unless set
 * @param sheet the tab rows go to
 * @param columns what each cell of a row holds, in order
 * @param zone the store's time zone: the timestamp and the ETA are written in it
 */
record GoogleSheetsSettings(
    Optional<ServiceAccountKey> serviceAccount, Optional<String> spreadsheetId, Optional<URI> webAppUrl, URI baseUrl,
    String sheet, List<SheetColumn> columns, ZoneId zone) {

  static final String SERVICE_ACCOUNT_KEY = "service-account-key";
  static final String SPREADSHEET_ID = "spreadsheet-id";
  static final String WEB_APP_URL = "web-app-url";
  static final String BASE_URL = "base-url";
  static final String SHEET = "sheet";
  static final String COLUMNS = "columns";
  static final String TIME_ZONE = "time-zone";

  static final String DEFAULT_COLUMNS =
      "timestamp, trigger, purpose, sku, product, order, customer, eta, status, case_id, delivery_id, message";

  static final List<SettingSpec> SPECS = List.of(
      // Text, masked: a JSON key has spaces and line breaks, which the secret format refuses.
      SettingSpec.optional(SERVICE_ACCOUNT_KEY, SettingFormat.text(), null,
          "Sheets API mode: the service account's JSON key as downloaded from Google Cloud, given as "
              + "${file:/run/secrets/sa.json}. Set it with spreadsheet-id, or set web-app-url instead.").masked(),
      SettingSpec.optional(SPREADSHEET_ID, SettingFormat.pattern("[A-Za-z0-9_-]{20,100}",
              "the id in the spreadsheet's URL, between /d/ and /edit"), null,
          "Sheets API mode: the spreadsheet, shared with the service account's client_email as an editor.")
          .withExample("1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms"),
      SettingSpec.optional(WEB_APP_URL, SettingFormat.url(), null,
          "Apps Script mode: the web app's URL, https://script.google.com/macros/s/{id}/exec (masked: anyone "
              + "holding it can add rows). Set it instead of service-account-key.").masked(),
      SettingSpec.optional(BASE_URL, SettingFormat.url(), "https://sheets.googleapis.com",
          "Sheets API host; set it only for a test server or a proxy."),
      SettingSpec.optional(SHEET, SettingFormat.text(), "Sheet1", "The tab rows are appended to.")
          .withExample("Backorders"),
      SettingSpec.optional(COLUMNS, SettingFormat.list(SettingFormat.oneOf(SheetColumn.names())), DEFAULT_COLUMNS,
          "What each cell of a row holds, in order. reason and note are staff-only: empty on rows of customer "
              + "deliveries.").withExample("timestamp, trigger, sku, order, eta, status"),
      SettingSpec.optional(TIME_ZONE, SettingFormat.text(), "UTC",
          "The store's time zone (the spreadsheet's own, File > Settings): timestamp and eta are written in it.")
          .withExample("America/Chicago"));

  GoogleSheetsSettings {
    Objects.requireNonNull(serviceAccount, "serviceAccount is null");
    Objects.requireNonNull(spreadsheetId, "spreadsheetId is null");
    Objects.requireNonNull(webAppUrl, "webAppUrl is null");
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(sheet, "sheet is null");
    columns = List.copyOf(columns);
    Objects.requireNonNull(zone, "zone is null");
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static GoogleSheetsSettings from(ConnectorSettings settings) {
    Optional<String> key = settings.find(SERVICE_ACCOUNT_KEY).filter(v -> !v.isBlank());
    Optional<String> spreadsheet = settings.find(SPREADSHEET_ID).map(String::strip);
    Optional<URI> webApp = settings.find(WEB_APP_URL).map(v -> settings.getEndpoint(WEB_APP_URL));
    if (key.isPresent() && webApp.isPresent()) {
      throw new InvalidSettingsException(WEB_APP_URL, "set either web-app-url or service-account-key, not both");
    }
    if (key.isEmpty() && webApp.isEmpty()) {
      throw new InvalidSettingsException(SERVICE_ACCOUNT_KEY,
          "set service-account-key with spreadsheet-id (Sheets API) or web-app-url (Apps Script web app)");
    }
    if (key.isPresent() && spreadsheet.isEmpty()) {
      throw new InvalidSettingsException(SPREADSHEET_ID, "required with service-account-key");
    }
    if (webApp.isPresent() && spreadsheet.isPresent()) {
      throw new InvalidSettingsException(SPREADSHEET_ID,
          "is for service-account-key; the web app writes to the spreadsheet its script belongs to");
    }
    String sheet = settings.get(SHEET).strip();
    if (sheet.isEmpty() || sheet.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSettingsException(SHEET, "must be a tab name without control characters");
    }
    return new GoogleSheetsSettings(key.map(k -> ServiceAccountKey.parse(k, SERVICE_ACCOUNT_KEY)), spreadsheet,
        webApp, settings.getUrl(BASE_URL), sheet, columns(settings), zone(settings));
  }

  private static List<SheetColumn> columns(ConnectorSettings settings) {
    List<SheetColumn> columns = new ArrayList<>();
    for (String name : settings.getList(COLUMNS)) {
      SheetColumn column = SheetColumn.named(name);
      if (columns.contains(column)) {
        throw new InvalidSettingsException(COLUMNS, "column " + name + " is listed twice");
      }
      columns.add(column);
    }
    return columns;
  }

  private static ZoneId zone(ConnectorSettings settings) {
    try {
      return ZoneId.of(settings.get(TIME_ZONE).strip());
    } catch (DateTimeException e) {
      throw new InvalidSettingsException(TIME_ZONE, "must be a time zone id such as America/Chicago or UTC");
    }
  }

  /**
   * {@code POST} here appends one row: the tab as an A1 range (quoted, so any tab name works),
   * percent-encoded as one path segment, with the values parsed as typed and new rows inserted.
   */
  URI appendUrl() {
    String range = "'" + sheet.replace("'", "''") + "'";
    String segment = URLEncoder.encode(range, StandardCharsets.UTF_8).replace("+", "%20");
    return URI.create(baseUrl + "/v4/spreadsheets/" + spreadsheetId.orElseThrow() + "/values/" + segment
        + ":append?valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS");
  }

  /** Where rows go, for logs: the Sheets API host and spreadsheet, or "an Apps Script web app". */
  String target() {
    return spreadsheetId.map(id -> "spreadsheet " + id + " on " + baseUrl.getHost()).orElse("an Apps Script web app")
        + ", sheet '" + sheet + "'";
  }

  @Override
  public String toString() {
    return "GoogleSheetsSettings[" + target()
        + serviceAccount.map(account -> ", service account " + account.clientEmail() + ", key ****").orElse("")
        + webAppUrl.map(url -> ", web-app-url=****").orElse("")
        + ", columns=" + Arrays.toString(columns.stream().map(SheetColumn::label).toArray()) + ", time-zone=" + zone + "]";
  }
}
