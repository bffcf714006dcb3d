package com.backordergateway.plugins.pipedrive;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One Pipedrive instance's settings, read once in {@code open} after the host checked each
 * value's format. What a format cannot say is checked here: exactly one way to sign in (an API
 * token, sent in the {@code x-api-token} header, or an OAuth access token, sent as
 * {@code Bearer}), a base URL without query, and resolution labels other than the Backorder
 * label. {@link #toString()} masks the token; no URL the connector builds carries it.
 *
 * @param baseUrl the company's API host, {@code https://{company-domain}.pipedrive.com} unless set
 * @param token the API token or the OAuth access token
 * @param oauth whether {@code token} is an OAuth access token
 * @param orderFieldKey the 40-character key of the deal custom field that holds the order
 * @param byOrderName whether that field holds the order's name ({@code #1001}) rather than its id
 * @param backorderLabel the label id a backordered deal carries
 * @param restockedLabel the label id a restocked resolution sets, if any
 * @param cancelledLabel the label id a cancelled resolution sets, if any
 * @param activityType the type ({@code key_string}) of the owner's activity, {@code task} by default
 * @param dueInDays when an activity is due if the backorder has no date yet, in days from today
 */
record PipedriveSettings(
    URI baseUrl, String token, boolean oauth, String orderFieldKey, boolean byOrderName, long backorderLabel,
    OptionalLong restockedLabel, OptionalLong cancelledLabel, String activityType, int dueInDays) {

  static final String COMPANY_DOMAIN = "company-domain";
  static final String BASE_URL = "base-url";
  static final String API_TOKEN = "api-token";
  static final String OAUTH_ACCESS_TOKEN = "oauth-access-token";
  static final String ORDER_FIELD_KEY = "order-field-key";
  static final String ORDER_VALUE = "order-value";
  static final String BACKORDER_LABEL_ID = "backorder-label-id";
  static final String RESTOCKED_LABEL_ID = "restocked-label-id";
  static final String CANCELLED_LABEL_ID = "cancelled-label-id";
  static final String ACTIVITY_TYPE = "activity-type";
  static final String ACTIVITY_DUE_DAYS = "activity-due-days";

  private static final SettingFormat LABEL_ID = SettingFormat.integer(1, Long.MAX_VALUE);

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(COMPANY_DOMAIN, SettingFormat.pattern("[A-Za-z0-9][A-Za-z0-9-]{0,62}",
              "the company domain alone: example-crafts for example-crafts.pipedrive.com"),
          "The Pipedrive company's domain.").withExample("example-crafts"),
      SettingSpec.optional(BASE_URL, SettingFormat.url(), null,
          "API host; https://{company-domain}.pipedrive.com when not set (set it for a test server).")
          .withExample("https://example-crafts.pipedrive.com"),
      SettingSpec.optional(API_TOKEN, SettingFormat.secret(), null,
          "A user's personal API token (Personal preferences > API), sent in the x-api-token header; the deals "
              + "are changed as that user. Set this or oauth-access-token."),
      SettingSpec.optional(OAUTH_ACCESS_TOKEN, SettingFormat.secret(), null,
          "An OAuth access token of an app with the deals:full and activities:full scopes, sent as Bearer. Set "
              + "this or api-token."),
      SettingSpec.required(ORDER_FIELD_KEY, SettingFormat.pattern("[0-9a-f]{40}",
              "the deal field's 40-character API key, e.g. 5f1e0c4a9b7d3e2f8a6c1b0d9e8f7a6b5c4d3e2f"),
          "The deal custom field (text) that holds the order, by its API key.")
          .withExample("5f1e0c4a9b7d3e2f8a6c1b0d9e8f7a6b5c4d3e2f"),
      SettingSpec.optional(ORDER_VALUE, SettingFormat.oneOf("order-id", "order-name"), "order-id",
          "What that field holds: the order's id in the shop (order-id) or the name the shop shows, such as "
              + "#1001 (order-name)."),
      SettingSpec.required(BACKORDER_LABEL_ID, LABEL_ID,
          "The deal label a backordered deal gets: the id of an option of the deal Label field.").withExample("12"),
      SettingSpec.optional(RESTOCKED_LABEL_ID, LABEL_ID, null,
          "The deal label a restocked resolution sets in place of the Backorder label; unset, the Backorder "
              + "label is only removed.").withExample("13"),
      SettingSpec.optional(CANCELLED_LABEL_ID, LABEL_ID, null,
          "The deal label a cancelled resolution sets in place of the Backorder label; unset, the Backorder "
              + "label is only removed.").withExample("14"),
      SettingSpec.optional(ACTIVITY_TYPE, SettingFormat.pattern("[A-Za-z0-9_]{1,100}",
              "an activity type's key, such as task, call or email"), "task",
          "Type of the activity the deal's owner gets (the activity type's key_string)."),
      SettingSpec.optional(ACTIVITY_DUE_DAYS, SettingFormat.integer(0, 365), "1",
          "When the owner's activity is due if the backorder has no date yet: this many days from today."));

  PipedriveSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(token, "token is null");
    Objects.requireNonNull(orderFieldKey, "orderFieldKey is null");
    Objects.requireNonNull(restockedLabel, "restockedLabel is null");
    Objects.requireNonNull(cancelledLabel, "cancelledLabel is null");
    Objects.requireNonNull(activityType, "activityType is null");
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static PipedriveSettings from(ConnectorSettings settings) {
    String company = settings.get(COMPANY_DOMAIN).strip().toLowerCase(Locale.ROOT);
    URI baseUrl = settings.find(BASE_URL).isPresent() ? settings.getUrl(BASE_URL)
        : URI.create("https://" + company + ".pipedrive.com");
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new InvalidSettingsException(BASE_URL, "must be a plain http(s) URL such as https://" + company
          + ".pipedrive.com");
    }
    Optional<String> apiToken = settings.find(API_TOKEN).map(String::strip);
    Optional<String> oauthToken = settings.find(OAUTH_ACCESS_TOKEN).map(String::strip);
    if (apiToken.isPresent() == oauthToken.isPresent()) {
      throw new InvalidSettingsException(API_TOKEN, apiToken.isPresent()
          ? "set either api-token or oauth-access-token, not both"
          : "set api-token (an API token) or oauth-access-token (an OAuth app's access token)");
    }
    long backorder = Long.parseLong(settings.get(BACKORDER_LABEL_ID).strip());
    return new PipedriveSettings(baseUrl, apiToken.or(() -> oauthToken).orElseThrow(), oauthToken.isPresent(),
        settings.get(ORDER_FIELD_KEY).strip(), settings.get(ORDER_VALUE).strip().equals("order-name"), backorder,
        resolutionLabel(settings, RESTOCKED_LABEL_ID, backorder), resolutionLabel(settings, CANCELLED_LABEL_ID, backorder),
        settings.get(ACTIVITY_TYPE).strip(), settings.getInt(ACTIVITY_DUE_DAYS));
  }

  /** A resolution label; the Backorder label itself would make the resolution undo its own change. */
  private static OptionalLong resolutionLabel(ConnectorSettings settings, String key, long backorder) {
    Optional<String> configured = settings.find(key);
    if (configured.isEmpty()) {
      return OptionalLong.empty();
    }
    long id = Long.parseLong(configured.get().strip());
    if (id == backorder) {
      throw new InvalidSettingsException(key, "must differ from backorder-label-id: a resolution takes the Backorder "
          + "label off");
    }
    return OptionalLong.of(id);
  }

  /** The URL of {@code path} with {@code query} (values encoded); never a credential in it. */
  URI url(String path, Map<String, String> query) {
    String encoded = query.entrySet().stream()
        .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("&"));
    return URI.create(baseUrl + path + (encoded.isEmpty() ? "" : "?" + encoded));
  }

  /** Signs a request in: {@code x-api-token} with an API token, {@code Authorization: Bearer} with OAuth. */
  HttpRequest.Builder signed(HttpRequest.Builder request) {
    return oauth ? request.header("Authorization", "Bearer " + token) : request.header("x-api-token", token);
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  /** How the instance signs in, for logs. */
  String signIn() {
    return oauth ? "an OAuth access token" : "an API token";
  }

  @Override
  public String toString() {
    return "PipedriveSettings[host=" + host() + (oauth ? ", oauth-access-token=****" : ", api-token=****")
        + ", order-field-key=" + orderFieldKey + ", order-value=" + (byOrderName ? "order-name" : "order-id")
        + ", backorder-label-id=" + backorderLabel
        + restockedLabel.stream().mapToObj(id -> ", restocked-label-id=" + id).findFirst().orElse("")
        + cancelledLabel.stream().mapToObj(id -> ", cancelled-label-id=" + id).findFirst().orElse("")
        + ", activity-type=" + activityType + ", activity-due-days=" + dueInDays + "]";
  }
}
