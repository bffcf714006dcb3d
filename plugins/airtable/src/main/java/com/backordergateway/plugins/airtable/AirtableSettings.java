package com.backordergateway.plugins.airtable;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Airtable instance's settings: the personal access token, the base and table, the field
 * each fact is written to (by name, as the table shows them), and the pacing shared by every
 * instance on the same base. {@link #toString()} masks the token.
 *
 * @param fields the table's field for each {@link RecordField}, in the order written
 * @param zone where the ETA's day is counted when the customer's zone is not known
 */
record AirtableSettings(URI baseUrl, String token, String baseId, String table, Map<RecordField, String> fields,
    ZoneId zone, int requestsPerSecond) {

  static final String BASE_URL = "base-url";
  static final String ACCESS_TOKEN = "access-token";
  static final String BASE_ID = "base-id";
  static final String TABLE = "table";
  static final String TIME_ZONE = "time-zone";
  static final String REQUESTS_PER_SECOND = "requests-per-second";

  static final List<SettingSpec> SPECS = specs();

  AirtableSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(token, "token is null");
    Objects.requireNonNull(baseId, "baseId is null");
    Objects.requireNonNull(table, "table is null");
    fields = Map.copyOf(fields);
    Objects.requireNonNull(zone, "zone is null");
  }

  private static List<SettingSpec> specs() {
    List<SettingSpec> specs = new ArrayList<>(List.of(
        SettingSpec.required(ACCESS_TOKEN, SettingFormat.secret(20),
            "Personal access token (pat…) with data.records:read and data.records:write on the base."),
        SettingSpec.required(BASE_ID, SettingFormat.pattern("app[A-Za-z0-9]{14}", "a base id: app and 14 letters or digits"),
            "The base, as its URL shows it (airtable.com/app…/…).").withExample("appK3xTm9QbW2Yv7a"),
        SettingSpec.required(TABLE, SettingFormat.text(), "The table: its name or its id (tbl…).")
            .withExample("Backorders"),
        SettingSpec.optional(TIME_ZONE, SettingFormat.text(), "UTC",
            "Zone of the ETA's day when the customer's is not known (staff records): an IANA id."),
        SettingSpec.optional(REQUESTS_PER_SECOND, SettingFormat.integer(1, 5), "5",
            "Requests a second, shared by every instance on the same base (Airtable takes 5 per base)."),
        SettingSpec.optional(BASE_URL, SettingFormat.url(), "https://api.airtable.com",
            "API host; set it only for a test server or a proxy.")));
    for (RecordField field : RecordField.values()) {
      specs.add(SettingSpec.optional(field.settingKey(), SettingFormat.text(), field.defaultName(),
          "Field " + field.meaning() + " is written to."));
    }
    return List.copyOf(specs);
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static AirtableSettings from(ConnectorSettings settings) {
    Map<RecordField, String> fields = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (RecordField field : RecordField.values()) {
      String name = settings.get(field.settingKey()).strip();
      if (name.isEmpty()) {
        throw new InvalidSettingsException(field.settingKey(), "must name a field of the table");
      }
      if (!names.add(name)) {
        throw new InvalidSettingsException(field.settingKey(), "names the same field as another *-field setting");
      }
      fields.put(field, name);
    }
    String table = settings.get(TABLE).strip();
    if (table.isEmpty()) {
      throw new InvalidSettingsException(TABLE, "must name the table");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(settings.get(TIME_ZONE).strip());
    } catch (DateTimeException e) {
      throw new InvalidSettingsException(TIME_ZONE, "must be an IANA time zone such as America/New_York");
    }
    return new AirtableSettings(settings.getUrl(BASE_URL), settings.get(ACCESS_TOKEN).strip(),
        settings.get(BASE_ID).strip(), table, fields, zone, settings.getInt(REQUESTS_PER_SECOND));
  }

  /** {@code PATCH} here upserts records: {@code /v0/{baseId}/{table}}, the table's name encoded. */
  URI recordsUrl() {
    return URI.create(baseUrl + "/v0/" + baseId + "/"
        + URLEncoder.encode(table, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  String field(RecordField field) {
    return fields.get(field);
  }

  @Override
  public String toString() {
    return "AirtableSettings[host=" + baseUrl.getHost() + ", access-token=****, base-id=" + baseId + ", table=" + table
        + ", fields=" + fields + ", time-zone=" + zone + ", requests-per-second=" + requestsPerSecond + "]";
  }
}
