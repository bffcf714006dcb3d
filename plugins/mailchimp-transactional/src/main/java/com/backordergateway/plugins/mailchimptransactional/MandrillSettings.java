package com.backordergateway.plugins.mailchimptransactional;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Mailchimp Transactional instance's settings, validated once in {@code open}. {@link
 * #toString()} masks the API key.
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
  private static final Set<String> MERGE_LANGUAGES = Set.of("handlebars", "mailchimp");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, DEFAULT_BASE_URL, "Mailchimp Transactional (Mandrill) API root."),
      SettingSpec.requiredSecret(API_KEY, "Mailchimp Transactional API key (sent in the request body as 'key')."),
      SettingSpec.required(TEMPLATE_NAME, "Name or slug of the template to send (messages/send-template)."),
      SettingSpec.optional(FROM_EMAIL, null, "Sender address; the template's default sender if unset."),
      SettingSpec.optional(FROM_NAME, null, "Sender name; the template's default if unset."),
      SettingSpec.optional(REPLY_TO, null, "Reply-To address for customers' replies."),
      SettingSpec.optional(MERGE_LANGUAGE, "handlebars",
          "How the template reads merge variables: handlebars ({{product}}) or mailchimp (*|PRODUCT|*)."),
      SettingSpec.optional(USE_TEMPLATE_SUBJECT, "false",
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
   * Reads and checks the instance's settings.
   *
   * @throws InvalidSettingsException naming the first bad key (never its value)
   */
  static MandrillSettings from(ConnectorSettings settings) {
    Objects.requireNonNull(settings, "settings is null");
    URI baseUrl = settings.getUrl(BASE_URL);
    String apiKey = settings.get(API_KEY).strip();
    if (apiKey.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new InvalidSettingsException(API_KEY, "must not contain spaces or control characters");
    }
    String templateName = settings.get(TEMPLATE_NAME).strip();
    if (templateName.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSettingsException(TEMPLATE_NAME, "must not contain control characters");
    }
    Optional<String> fromEmail = present(settings, FROM_EMAIL);
    if (fromEmail.filter(address -> !EmailAddresses.isValid(address)).isPresent()) {
      throw new InvalidSettingsException(FROM_EMAIL, "must be an email address such as orders@example.com");
    }
    Optional<String> fromName = present(settings, FROM_NAME);
    if (fromName.filter(name -> name.chars().anyMatch(Character::isISOControl)).isPresent()) {
      throw new InvalidSettingsException(FROM_NAME, "must not contain control characters");
    }
    Optional<String> replyTo = present(settings, REPLY_TO);
    if (replyTo.filter(address -> !EmailAddresses.isValid(address)).isPresent()) {
      throw new InvalidSettingsException(REPLY_TO, "must be an email address such as replies@example.com");
    }
    String mergeLanguage = settings.get(MERGE_LANGUAGE).strip();
    if (!MERGE_LANGUAGES.contains(mergeLanguage)) {
      throw new InvalidSettingsException(MERGE_LANGUAGE, "must be handlebars or mailchimp");
    }
    boolean useTemplateSubject = settings.getBoolean(USE_TEMPLATE_SUBJECT);
    return new MandrillSettings(baseUrl, apiKey, templateName, fromEmail, fromName, replyTo, mergeLanguage,
        useTemplateSubject);
  }

  private static Optional<String> present(ConnectorSettings settings, String key) {
    return settings.find(key).map(String::strip).filter(value -> !value.isEmpty());
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
