package com.backordergateway.plugins.sendgrid;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One SendGrid instance's settings, validated once in {@code open}. {@link #toString()} masks the
 * API key.
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

  private static final Pattern TEMPLATE_ID_FORMAT = Pattern.compile("d-[0-9a-fA-F]{32}");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, DEFAULT_BASE_URL,
          "SendGrid API host; https://api.eu.sendgrid.com for regional EU subusers."),
      SettingSpec.requiredSecret(API_KEY, "API key with the Mail Send permission (Bearer token)."),
      SettingSpec.required(FROM_EMAIL, "Sender address; must be a verified Sender Identity or on an authenticated domain."),
      SettingSpec.optional(FROM_NAME, null, "Sender display name, e.g. the store's name (no ',' or ';')."),
      SettingSpec.optional(REPLY_TO, null, "Address customers' replies go to, if not the sender address."),
      SettingSpec.optional(TEMPLATE_ID, null,
          "Dynamic template id (d- and 32 hex digits). Set: the template gets the facts and the rendered "
              + "subject and body as dynamic_template_data. Unset: the rendered subject and body are sent as is."));

  SendGridSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(apiKey, "apiKey is null");
    Objects.requireNonNull(fromEmail, "fromEmail is null");
    Objects.requireNonNull(fromName, "fromName is null");
    Objects.requireNonNull(replyTo, "replyTo is null");
    Objects.requireNonNull(templateId, "templateId is null");
  }

  /**
   * Reads and checks the instance's settings.
   *
   * @throws InvalidSettingsException naming the first bad key (never its value)
   */
  static SendGridSettings from(ConnectorSettings settings) {
    Objects.requireNonNull(settings, "settings is null");
    URI baseUrl = settings.getUrl(BASE_URL);
    String apiKey = settings.get(API_KEY).strip();
    if (apiKey.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new InvalidSettingsException(API_KEY, "must not contain spaces or control characters");
    }
    String fromEmail = settings.get(FROM_EMAIL).strip();
    if (!EmailAddresses.isValid(fromEmail)) {
      throw new InvalidSettingsException(FROM_EMAIL, "must be an email address such as orders@example.com");
    }
    Optional<String> fromName = present(settings, FROM_NAME);
    if (fromName.filter(name -> !EmailAddresses.isSafeDisplayName(name)).isPresent()) {
      throw new InvalidSettingsException(FROM_NAME,
          "must not contain , ; < > ( ) [ ] : @ \" or control characters (SendGrid misreads them)");
    }
    Optional<String> replyTo = present(settings, REPLY_TO);
    if (replyTo.filter(address -> !EmailAddresses.isValid(address)).isPresent()) {
      throw new InvalidSettingsException(REPLY_TO, "must be an email address such as replies@example.com");
    }
    Optional<String> templateId = present(settings, TEMPLATE_ID);
    if (templateId.filter(id -> !TEMPLATE_ID_FORMAT.matcher(id).matches()).isPresent()) {
      throw new InvalidSettingsException(TEMPLATE_ID,
          "must be a dynamic template id: d- followed by 32 hex digits (legacy templates are not supported)");
    }
    return new SendGridSettings(baseUrl, apiKey, fromEmail, fromName, replyTo, templateId);
  }

  private static Optional<String> present(ConnectorSettings settings, String key) {
    return settings.find(key).map(String::strip).filter(value -> !value.isEmpty());
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
