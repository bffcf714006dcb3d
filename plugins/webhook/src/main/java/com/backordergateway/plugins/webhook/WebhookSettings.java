package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One webhook instance's settings, as the host checked them against {@link #SPECS}. Checked here
 * only what the formats cannot say: no credentials in the URL, the secret's length, and that
 * neither the signature header nor the configured headers take a header the gateway sets.
 * {@link #toString()} masks the signing secret and the configured header values.
 *
 * @param url the exact URL to POST to (kept as configured, trailing slash included)
 * @param signingSecret the HMAC-SHA256 key the receiver shares
 * @param signatureHeader the header that carries the signature
 * @param headers extra headers the operator configured
 */
record WebhookSettings(URI url, String signingSecret, String signatureHeader, List<ConfiguredHeaders.Header> headers) {

  static final String URL = "url";
  static final String SIGNING_SECRET = "signing-secret";
  static final String SIGNATURE_HEADER = "signature-header";
  static final String HEADERS = "headers";

  static final String DEFAULT_SIGNATURE_HEADER = "X-Backorder-Signature";
  static final String DELIVERY_ID_HEADER = "X-Backorder-Delivery-Id";

  /** Short secrets make the signature guessable. */
  static final int MIN_SECRET_LENGTH = 16;

  /**
   * Headers the connector sets on every request, besides the signature header; configured headers
   * may not replace them.
   */
  private static final Set<String> OWN_HEADERS = Set.of("content-type", "x-backorder-delivery-id");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(URL, SettingFormat.url(), "URL the webhook is POSTed to, used exactly as written.")
          .withExample("https://erp.example.com/hooks/backorders"),
      SettingSpec.required(SIGNING_SECRET, SettingFormat.secret(MIN_SECRET_LENGTH),
          "Shared secret (at least " + MIN_SECRET_LENGTH + " characters); the signature header carries "
              + "base64(HMAC-SHA256(secret, exact body bytes))."),
      SettingSpec.optional(SIGNATURE_HEADER, SettingFormat.pattern(ConfiguredHeaders.TOKEN_SYNTAX,
          "an HTTP header name (a token)"), DEFAULT_SIGNATURE_HEADER, "Header that carries the signature."),
      SettingSpec.optional(HEADERS, SettingFormat.map(true), null,
          "Extra headers as 'Name: value' entries, one per line or separated by ';'. Masked: they often "
              + "carry credentials."));

  WebhookSettings {
    Objects.requireNonNull(url, "url is null");
    Objects.requireNonNull(signingSecret, "signingSecret is null");
    Objects.requireNonNull(signatureHeader, "signatureHeader is null");
    headers = List.copyOf(headers);
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static WebhookSettings from(ConnectorSettings settings) {
    URI url = settings.getEndpoint(URL);
    String secret = settings.get(SIGNING_SECRET);
    String signatureHeader = settings.get(SIGNATURE_HEADER).strip();
    String lower = signatureHeader.toLowerCase(Locale.ROOT);
    if (OWN_HEADERS.contains(lower) || ConfiguredHeaders.isSetByHost(lower)) {
      throw new InvalidSettingsException(SIGNATURE_HEADER, "names a header the gateway sets itself");
    }
    Set<String> reserved = new HashSet<>(OWN_HEADERS);
    reserved.add(lower);
    List<ConfiguredHeaders.Header> headers = settings.find(HEADERS)
        .map(raw -> ConfiguredHeaders.parse(HEADERS, raw, reserved))
        .orElse(List.of());
    return new WebhookSettings(url, secret, signatureHeader, headers);
  }

  /** The receiver's host (and port), for logs and error messages. */
  String receiver() {
    return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
  }

  @Override
  public String toString() {
    return "WebhookSettings[receiver=" + receiver() + ", signing-secret=****, signature-header=" + signatureHeader
        + ", headers=" + headers + "]";
  }
}
