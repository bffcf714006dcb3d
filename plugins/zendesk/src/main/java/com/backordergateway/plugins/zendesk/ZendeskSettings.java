package com.backordergateway.plugins.zendesk;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Zendesk instance's settings, read once in {@code open} after the host checked each value's
 * format. What a format cannot say is checked here: exactly one way to sign in (an agent's email
 * with an API token, or an OAuth token), and that {@code custom-fields} maps facts the gateway
 * sets to numeric field ids. {@link #toString()} masks both tokens.
 *
 * @param baseUrl the account's API host, {@code https://{subdomain}.zendesk.com} unless set
 * @param authorization the {@code Authorization} header value: Basic for an API token, Bearer for OAuth
 * @param signedInAs for logs: the agent's email, or "an OAuth token"
 * @param submitterId the agent shown as creating customer tickets "on behalf of" the customer, if set
 * @param priority {@code low}, {@code normal}, {@code high} or {@code urgent}
 * @param ticketFormId the ticket form new tickets use, if set
 * @param customFields fact name → custom field id, in the configured order
 * @param publicComments whether comments on customer tickets are public replies (else internal notes)
 * @param resolutionStatus the status a resolution sets, if any
 * @param staffRequester who internal tickets are requested by, if not the signed-in agent
 */
record ZendeskSettings(
    URI baseUrl, String authorization, String signedInAs, OptionalLong submitterId, String priority,
    OptionalLong ticketFormId, Map<String, Long> customFields, boolean publicComments,
    Optional<String> resolutionStatus, Optional<String> staffRequester) {

  static final String SUBDOMAIN = "subdomain";
  static final String BASE_URL = "base-url";
  static final String EMAIL = "email";
  static final String API_TOKEN = "api-token";
  static final String OAUTH_TOKEN = "oauth-token";
  static final String SUBMITTER_ID = "submitter-id";
  static final String PRIORITY = "priority";
  static final String TICKET_FORM_ID = "ticket-form-id";
  static final String CUSTOM_FIELDS = "custom-fields";
  static final String PUBLIC_COMMENTS = "public-comments";
  static final String RESOLUTION_STATUS = "resolution-status";
  static final String STAFF_REQUESTER_EMAIL = "staff-requester-email";

  /** The facts the host sets on every notification (see {@code Notification#facts()}). */
  static final Set<String> FACTS = Set.of("sku", "product", "order_id", "order_name", "case_id", "eta", "eta_source",
      "status", "reason", "category", "supplier", "po_number", "store_name", "note");

  private static final SettingFormat ZENDESK_ID = SettingFormat.integer(1, Long.MAX_VALUE);

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(SUBDOMAIN, SettingFormat.pattern("[A-Za-z0-9][A-Za-z0-9-]{0,62}",
              "the subdomain alone: example-crafts for example-crafts.zendesk.com"),
          "The Zendesk account's subdomain.").withExample("example-crafts"),
      SettingSpec.optional(BASE_URL, SettingFormat.url(), null,
          "API host; https://{subdomain}.zendesk.com when not set (set it for a test server).")
          .withExample("https://example-crafts.zendesk.com"),
      SettingSpec.optional(EMAIL, SettingFormat.email(), null,
          "API token sign-in: the agent's email address; the tickets are created as this agent.")
          .withExample("support@example-crafts.com"),
      SettingSpec.optional(API_TOKEN, SettingFormat.secret(), null,
          "API token sign-in: a token from Admin Center > Apps and integrations > APIs. Set it with email, "
              + "or set oauth-token instead."),
      SettingSpec.optional(OAUTH_TOKEN, SettingFormat.secret(), null,
          "OAuth sign-in: an access token with the tickets:write scope (Bearer). Set it instead of email and api-token."),
      SettingSpec.optional(SUBMITTER_ID, ZENDESK_ID, null,
          "The signed-in agent's user id: customer tickets then show the agent as their author, created on behalf "
              + "of the customer. Unset, Zendesk shows the customer as the author of the first comment.")
          .withExample("368274591"),
      SettingSpec.optional(PRIORITY, SettingFormat.oneOf("low", "normal", "high", "urgent"), "normal",
          "Priority of new tickets."),
      SettingSpec.optional(TICKET_FORM_ID, ZENDESK_ID, null, "Ticket form new tickets use (Enterprise and Suite plans).")
          .withExample("360000123456"),
      SettingSpec.optional(CUSTOM_FIELDS, SettingFormat.map(false), null,
          "Facts copied into ticket fields: 'fact: field id' entries. Facts: " + new TreeSet<>(FACTS)
              + "; eta is written as a date (YYYY-MM-DD).").withExample("sku: 360001; eta: 360002; po_number: 360003"),
      SettingSpec.optional(PUBLIC_COMMENTS, SettingFormat.bool(), "true",
          "Whether comments on customer tickets are public replies the customer is emailed (true) or internal "
              + "notes (false). Staff tickets always get internal notes."),
      SettingSpec.optional(RESOLUTION_STATUS, SettingFormat.oneOf("new", "open", "pending", "hold", "solved", "none"),
          "solved", "Status a resolution sets on the ticket; none leaves it as it is."),
      SettingSpec.optional(STAFF_REQUESTER_EMAIL, SettingFormat.email(), null,
          "Requester of the internal tickets staff alerts open; the signed-in agent when not set.")
          .withExample("purchasing@example-crafts.com"));

  ZendeskSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(authorization, "authorization is null");
    Objects.requireNonNull(signedInAs, "signedInAs is null");
    Objects.requireNonNull(submitterId, "submitterId is null");
    Objects.requireNonNull(priority, "priority is null");
    Objects.requireNonNull(ticketFormId, "ticketFormId is null");
    customFields = Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    Objects.requireNonNull(resolutionStatus, "resolutionStatus is null");
    Objects.requireNonNull(staffRequester, "staffRequester is null");
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static ZendeskSettings from(ConnectorSettings settings) {
    String subdomain = settings.get(SUBDOMAIN).strip().toLowerCase(Locale.ROOT);
    URI baseUrl = settings.find(BASE_URL).isPresent() ? settings.getUrl(BASE_URL)
        : URI.create("https://" + subdomain + ".zendesk.com");
    Optional<String> email = settings.find(EMAIL).map(String::strip);
    String status = settings.get(RESOLUTION_STATUS).strip();
    return new ZendeskSettings(baseUrl, authorization(settings, email), email.orElse("an OAuth token"),
        id(settings, SUBMITTER_ID), settings.get(PRIORITY).strip(), id(settings, TICKET_FORM_ID),
        customFields(settings), settings.getBoolean(PUBLIC_COMMENTS),
        status.equals("none") ? Optional.empty() : Optional.of(status),
        settings.find(STAFF_REQUESTER_EMAIL).map(String::strip));
  }

  /** {@code Basic base64(email/token:api-token)} or {@code Bearer oauth-token}: exactly one of the two. */
  private static String authorization(ConnectorSettings settings, Optional<String> email) {
    Optional<String> apiToken = settings.find(API_TOKEN).map(String::strip);
    Optional<String> oauthToken = settings.find(OAUTH_TOKEN).map(String::strip);
    if (oauthToken.isPresent()) {
      if (apiToken.isPresent()) {
        throw new InvalidSettingsException(OAUTH_TOKEN, "set either oauth-token or email with api-token, not both");
      }
      if (email.isPresent()) {
        throw new InvalidSettingsException(EMAIL, "is for API token sign-in; an OAuth token already names its agent");
      }
      return "Bearer " + oauthToken.get();
    }
    if (apiToken.isEmpty()) {
      throw new InvalidSettingsException(API_TOKEN, email.isPresent() ? "required with email"
          : "set email with api-token (API token sign-in) or oauth-token (OAuth sign-in)");
    }
    String user = email.orElseThrow(() -> new InvalidSettingsException(EMAIL, "required with api-token"));
    String credentials = user + "/token:" + apiToken.get();
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static OptionalLong id(ConnectorSettings settings, String key) {
    return settings.find(key).map(value -> OptionalLong.of(Long.parseLong(value.strip()))).orElse(OptionalLong.empty());
  }

  private static Map<String, Long> customFields(ConnectorSettings settings) {
    Map<String, Long> fields = new LinkedHashMap<>();
    settings.getMap(CUSTOM_FIELDS).forEach((fact, fieldId) -> {
      if (!FACTS.contains(fact)) {
        throw new InvalidSettingsException(CUSTOM_FIELDS, "entry '" + fact + "' is not a fact; facts: " + new TreeSet<>(FACTS));
      }
      if (!fieldId.matches("[1-9][0-9]{0,17}")) {
        throw new InvalidSettingsException(CUSTOM_FIELDS, "entry '" + fact + "' needs a numeric field id such as 360001");
      }
      fields.put(fact, Long.parseLong(fieldId));
    });
    return fields;
  }

  /** {@code POST} here creates a ticket. */
  URI ticketsUrl() {
    return URI.create(baseUrl + "/api/v2/tickets");
  }

  /** {@code PUT} here adds a comment to ticket {@code id}. */
  URI ticketUrl(String id) {
    return URI.create(baseUrl + "/api/v2/tickets/" + id);
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "ZendeskSettings[host=" + host() + ", signed in as " + signedInAs
        + (authorization.startsWith("Basic") ? ", api-token=****" : ", oauth-token=****") + ", priority=" + priority
        + ticketFormId.stream().mapToObj(id -> ", ticket-form-id=" + id).findFirst().orElse("")
        + ", custom-fields=" + customFields + ", public-comments=" + publicComments
        + ", resolution-status=" + resolutionStatus.orElse("none") + "]";
  }
}
