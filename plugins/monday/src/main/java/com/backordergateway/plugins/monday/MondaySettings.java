package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One monday.com instance's settings, read once in {@code open} after the host checked each
 * value's format. What a format cannot say is checked here: no column is named by two settings,
 * the time zone exists, and mentions are only asked of an API version that has them
 * ({@code mentions_list} of {@code create_update} arrived in 2025-07). {@link #toString()} masks
 * the token.
 *
 * @param baseUrl the API host, {@code https://api.monday.com} unless set; GraphQL is at {@code /v2}
 * @param apiToken sent as the bare {@code Authorization} header value, as monday.com expects
 * @param apiVersion the {@code API-Version} header, e.g. {@code 2025-10}
 * @param boardId the board items are created on
 * @param groupId the group new items go to; the board's top group when empty
 * @param statusColumnId the status column the backorder state is written to
 * @param labels the status labels of the four backorder states
 * @param ownerIds the users every update @mentions (monday.com notifies them)
 * @param skuColumnId a text column for the SKU, if set
 * @param orderColumnId a text column for the order, if set
 * @param etaColumnId a date column for the expected day, if set
 * @param zone the store's time zone: the expected day of staff items is the day in it
 */
record MondaySettings(
    URI baseUrl, String apiToken, String apiVersion, String boardId, Optional<String> groupId, String statusColumnId,
    StatusLabels labels, List<String> ownerIds, Optional<String> skuColumnId, Optional<String> orderColumnId,
    Optional<String> etaColumnId, ZoneId zone) {

  static final String BASE_URL = "base-url";
  static final String API_TOKEN = "api-token";
  static final String API_VERSION = "api-version";
  static final String BOARD_ID = "board-id";
  static final String GROUP_ID = "group-id";
  static final String STATUS_COLUMN_ID = "status-column-id";
  static final String BACKORDERED_LABEL = "backordered-label";
  static final String DELAYED_LABEL = "delayed-label";
  static final String RESTOCKED_LABEL = "restocked-label";
  static final String CANCELLED_LABEL = "cancelled-label";
  static final String OWNER_USER_IDS = "owner-user-ids";
  static final String SKU_COLUMN_ID = "sku-column-id";
  static final String ORDER_COLUMN_ID = "order-column-id";
  static final String ETA_COLUMN_ID = "eta-column-id";
  static final String TIME_ZONE = "time-zone";

  static final String DEFAULT_BASE_URL = "https://api.monday.com";
  /** A current version with {@code mentions_list}; 2024-10 and 2025-01 were retired on February 15, 2026. */
  static final String DEFAULT_API_VERSION = "2025-10";
  /** The first version whose {@code create_update} takes {@code mentions_list}. */
  static final String MENTIONS_SINCE = "2025-07";

  private static final SettingFormat COLUMN_ID = SettingFormat.pattern("[A-Za-z0-9_-]{1,100}",
      "a column id as the board shows it (column menu > Settings > Column ID), e.g. status or date4");
  private static final SettingFormat LABEL = SettingFormat.pattern("[^\\r\\n]{1,100}",
      "a status label exactly as the column spells it, on one line");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(API_TOKEN, SettingFormat.secret(),
          "A monday.com API token (personal token from the Developer Center, or an app's), sent as the "
              + "Authorization header; its user must be able to create items and updates on the board."),
      SettingSpec.required(BOARD_ID, SettingFormat.integer(1, Long.MAX_VALUE),
          "The board items are created on: the number in the board's URL (…/boards/1234567890).")
          .withExample("1234567890"),
      SettingSpec.optional(GROUP_ID, SettingFormat.pattern("[A-Za-z0-9_-]{1,100}", "a group id such as topics"), null,
          "The group new items go to (group menu > Copy group ID); the board's top group when not set.")
          .withExample("topics"),
      SettingSpec.required(STATUS_COLUMN_ID, COLUMN_ID,
          "The status column the backorder state is written to.").withExample("status"),
      SettingSpec.optional(BACKORDERED_LABEL, LABEL, "Backorder", "Status label of a case that just opened."),
      SettingSpec.optional(DELAYED_LABEL, LABEL, "Delayed", "Status label once the date slipped or the supplier is late."),
      SettingSpec.optional(RESTOCKED_LABEL, LABEL, "Restocked", "Status label of a case that ended with the item back."),
      SettingSpec.optional(CANCELLED_LABEL, LABEL, "Cancelled", "Status label of a case that ended without it."),
      SettingSpec.optional(OWNER_USER_IDS, SettingFormat.list(SettingFormat.integer(1, Long.MAX_VALUE)), null,
          "monday.com user ids every update @mentions, comma-separated; monday.com notifies each of them.")
          .withExample("12345678, 23456789"),
      SettingSpec.optional(SKU_COLUMN_ID, COLUMN_ID, null, "A text column new items get the SKU in.")
          .withExample("text_sku"),
      SettingSpec.optional(ORDER_COLUMN_ID, COLUMN_ID, null, "A text column new items get the order (#1001) in.")
          .withExample("text_order"),
      SettingSpec.optional(ETA_COLUMN_ID, COLUMN_ID, null,
          "A date column kept at the expected day: set on new items and moved by ETA corrections.")
          .withExample("date4"),
      SettingSpec.optional(TIME_ZONE, SettingFormat.pattern("[A-Za-z][A-Za-z0-9_+\\-/]*",
              "a time zone such as America/Chicago or UTC"), "UTC",
          "The store's time zone: the expected day is the day in it (a customer's own zone for customer items).")
          .withExample("America/Chicago"),
      SettingSpec.optional(API_VERSION, SettingFormat.pattern("20[2-9][0-9]-(01|04|07|10)",
              "a monday.com API version, YYYY-MM with MM 01, 04, 07 or 10"), DEFAULT_API_VERSION,
          "The API-Version header. Mentions need " + MENTIONS_SINCE + " or later."),
      SettingSpec.optional(BASE_URL, SettingFormat.url(), DEFAULT_BASE_URL,
          "monday.com API host; the GraphQL endpoint is {base-url}/v2 (set it for a test server)."));

  MondaySettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(apiToken, "apiToken is null");
    Objects.requireNonNull(apiVersion, "apiVersion is null");
    Objects.requireNonNull(boardId, "boardId is null");
    Objects.requireNonNull(groupId, "groupId is null");
    Objects.requireNonNull(statusColumnId, "statusColumnId is null");
    Objects.requireNonNull(labels, "labels is null");
    ownerIds = List.copyOf(ownerIds);
    Objects.requireNonNull(skuColumnId, "skuColumnId is null");
    Objects.requireNonNull(orderColumnId, "orderColumnId is null");
    Objects.requireNonNull(etaColumnId, "etaColumnId is null");
    Objects.requireNonNull(zone, "zone is null");
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static MondaySettings from(ConnectorSettings settings) {
    String apiToken = settings.get(API_TOKEN).strip();
    String boardId = Long.toString(Long.parseLong(settings.get(BOARD_ID).strip()));
    String statusColumnId = settings.get(STATUS_COLUMN_ID).strip();
    List<String> ownerIds = settings.getList(OWNER_USER_IDS).stream()
        .map(id -> Long.toString(Long.parseLong(id))).distinct().toList();
    String apiVersion = settings.get(API_VERSION).strip();
    if (!ownerIds.isEmpty() && apiVersion.compareTo(MENTIONS_SINCE) < 0) {
      throw new InvalidSettingsException(API_VERSION, "must be " + MENTIONS_SINCE + " or later to mention "
          + OWNER_USER_IDS + " (create_update takes mentions_list since " + MENTIONS_SINCE + ")");
    }
    StatusLabels labels = new StatusLabels(settings.get(BACKORDERED_LABEL).strip(), settings.get(DELAYED_LABEL).strip(),
        settings.get(RESTOCKED_LABEL).strip(), settings.get(CANCELLED_LABEL).strip());
    Map<String, String> columnsInUse = new HashMap<>(Map.of(statusColumnId, STATUS_COLUMN_ID));
    return new MondaySettings(settings.getUrl(BASE_URL), apiToken, apiVersion, boardId,
        settings.find(GROUP_ID).map(String::strip), statusColumnId, labels, ownerIds,
        column(settings, SKU_COLUMN_ID, columnsInUse), column(settings, ORDER_COLUMN_ID, columnsInUse),
        column(settings, ETA_COLUMN_ID, columnsInUse), zone(settings));
  }

  /** An optional column setting; refused when an earlier setting already names the same column. */
  private static Optional<String> column(ConnectorSettings settings, String key, Map<String, String> columnsInUse) {
    Optional<String> column = settings.find(key).map(String::strip);
    column.ifPresent(id -> {
      String other = columnsInUse.putIfAbsent(id, key);
      if (other != null) {
        throw new InvalidSettingsException(key, "names the column " + other + " already writes");
      }
    });
    return column;
  }

  private static ZoneId zone(ConnectorSettings settings) {
    try {
      return ZoneId.of(settings.get(TIME_ZONE).strip());
    } catch (DateTimeException unknown) {
      throw new InvalidSettingsException(TIME_ZONE, "is not a time zone; use a name such as America/Chicago");
    }
  }

  /** {@code POST} here runs a GraphQL query or mutation. */
  URI graphqlUrl() {
    return URI.create(baseUrl + "/v2");
  }

  /** The API host (and port), for logs. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "MondaySettings[host=" + host() + ", api-token=****, api-version=" + apiVersion + ", board=" + boardId
        + groupId.map(id -> ", group=" + id).orElse("") + ", status-column=" + statusColumnId + ", labels=" + labels
        + ", owners=" + ownerIds + skuColumnId.map(id -> ", sku-column=" + id).orElse("")
        + orderColumnId.map(id -> ", order-column=" + id).orElse("")
        + etaColumnId.map(id -> ", eta-column=" + id).orElse("") + ", time-zone=" + zone + "]";
  }
}
