package com.backordergateway.plugins.trello;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One Trello instance's settings: the Power-Up's API key and a member's token (both sent as query
 * parameters, as Trello takes them, and both masked), the Backorder and Resolved lists, and what
 * a new card carries. {@link #toString()} masks the key and the token.
 *
 * @param backorderList where each case's card is created
 * @param resolvedList where a resolution moves it
 * @param archiveOnResolution also archive ({@code closed}) the card when the case is over
 * @param labelIds labels every new card gets
 * @param memberIds members every new card gets, so Trello notifies them
 */
record TrelloSettings(URI baseUrl, String apiKey, String token, String backorderList, String resolvedList,
    boolean archiveOnResolution, List<String> labelIds, List<String> memberIds, int requestsPer10s) {

  static final String BASE_URL = "base-url";
  static final String API_KEY = "api-key";
  static final String TOKEN = "token";
  static final String BACKORDER_LIST_ID = "backorder-list-id";
  static final String RESOLVED_LIST_ID = "resolved-list-id";
  static final String ARCHIVE_ON_RESOLUTION = "archive-on-resolution";
  static final String LABEL_IDS = "label-ids";
  static final String MEMBER_IDS = "member-ids";
  static final String REQUESTS_PER_10S = "requests-per-10s";

  /** Trello's object ids: 24 hex digits. */
  static final String OBJECT_ID = "[0-9a-f]{24}";

  private static final SettingFormat ID = SettingFormat.pattern(OBJECT_ID, "a Trello id: 24 hex digits");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(API_KEY, SettingFormat.pattern("[0-9a-f]{32}", "a Trello API key: 32 hex digits"),
          "The Power-Up's API key (trello.com/power-ups/admin → API key).").masked(),
      SettingSpec.required(TOKEN, SettingFormat.secret(32),
          "A token the board's member authorised for the key, with read and write scope."),
      SettingSpec.required(BACKORDER_LIST_ID, ID, "The list each case's card is created on.")
          .withExample("65f1c0ffee0ddba11a5e0001"),
      SettingSpec.required(RESOLVED_LIST_ID, ID, "The list a resolution moves the card to.")
          .withExample("65f1c0ffee0ddba11a5e0002"),
      SettingSpec.optional(ARCHIVE_ON_RESOLUTION, SettingFormat.bool(), "false",
          "Also archive the card when the case is restocked or cancelled."),
      SettingSpec.optional(LABEL_IDS, SettingFormat.list(ID), null, "Labels every new card gets."),
      SettingSpec.optional(MEMBER_IDS, SettingFormat.list(ID), null,
          "Members every new card gets; Trello notifies them of the card and its comments."),
      SettingSpec.optional(REQUESTS_PER_10S, SettingFormat.integer(10, 100), "90",
          "Requests in any 10 seconds, shared by every instance with the same token (Trello takes 100)."),
      SettingSpec.optional(BASE_URL, SettingFormat.url(), "https://api.trello.com",
          "API host; set it only for a test server or a proxy."));

  TrelloSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(apiKey, "apiKey is null");
    Objects.requireNonNull(token, "token is null");
    Objects.requireNonNull(backorderList, "backorderList is null");
    Objects.requireNonNull(resolvedList, "resolvedList is null");
    labelIds = List.copyOf(labelIds);
    memberIds = List.copyOf(memberIds);
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static TrelloSettings from(ConnectorSettings settings) {
    String backorder = settings.get(BACKORDER_LIST_ID).strip();
    String resolved = settings.get(RESOLVED_LIST_ID).strip();
    if (backorder.equals(resolved)) {
      throw new InvalidSettingsException(RESOLVED_LIST_ID, "must be another list than backorder-list-id");
    }
    return new TrelloSettings(settings.getUrl(BASE_URL), settings.get(API_KEY).strip(), settings.get(TOKEN).strip(),
        backorder, resolved, settings.getBoolean(ARCHIVE_ON_RESOLUTION), settings.getList(LABEL_IDS),
        settings.getList(MEMBER_IDS), settings.getInt(REQUESTS_PER_10S));
  }

  /**
   * {@code /1/<path>} with the key and token as query parameters, as Trello authenticates; every
   * other field travels in the JSON body, which Trello reads in place of query parameters. The
   * result holds both secrets: it is sent, never logged nor put into a message.
   */
  URI url(String path) {
    return URI.create(baseUrl + "/1/" + path + "?key=" + apiKey + "&token=" + token);
  }

  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "TrelloSettings[host=" + host() + ", api-key=****, token=****, backorder-list-id=" + backorderList
        + ", resolved-list-id=" + resolvedList + ", archive-on-resolution=" + archiveOnResolution
        + ", label-ids=" + labelIds + ", member-ids=" + memberIds + ", requests-per-10s=" + requestsPer10s + "]";
  }
}
