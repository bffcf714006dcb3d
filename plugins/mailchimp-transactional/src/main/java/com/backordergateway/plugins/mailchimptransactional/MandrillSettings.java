package com.backordergateway.plugins.mailchimptransactional;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Mailchimp Transactional instance's settings, read once in {@code open} after the host
 * checked each value's format. {@link #toString()} masks the API key.
 *
 * @param baseUrl the API root, {@code https://mandrillapp.com/api/1.0}
 * @param apiKey the Mailchimp Transactional API key; it travels in the JSON body as {@code key}
 * @param templateName the template's name or slug in Mailchimp Transactional
 * @param fromEmail overrides the template's sender address, if set
 * @param fromName overrides the template's sender name, if set
 * @param replyTo a {@code Reply-To} header, if set
 * @param mergeLanguage {@code handlebars} or {@code mailchimp}
 * @param useTemplateSubject whether the template's own subject is kept rather than the rendered one
 */
record MandrillSettings(
    URI baseUrl, String apiKey, String templateName, Optional<String> fromEmail, Optional<String> fromName,
    Optional<String> replyTo, String mergeLanguage, boolean useTemplateSubject) {

  static final String BASE_URL = "base-url";
  static final String API_KEY = "api-key";
  static final String TEMPLATE_NAME = "template-name";
  static final String FROM_EMAIL = "from-email";
  static final String FROM_NAME = "from-name";
  static final String REPLY_TO = "reply-to";
  static final String MERGE_LANGUAGE = "merge-language";
  static final String USE_TEMPLATE_SUBJECT = "use-template-subject";

  static final String DEFAULT_BASE_URL = "https://mandrillapp.com/api/1.0";

  private static final String NO_CONTROL_CHARACTERS = "[^\\p{Cc}]+";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, SettingFormat.url(), DEFAULT_BASE_URL,
          "Mailchimp Transactional (Mandrill) API root; /messages/send-template is appended."),
      SettingSpec.required(API_KEY, SettingFormat.secret(),
          "Mailchimp Transactional API key (sent in the request body as 'key')."),
      SettingSpec.required(TEMPLATE_NAME,
          SettingFormat.pattern(NO_CONTROL_CHARACTERS, "a template name or slug without control characters"),
          "Name or slug of the template to send (messages/send-template).").withExample("backorder-notice"),
      SettingSpec.optional(FROM_EMAIL, SettingFormat.email(), null,
          "Sender address, on a verified sending domain; the template's default sender if unset.")
          .withExample("orders@example-crafts.com"),
      SettingSpec.optional(FROM_NAME, SettingFormat.pattern(NO_CONTROL_CHARACTERS, "a name without control characters"),
          null, "Sender name; the template's default if unset.").withExample("Example Crafts"),
      SettingSpec.optional(REPLY_TO, SettingFormat.email(), null, "Reply-To address for customers' replies.")
          .withExample("replies@example-crafts.com"),
      SettingSpec.optional(MERGE_LANGUAGE, SettingFormat.oneOf("handlebars", "mailchimp"), "handlebars",
          "How the template reads merge variables: handlebars ({{product}}) or mailchimp (*|PRODUCT|*)."),
      SettingSpec.optional(USE_TEMPLATE_SUBJECT, SettingFormat.bool(), "false",
          "true: keep the template's own subject; false: send the gateway's rendered subject."));

  MandrillSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(apiKey, "apiKey is null");
    Objects.requireNonNull(templateName, "templateName is null");
    Objects.requireNonNull(fromEmail, "fromEmail is null");
    Objects.requireNonNull(fromName, "fromName is null");
    Objects.requireNonNull(replyTo, "replyTo is null");
    Objects.requireNonNull(mergeLanguage, "mergeLanguage is null");
  }

  /**
   * Reads the instance's settings. The one check left here is for addresses: the email format
   * lets through {@code <orders@example.com>} and the like, which the API refuses on every send.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static MandrillSettings from(ConnectorSettings settings) {
    return new MandrillSettings(settings.getUrl(BASE_URL), settings.get(API_KEY).strip(),
        settings.get(TEMPLATE_NAME).strip(), plainAddress(settings, FROM_EMAIL),
        settings.find(FROM_NAME).map(String::strip), plainAddress(settings, REPLY_TO),
        settings.get(MERGE_LANGUAGE).strip(), settings.getBoolean(USE_TEMPLATE_SUBJECT));
  }

  private static Optional<String> plainAddress(ConnectorSettings settings, String key) {
    Optional<String> address = settings.find(key).map(String::strip);
    if (address.filter(a -> !EmailAddresses.isValid(a)).isPresent()) {
      throw new InvalidSettingsException(key,
          "must be a plain address such as orders@example.com, without brackets, quotes or a display name");
    }
    return address;
  }

  /** Where templated mail is sent: {@code /messages/send-template} under the API root. */
  URI sendTemplateUrl() {
    return URI.create(baseUrl + "/messages/send-template");
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "MandrillSettings[host=" + host() + ", api-key=****, template-name=" + templateName
        + fromEmail.map(address -> ", from-email=" + address).orElse("")
        + fromName.map(name -> ", from-name=" + name).orElse("")
        + replyTo.map(address -> ", reply-to=" + address).orElse("")
        + ", merge-language=" + mergeLanguage + ", use-template-subject=" + useTemplateSubject + "]";
  }
}
