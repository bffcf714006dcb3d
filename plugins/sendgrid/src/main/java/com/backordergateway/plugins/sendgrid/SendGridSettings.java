package com.backordergateway.plugins.sendgrid;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SendGrid instance's settings, read once in {@code open} after the host checked each value's
 * format. {@link #toString()} masks the API key.
 *
 * @param baseUrl the API host, {@code https://api.sendgrid.com} (EU subusers: {@code https://api.eu.sendgrid.com})
 * @param apiKey a key with the Mail Send permission, sent as a Bearer token
 * @param fromEmail the verified sender address
 * @param fromName the sender's display name, if any
 * @param replyTo where customers' replies go, if not to {@code fromEmail}
 * @param templateId a dynamic template ({@code d-…}); without one, the rendered text is sent as is
 */
record SendGridSettings(
    URI baseUrl, String apiKey, String fromEmail, Optional<String> fromName, Optional<String> replyTo,
    Optional<String> templateId) {

  static final String BASE_URL = "base-url";
  static final String API_KEY = "api-key";
  static final String FROM_EMAIL = "from-email";
  static final String FROM_NAME = "from-name";
  static final String REPLY_TO = "reply-to";
  static final String TEMPLATE_ID = "template-id";

  static final String DEFAULT_BASE_URL = "https://api.sendgrid.com";

  private static final SettingFormat DISPLAY_NAME = SettingFormat.pattern(EmailAddresses.SAFE_DISPLAY_NAME,
      "a display name without , ; < > ( ) [ ] : @ \" or control characters (SendGrid misreads them)");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, SettingFormat.url(), DEFAULT_BASE_URL,
          "SendGrid API host; https://api.eu.sendgrid.com for regional EU subusers.")
          .withExample("https://api.eu.sendgrid.com"),
      SettingSpec.required(API_KEY, SettingFormat.secret(), "API key with the Mail Send permission (Bearer token)."),
      SettingSpec.required(FROM_EMAIL, SettingFormat.email(),
          "Sender address; must be a verified Sender Identity or on an authenticated domain.")
          .withExample("orders@example-crafts.com"),
      SettingSpec.optional(FROM_NAME, DISPLAY_NAME, null, "Sender display name, e.g. the store's name.")
          .withExample("Example Crafts"),
      SettingSpec.optional(REPLY_TO, SettingFormat.email(), null,
          "Address customers' replies go to, if not the sender address.").withExample("replies@example-crafts.com"),
      SettingSpec.optional(TEMPLATE_ID, SettingFormat.pattern("d-[0-9a-fA-F]{32}",
              "a dynamic template id: d- followed by 32 hex digits (legacy templates are not supported)"), null,
          "Dynamic template. Set: the template gets the facts and the rendered subject and body as "
              + "dynamic_template_data. Unset: the rendered subject and body are sent as is.")
          .withExample("d-13b8f94f0a6c4e2d8e5f7a9b1c3d5e7f"));

  SendGridSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(apiKey, "apiKey is null");
    Objects.requireNonNull(fromEmail, "fromEmail is null");
    Objects.requireNonNull(fromName, "fromName is null");
    Objects.requireNonNull(replyTo, "replyTo is null");
    Objects.requireNonNull(templateId, "templateId is null");
  }

  /**
   * Reads the instance's settings. The one check left here is SendGrid's: the email format
   * lets through {@code <orders@example.com>} and the like, which SendGrid refuses on every send.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static SendGridSettings from(ConnectorSettings settings) {
    String fromEmail = settings.get(FROM_EMAIL).strip();
    requirePlainAddress(FROM_EMAIL, fromEmail);
    Optional<String> replyTo = settings.find(REPLY_TO).map(String::strip);
    replyTo.ifPresent(address -> requirePlainAddress(REPLY_TO, address));
    return new SendGridSettings(settings.getUrl(BASE_URL), settings.get(API_KEY).strip(), fromEmail,
        settings.find(FROM_NAME).map(String::strip), replyTo, settings.find(TEMPLATE_ID).map(String::strip));
  }

  private static void requirePlainAddress(String key, String address) {
    if (!EmailAddresses.isValid(address)) {
      throw new InvalidSettingsException(key,
          "must be a plain address such as orders@example.com, without brackets, quotes or a display name");
    }
  }

  /** Where mail is sent: {@code /v3/mail/send}. */
  URI mailSendUrl() {
    return URI.create(baseUrl + "/v3/mail/send");
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "SendGridSettings[host=" + host() + ", api-key=****, from-email=" + fromEmail
        + fromName.map(name -> ", from-name=" + name).orElse("")
        + replyTo.map(address -> ", reply-to=" + address).orElse("")
        + templateId.map(id -> ", template-id=" + id).orElse("") + "]";
  }
}
