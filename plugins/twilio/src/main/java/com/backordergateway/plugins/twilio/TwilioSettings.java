package com.backordergateway.plugins.twilio;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Twilio instance's settings, validated once in {@code open}. {@link #toString()} masks the
 * auth token.
 *
 * @param baseUrl the API host, {@code https://api.twilio.com} unless a test or proxy says otherwise
 * @param accountSid the account the messages are created in ({@code AC…}); also the Basic user
 * @param authToken the account's auth token; the Basic password
 * @param sender where the messages come from: a {@code From} number or a Messaging Service
 */
record TwilioSettings(URI baseUrl, String accountSid, String authToken, Sender sender) {

  static final String BASE_URL = "base-url";
  static final String ACCOUNT_SID = "account-sid";
  static final String AUTH_TOKEN = "auth-token";
  static final String FROM = "from";
  static final String MESSAGING_SERVICE_SID = "messaging-service-sid";

  static final String DEFAULT_BASE_URL = "https://api.twilio.com";

  private static final Pattern ACCOUNT_SID_FORMAT = Pattern.compile("AC[0-9a-fA-F]{32}");
  private static final Pattern SERVICE_SID_FORMAT = Pattern.compile("MG[0-9a-fA-F]{32}");
  /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
  static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  /** Short codes are 3 to 8 digits depending on the country. */
  private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,8}");
  /** Alphanumeric sender ids: up to 11 letters, digits and spaces, with at least one letter. */
  private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, DEFAULT_BASE_URL, "Twilio REST API host."),
      SettingSpec.required(ACCOUNT_SID, "Account SID (AC followed by 32 hex digits); messages are created in it."),
      SettingSpec.requiredSecret(AUTH_TOKEN, "The account's auth token (Basic auth password)."),
      SettingSpec.optional(FROM, null,
          "Sender: an E.164 Twilio number (+14155550123), a short code or an alphanumeric sender id. "
              + "Set this or messaging-service-sid, not both."),
      SettingSpec.optional(MESSAGING_SERVICE_SID, null,
          "Messaging Service SID (MG followed by 32 hex digits) that picks the sender from its pool. "
              + "Set this or from, not both."));

  /** The one sender parameter a message is created with. */
  record Sender(String parameter, String value) {
    Sender {
      Objects.requireNonNull(parameter, "parameter is null");
      Objects.requireNonNull(value, "value is null");
    }
  }

  TwilioSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(accountSid, "accountSid is null");
    Objects.requireNonNull(authToken, "authToken is null");
    Objects.requireNonNull(sender, "sender is null");
  }

  /**
   * Reads and checks the instance's settings.
   *
   * @throws InvalidSettingsException naming the first bad key (never its value)
   */
  static TwilioSettings from(ConnectorSettings settings) {
    Objects.requireNonNull(settings, "settings is null");
    URI baseUrl = settings.getUrl(BASE_URL);
    String accountSid = settings.get(ACCOUNT_SID).strip();
    if (!ACCOUNT_SID_FORMAT.matcher(accountSid).matches()) {
      throw new InvalidSettingsException(ACCOUNT_SID, "must be AC followed by 32 hex digits");
    }
    String authToken = settings.get(AUTH_TOKEN).strip();
    if (authToken.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new InvalidSettingsException(AUTH_TOKEN, "must not contain spaces or control characters");
    }
    Optional<String> from = settings.find(FROM).map(String::strip).filter(v -> !v.isEmpty());
    Optional<String> service = settings.find(MESSAGING_SERVICE_SID).map(String::strip).filter(v -> !v.isEmpty());
    if (from.isPresent() && !isSender(from.get())) {
      throw new InvalidSettingsException(FROM,
          "must be an E.164 number such as +14155550123, a short code, or an alphanumeric sender id of up to 11 characters");
    }
    if (service.isPresent() && !SERVICE_SID_FORMAT.matcher(service.get()).matches()) {
      throw new InvalidSettingsException(MESSAGING_SERVICE_SID, "must be MG followed by 32 hex digits");
    }
    if (from.isPresent() && service.isPresent()) {
      throw new InvalidSettingsException(MESSAGING_SERVICE_SID, "set either from or messaging-service-sid, not both");
    }
    Sender sender = from.map(number -> new Sender("From", number))
        .or(() -> service.map(sid -> new Sender("MessagingServiceSid", sid)))
        .orElseThrow(() -> new InvalidSettingsException(FROM, "required unless messaging-service-sid is set"));
    return new TwilioSettings(baseUrl, accountSid, authToken, sender);
  }

  private static boolean isSender(String value) {
    return E164.matcher(value).matches() || SHORT_CODE.matcher(value).matches()
        || ALPHANUMERIC_SENDER.matcher(value).matches();
  }

  /** Where messages are created: {@code /2010-04-01/Accounts/{AccountSid}/Messages.json}. */
  URI messagesUrl() {
    return URI.create(baseUrl + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
  }

  /** The API host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "TwilioSettings[host=" + host() + ", account-sid=" + accountSid + ", auth-token=****, "
        + sender.parameter() + "=" + sender.value() + "]";
  }
}
