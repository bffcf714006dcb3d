package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One monday.com webhook source instance's settings, read after the host checked their formats.
 * What a format cannot say is checked here: at least one of the two ways a delivery proves itself
 * is configured, the URL secret survives in a query string unescaped, the two labels differ, and
 * the SKU pattern compiles. {@link #toString()} masks both secrets.
 *
 * @param signingSecret the monday app's Signing Secret, which its webhooks' {@code Authorization}
 *     JWT is signed with (HS256), if configured
 * @param urlSecret the secret a board webhook's URL carries as {@code ?secret=}, if configured
 * @param endpointUrl the webhook URL as registered, without its query, which the JWT's {@code aud}
 *     must name (its own query aside), if set
 * @param backorderLabel the status label that marks the item's SKU unavailable (compared ignoring
 *     case and surrounding spaces)
 * @param resolvedLabel the status label that, reached from the backorder label, resolves the SKU
 *     as restocked, if set
 * @param statusColumn the only column whose changes count, if set
 * @param skuPattern finds the SKU in the item name: group 1 if it has one, else the whole match
 * @param gatewayUserId the monday.com user the gateway's own connector writes as (loop guard), if set
 */
record MondaySourceSettings(
    Optional<String> signingSecret, Optional<String> urlSecret, Optional<String> endpointUrl, String backorderLabel,
    Optional<String> resolvedLabel, Optional<String> statusColumn, Pattern skuPattern, Optional<String> gatewayUserId) {

  static final String SIGNING_SECRET = "signing-secret";
  static final String URL_SECRET = "url-secret";
  static final String ENDPOINT_URL = "endpoint-url";
  static final String BACKORDER_LABEL = "backorder-label";
  static final String RESOLVED_LABEL = "resolved-label";
  static final String STATUS_COLUMN = "status-column";
  static final String SKU_PATTERN = "sku-pattern";
  static final String GATEWAY_USER_ID = "gateway-user-id";

  static final String DEFAULT_BACKORDER_LABEL = "Backorder";

  /**
   * Upper-case letters and digits in at least two dash-separated parts, as a whole word:
   * {@code PAINT-ACR-120-RED} in "PAINT-ACR-120-RED Titanium white 120 ml", not "120" or "ml".
   */
  static final String DEFAULT_SKU_PATTERN = "\\b[A-Z0-9]+(?:-[A-Z0-9]+)+\\b";

  /** A URL secret is guessable below this (18 random bytes in base64url are 24 characters). */
  static final int MIN_URL_SECRET_LENGTH = 24;

  /** Characters a query string carries as they are: anything else would have to be percent-encoded. */
  private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

  private static final SettingFormat LABEL = SettingFormat.pattern("[^\\r\\n]{1,100}",
      "a status label as the column spells it, on one line");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(SIGNING_SECRET, SettingFormat.secret(), null,
          "For webhooks a monday app creates: the app's Signing Secret (Developer Center > your app > Basic"
              + " Information). Each delivery's Authorization JWT must then be signed with it (HS256)."),
      SettingSpec.optional(URL_SECRET, SettingFormat.secret(MIN_URL_SECRET_LENGTH), null,
          "For board webhooks (Integrations > Webhooks, or create_webhook with a personal token), which monday.com"
              + " does not sign: a random secret the webhook URL carries as ?secret=<url-secret>. Letters, digits"
              + " and - . _ ~ only. At least one of signing-secret and url-secret is required."),
      SettingSpec.optional(ENDPOINT_URL, SettingFormat.url(), null,
          "The webhook URL as registered with monday.com, without its ?query; an app JWT's aud must name it.")
          .withExample("https://gateway.example.com/webhooks/monday/purchasing-board"),
      SettingSpec.optional(BACKORDER_LABEL, LABEL, DEFAULT_BACKORDER_LABEL,
          "Status label that marks the item's SKU unavailable when a status column changes to it"
              + " (case-insensitive).").withExample("Backorder"),
      SettingSpec.optional(RESOLVED_LABEL, LABEL, null,
          "Status label that resolves the SKU's backorder as restocked when the status changes from the backorder"
              + " label to it; without it nothing resolves from monday.com.").withExample("In stock"),
      SettingSpec.optional(STATUS_COLUMN, SettingFormat.pattern("[A-Za-z0-9_-]{1,100}",
              "a column id as the board shows it (column menu > Settings > Column ID), e.g. status"), null,
          "The only status column whose changes count; every status column of the board when not set.")
          .withExample("status"),
      SettingSpec.optional(SKU_PATTERN, SettingFormat.pattern("[^\\r\\n]{1,500}", "a regular expression on one line"),
          DEFAULT_SKU_PATTERN, "Java regular expression whose first match in the item name is the SKU (group 1 if"
              + " it has a group). The default finds upper-case letters and digits in dash-separated parts.")
          .withExample("\\[([A-Z0-9-]+)\\]"),
      SettingSpec.optional(GATEWAY_USER_ID, SettingFormat.integer(1, Long.MAX_VALUE), null,
          "Loop guard: the monday.com user id whose token the gateway's monday connector uses (query { me { id } });"
              + " status changes made by this user are ignored.").withExample("9603417"));

  MondaySourceSettings {
    Objects.requireNonNull(signingSecret, "signingSecret is null");
    Objects.requireNonNull(urlSecret, "urlSecret is null");
    Objects.requireNonNull(endpointUrl, "endpointUrl is null");
    Objects.requireNonNull(backorderLabel, "backorderLabel is null");
    Objects.requireNonNull(resolvedLabel, "resolvedLabel is null");
    Objects.requireNonNull(statusColumn, "statusColumn is null");
    Objects.requireNonNull(skuPattern, "skuPattern is null");
    Objects.requireNonNull(gatewayUserId, "gatewayUserId is null");
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never a secret's value)
   */
  static MondaySourceSettings from(ConnectorSettings settings) {
    Optional<String> signingSecret = settings.find(SIGNING_SECRET).map(String::strip);
    Optional<String> urlSecret = settings.find(URL_SECRET).map(String::strip);
    if (signingSecret.isEmpty() && urlSecret.isEmpty()) {
      throw new InvalidSettingsException(URL_SECRET, "required unless " + SIGNING_SECRET + " is set: a board webhook"
          + " is not signed, so its URL must carry ?secret=<" + URL_SECRET + ">; a monday app's webhooks are verified"
          + " with its " + SIGNING_SECRET);
    }
    if (urlSecret.isPresent() && !URL_SAFE.matcher(urlSecret.get()).matches()) {
      throw new InvalidSettingsException(URL_SECRET, "must use only letters, digits and - . _ ~, which a URL carries"
          + " unescaped");
    }
    Optional<String> endpointUrl = settings.find(ENDPOINT_URL).map(String::strip);
    if (endpointUrl.isPresent() && (endpointUrl.get().contains("?") || endpointUrl.get().contains("#"))) {
      throw new InvalidSettingsException(ENDPOINT_URL, "must be the URL without its ?query (a secret= there belongs in "
          + URL_SECRET + "); the token's aud is compared without it");
    }
    String backorderLabel = settings.get(BACKORDER_LABEL).strip();
    Optional<String> resolvedLabel = settings.find(RESOLVED_LABEL).map(String::strip);
    if (resolvedLabel.isPresent() && resolvedLabel.get().equalsIgnoreCase(backorderLabel)) {
      throw new InvalidSettingsException(RESOLVED_LABEL, "must differ from " + BACKORDER_LABEL);
    }
    return new MondaySourceSettings(signingSecret, urlSecret, endpointUrl,
        backorderLabel, resolvedLabel, settings.find(STATUS_COLUMN).map(String::strip), skuPattern(settings),
        settings.find(GATEWAY_USER_ID).map(id -> Long.toString(Long.parseLong(id.strip()))));
  }

  private static Pattern skuPattern(ConnectorSettings settings) {
    try {
      return Pattern.compile(settings.get(SKU_PATTERN).strip());
    } catch (PatternSyntaxException e) {
      throw new InvalidSettingsException(SKU_PATTERN, "is not a Java regular expression: " + e.getDescription()
          + " near index " + e.getIndex());
    }
  }

  /** Whether {@code label} is the backorder label, ignoring case and surrounding spaces. */
  boolean isBackorder(String label) {
    return label.strip().equalsIgnoreCase(backorderLabel);
  }

  /** Whether {@code label} is the resolved label, when one is configured. */
  boolean isResolved(String label) {
    return resolvedLabel.isPresent() && label.strip().equalsIgnoreCase(resolvedLabel.get());
  }

  @Override
  public String toString() {
    return "MondaySourceSettings[signing-secret=" + signingSecret.map(s -> "****").orElse("(none)")
        + ", url-secret=" + urlSecret.map(s -> "****").orElse("(none)")
        + endpointUrl.map(url -> ", endpoint-url=" + url).orElse("") + ", backorder-label=" + backorderLabel
        + resolvedLabel.map(label -> ", resolved-label=" + label).orElse("")
        + statusColumn.map(column -> ", status-column=" + column).orElse("") + ", sku-pattern=" + skuPattern.pattern()
        + gatewayUserId.map(id -> ", gateway-user-id=" + id).orElse("") + "]";
  }
}
