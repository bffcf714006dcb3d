package com.backordergateway.plugins.twilio;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Twilio instance's settings, as the host checked them against {@link #SPECS}; only the
 * choice between {@code from} and {@code messaging-service-sid} is checked here. {@link
 * #toString()} masks the auth token.
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

  /**
   * A sender Twilio can send from: an E.164 number, a short code (3 to 8 digits depending on the
   * country) or an alphanumeric sender id (up to 11 letters, digits and spaces, one letter at least).
   */
  private static final String SENDER = "\\+[1-9][0-9]{1,14}|[0-9]{3,8}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, SettingFormat.url(), DEFAULT_BASE_URL, "Twilio REST API host."),
      SettingSpec.required(ACCOUNT_SID, SettingFormat.pattern("AC[0-9a-fA-F]{32}", "AC followed by 32 hex digits"),
          "Account SID; messages are created in it.").withExample("AC0123456789abcdef0123456789abcdef"),
      SettingSpec.required(AUTH_TOKEN, SettingFormat.secret(), "The account's auth token (Basic auth password)."),
      SettingSpec.optional(FROM, SettingFormat.pattern(SENDER,
              "an E.164 number such as +14155550123, a short code, or an alphanumeric sender id of up to 11 characters"),
          null, "Sender. Set this or messaging-service-sid, not both.").withExample("+14155550123"),
      SettingSpec.optional(MESSAGING_SERVICE_SID, SettingFormat.pattern("MG[0-9a-fA-F]{32}", "MG followed by 32 hex digits"),
          null, "Messaging Service that picks the sender from its pool. Set this or from, not both.")
          .withExample("MG0123456789abcdef0123456789abcdef"));

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
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static TwilioSettings from(ConnectorSettings settings) {
    Optional<String> from = settings.find(FROM).map(String::strip);
    Optional<String> service = settings.find(MESSAGING_SERVICE_SID).map(String::strip);
    if (from.isPresent() && service.isPresent()) {
      throw new InvalidSettingsException(MESSAGING_SERVICE_SID, "set either from or messaging-service-sid, not both");
    }
    Sender sender = from.map(number -> new Sender("From", number))
        .or(() -> service.map(sid -> new Sender("MessagingServiceSid", sid)))
        .orElseThrow(() -> new InvalidSettingsException(FROM, "required unless messaging-service-sid is set"));
    return new TwilioSettings(settings.getUrl(BASE_URL), settings.get(ACCOUNT_SID).strip(),
        settings.get(AUTH_TOKEN).strip(), sender);
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
