package com.backordergateway.plugins.gorgias;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Gorgias instance's settings, read once in {@code open} after the host checked each value's
 * format. {@link #toString()} masks the API key.
 *
 * @param baseUrl the API host, {@code https://{domain}.gorgias.com} unless {@code base-url} says otherwise
 * @param domain the account's subdomain
 * @param email the Gorgias user the API key belongs to: the Basic auth user name, and the sender
 *     of the emails and internal notes the connector writes
 * @param apiKey the user's REST API key (Basic auth password)
 * @param supportEmail the address of the Gorgias email integration customers are emailed from
 * @param fromName the display name on those emails, if set (else the store's name)
 * @param proactiveEmail whether customers are emailed from the ticket; otherwise agents get the
 *     wording as a suggested reply
 * @param closeOnResolution whether a resolution closes the ticket
 */
record GorgiasSettings(
    URI baseUrl, String domain, String email, String apiKey, String supportEmail, Optional<String> fromName,
    boolean proactiveEmail, boolean closeOnResolution) {

  static final String DOMAIN = "domain";
  static final String BASE_URL = "base-url";
  static final String EMAIL = "email";
  static final String API_KEY = "api-key";
  static final String SUPPORT_EMAIL = "support-email";
  static final String FROM_NAME = "from-name";
  static final String PROACTIVE_EMAIL = "proactive-email";
  static final String CLOSE_ON_RESOLUTION = "close-on-resolution";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(DOMAIN, SettingFormat.pattern("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?",
              "the account's subdomain alone, e.g. example-crafts for example-crafts.gorgias.com"),
          "Gorgias account; the API is https://{domain}.gorgias.com/api.").withExample("example-crafts"),
      SettingSpec.optional(BASE_URL, SettingFormat.url(), null,
          "API host, if not https://{domain}.gorgias.com (a proxy or a test server).")
          .withExample("https://example-crafts.gorgias.com"),
      SettingSpec.required(EMAIL, SettingFormat.email(),
          "Email of the Gorgias user the API key belongs to (Basic auth user name); emails and internal notes "
              + "are written as this user.").withExample("ops@example-crafts.com"),
      SettingSpec.required(API_KEY, SettingFormat.secret(),
          "The user's REST API key (Settings → REST API), the Basic auth password."),
      SettingSpec.required(SUPPORT_EMAIL, SettingFormat.email(),
          "Address of the Gorgias email integration customers are emailed from; their replies come back to the "
              + "ticket.").withExample("support@example-crafts.com"),
      SettingSpec.optional(FROM_NAME, SettingFormat.pattern("[^<>\"\\p{Cntrl}]+", "a display name without < > \" "
              + "or control characters"), null, "Sender name on customer emails; the store's name when unset.")
          .withExample("Example Crafts Support"),
      SettingSpec.optional(PROACTIVE_EMAIL, SettingFormat.bool(), "true",
          "Email the customer from the ticket (true), or leave the wording to agents as a suggested reply (false)."),
      SettingSpec.optional(CLOSE_ON_RESOLUTION, SettingFormat.bool(), "true",
          "Close the ticket when the backorder is resolved."));

  GorgiasSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(domain, "domain is null");
    Objects.requireNonNull(email, "email is null");
    Objects.requireNonNull(apiKey, "apiKey is null");
    Objects.requireNonNull(supportEmail, "supportEmail is null");
    Objects.requireNonNull(fromName, "fromName is null");
  }

  /**
   * Reads the instance's settings; every rule is in the formats, so this only types them.
   *
   * @throws com.backordergateway.connector.api.InvalidSettingsException naming a missing key
   */
  static GorgiasSettings from(ConnectorSettings settings) {
    String domain = settings.get(DOMAIN).strip();
    URI baseUrl = settings.find(BASE_URL).isPresent()
        ? settings.getUrl(BASE_URL)
        : URI.create("https://" + domain + ".gorgias.com");
    return new GorgiasSettings(baseUrl, domain, settings.get(EMAIL).strip(), settings.get(API_KEY).strip(),
        settings.get(SUPPORT_EMAIL).strip(), settings.find(FROM_NAME).map(String::strip),
        settings.getBoolean(PROACTIVE_EMAIL), settings.getBoolean(CLOSE_ON_RESOLUTION));
  }

  /** An endpoint under {@code /api}, e.g. {@code api("/tickets")}. */
  URI api(String pathAndQuery) {
    return URI.create(baseUrl + "/api" + pathAndQuery);
  }

  /** {@code Basic base64(email:api-key)}. */
  String authorization() {
    return "Basic " + Base64.getEncoder().encodeToString((email + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "GorgiasSettings[host=" + host() + ", email=" + email + ", api-key=****, support-email=" + supportEmail
        + fromName.map(name -> ", from-name=" + name).orElse("") + ", proactive-email=" + proactiveEmail
        + ", close-on-resolution=" + closeOnResolution + "]";
  }
}
