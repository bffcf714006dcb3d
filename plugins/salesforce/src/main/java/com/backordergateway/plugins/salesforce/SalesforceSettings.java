package com.backordergateway.plugins.salesforce;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One Salesforce instance's settings, read once in {@code open} after the host checked each
 * value's format: the org's My Domain, the OAuth client (client credentials, or a refresh token
 * when one is set), the API version, how an Order is found, what the follow-up Task looks like and
 * where staff alerts and unmatched notices are posted. {@link #toString()} masks the client
 * secret and the refresh token.
 *
 * @param baseUrl the org's My Domain, {@code https://{my-domain}.my.salesforce.com} unless set:
 *     the token endpoint and the REST API both live there
 * @param refreshToken set for the refresh-token flow; empty for client credentials
 * @param apiVersion e.g. {@code v66.0}
 * @param orderField the Order field matched: {@code OrderNumber} or an external-id field
 * @param orderFact the notification value matched against it: {@code order_id} or {@code order_name}
 * @param taskOwnerId who owns follow-up Tasks, if not the Order's owner
 * @param taskDueDays without an ETA, a Task is due this many days after today
 * @param staffSubjectId the group, record or user whose feed staff notices are posted to
 * @param fallbackSubjectId where a customer notice goes when no Order matches; empty: refused
 * @param limitWait how long to wait after the org's 24-hour API allocation ran out
 */
record SalesforceSettings(
    URI baseUrl, String clientId, String clientSecret, Optional<String> refreshToken, String apiVersion,
    String orderField, String orderFact, Optional<String> taskOwnerId, int taskDueDays, String taskStatus,
    String taskCompletedStatus, String taskPriority, Optional<String> staffSubjectId,
    Optional<String> fallbackSubjectId, Duration limitWait) {

  static final String MY_DOMAIN = "my-domain";
  static final String BASE_URL = "base-url";
  static final String CLIENT_ID = "client-id";
  static final String CLIENT_SECRET = "client-secret";
  static final String REFRESH_TOKEN = "refresh-token";
  static final String API_VERSION = "api-version";
  static final String ORDER_FIELD = "order-field";
  static final String ORDER_FACT = "order-fact";
  static final String TASK_OWNER_ID = "task-owner-id";
  static final String TASK_DUE_DAYS = "task-due-days";
  static final String TASK_STATUS = "task-status";
  static final String TASK_COMPLETED_STATUS = "task-completed-status";
  static final String TASK_PRIORITY = "task-priority";
  static final String STAFF_SUBJECT_ID = "staff-subject-id";
  static final String FALLBACK_SUBJECT_ID = "fallback-subject-id";
  static final String LIMIT_WAIT = "limit-wait";

  /**
   * Spring '26. Summer '26 (v67.0) reaches orgs in stages, and an org answers a version it does
   * not have yet with 404, so the default is the newest version every org has.
   */
  static final String DEFAULT_API_VERSION = "v66.0";

  /** A record, group or user id: 15 characters, or 18 with the case-safe suffix. */
  static final String RECORD_ID = "[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(MY_DOMAIN, SettingFormat.pattern("[A-Za-z0-9][A-Za-z0-9-]{0,79}(\\.[a-z]+)?",
              "the My Domain name, the host before .my.salesforce.com: example-crafts, or "
                  + "example-crafts--uat.sandbox for a sandbox"),
          "The org's My Domain; the client credentials flow works only there, not on login.salesforce.com.")
          .withExample("example-crafts"),
      SettingSpec.optional(BASE_URL, SettingFormat.url(), null,
          "Org host; https://{my-domain}.my.salesforce.com when not set (set it for a test server).")
          .withExample("https://example-crafts.my.salesforce.com"),
      SettingSpec.required(CLIENT_ID, SettingFormat.pattern("[A-Za-z0-9._-]+", "the consumer key, no spaces"),
          "Consumer key of the External Client App (or connected app).").withExample("3MVG9rZjd7MXFdLhY0rD2k"),
      SettingSpec.required(CLIENT_SECRET, SettingFormat.secret(), "Consumer secret of the app."),
      SettingSpec.optional(REFRESH_TOKEN, SettingFormat.secret(), null,
          "Refresh-token flow: a refresh token issued to the app for the user the posts are made as. "
              + "Not set: the client credentials flow, as the app's run-as user."),
      SettingSpec.optional(API_VERSION, SettingFormat.pattern("v[1-9][0-9]{1,2}\\.0", "an API version such as v66.0"),
          DEFAULT_API_VERSION, "REST API version of every call."),
      SettingSpec.optional(ORDER_FIELD, SettingFormat.pattern("[A-Za-z][A-Za-z0-9_]{0,79}",
              "a field API name such as OrderNumber or Shop_Order_Id__c"), "OrderNumber",
          "Order field the shop's order is matched on: OrderNumber, or an external-id field.")
          .withExample("Shop_Order_Id__c"),
      SettingSpec.optional(ORDER_FACT, SettingFormat.oneOf("order_id", "order_name"), "order_id",
          "What is matched against order-field: the shop's order id or the order name it shows (#1001)."),
      SettingSpec.optional(TASK_OWNER_ID, SettingFormat.pattern("005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?",
              "a User id: 005 and 12 or 15 more letters and digits"), null,
          "Owner of the follow-up Tasks; the Order's owner when not set.").withExample("005Hs00000AbCdEIAV"),
      SettingSpec.optional(TASK_DUE_DAYS, SettingFormat.integer(0, 365), "3",
          "Without an ETA a Task is due this many days from today (the customer's day)."),
      SettingSpec.optional(TASK_STATUS, SettingFormat.text(), "Not Started", "Status of new Tasks."),
      SettingSpec.optional(TASK_COMPLETED_STATUS, SettingFormat.text(), "Completed",
          "Status a resolution sets; a closed status of the org's Task Status picklist."),
      SettingSpec.optional(TASK_PRIORITY, SettingFormat.text(), "Normal", "Priority of new Tasks."),
      SettingSpec.optional(STAFF_SUBJECT_ID, SettingFormat.pattern(RECORD_ID, "a Chatter group, record or user id "
              + "of 15 or 18 letters and digits"), null,
          "Feed staff notices are posted to, e.g. a Chatter group. Required for routes that send staff notices.")
          .withExample("0F9Hs000000AbCdKAK"),
      SettingSpec.optional(FALLBACK_SUBJECT_ID, SettingFormat.pattern(RECORD_ID, "a Chatter group, record or user "
              + "id of 15 or 18 letters and digits"), null,
          "Feed a customer notice is posted to when no Order matches; not set, such a notice is refused.")
          .withExample("0F9Hs000000XyZwKAK"),
      SettingSpec.optional(LIMIT_WAIT, SettingFormat.duration(Duration.ofMinutes(1), Duration.ofHours(24)), "PT1H",
          "Wait before retrying when the org's rolling 24-hour API allocation is used up."));

  SalesforceSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(clientId, "clientId is null");
    Objects.requireNonNull(clientSecret, "clientSecret is null");
    Objects.requireNonNull(refreshToken, "refreshToken is null");
    Objects.requireNonNull(apiVersion, "apiVersion is null");
    Objects.requireNonNull(orderField, "orderField is null");
    Objects.requireNonNull(orderFact, "orderFact is null");
    Objects.requireNonNull(taskOwnerId, "taskOwnerId is null");
    Objects.requireNonNull(taskStatus, "taskStatus is null");
    Objects.requireNonNull(taskCompletedStatus, "taskCompletedStatus is null");
    Objects.requireNonNull(taskPriority, "taskPriority is null");
    Objects.requireNonNull(staffSubjectId, "staffSubjectId is null");
    Objects.requireNonNull(fallbackSubjectId, "fallbackSubjectId is null");
    Objects.requireNonNull(limitWait, "limitWait is null");
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static SalesforceSettings from(ConnectorSettings settings) {
    String myDomain = settings.get(MY_DOMAIN).strip().toLowerCase(Locale.ROOT);
    URI baseUrl = settings.find(BASE_URL).isPresent() ? settings.getUrl(BASE_URL)
        : URI.create("https://" + myDomain + ".my.salesforce.com");
    return new SalesforceSettings(baseUrl, settings.get(CLIENT_ID).strip(), settings.get(CLIENT_SECRET).strip(),
        settings.find(REFRESH_TOKEN).map(String::strip), settings.get(API_VERSION).strip(),
        settings.get(ORDER_FIELD).strip(), settings.get(ORDER_FACT).strip(),
        settings.find(TASK_OWNER_ID).map(String::strip), settings.getInt(TASK_DUE_DAYS),
        settings.get(TASK_STATUS).strip(), settings.get(TASK_COMPLETED_STATUS).strip(),
        settings.get(TASK_PRIORITY).strip(), settings.find(STAFF_SUBJECT_ID).map(String::strip),
        settings.find(FALLBACK_SUBJECT_ID).map(String::strip), settings.getDuration(LIMIT_WAIT));
  }

  /** {@code POST} here (form-encoded) gives an access token. */
  URI tokenUrl() {
    return URI.create(baseUrl + "/services/oauth2/token");
  }

  /** {@code GET} here runs the SOQL query {@code soql}. */
  URI queryUrl(String soql) {
    return URI.create(dataUrl() + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
  }

  /** {@code POST} here posts a Chatter feed item. */
  URI feedElementsUrl() {
    return URI.create(dataUrl() + "/chatter/feed-elements");
  }

  /** {@code POST} here creates a Task. */
  URI tasksUrl() {
    return URI.create(dataUrl() + "/sobjects/Task/");
  }

  /** {@code PATCH} here updates Task {@code id}. */
  URI taskUrl(String id) {
    return URI.create(dataUrl() + "/sobjects/Task/" + id);
  }

  private String dataUrl() {
    return baseUrl + "/services/data/" + apiVersion;
  }

  /** The org host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  /** The OAuth flow, for logs. */
  String flow() {
    return refreshToken.isPresent() ? "refresh token" : "client credentials";
  }

  @Override
  public String toString() {
    return "SalesforceSettings[host=" + host() + ", flow=" + flow() + ", client-secret=****"
        + (refreshToken.isPresent() ? ", refresh-token=****" : "") + ", api-version=" + apiVersion
        + ", order=" + orderField + " by " + orderFact
        + taskOwnerId.map(id -> ", task-owner-id=" + id).orElse("") + ", task-due-days=" + taskDueDays
        + ", task-status=" + taskStatus + "/" + taskCompletedStatus + ", task-priority=" + taskPriority
        + staffSubjectId.map(id -> ", staff-subject-id=" + id).orElse("")
        + fallbackSubjectId.map(id -> ", fallback-subject-id=" + id).orElse("") + ", limit-wait=" + limitWait + "]";
  }
}
