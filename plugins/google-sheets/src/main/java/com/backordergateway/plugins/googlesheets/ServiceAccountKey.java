package com.backordergateway.plugins.googlesheets;

import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A service account's JSON key, as Google Cloud hands it out: who the account is
 * ({@code client_email}), what it signs with ({@code private_key}, an RSA key in PKCS#8 PEM) and
 * where it trades a signed assertion for an access token ({@code token_uri}). It signs the JWT of
 * OAuth 2.0's JWT bearer grant (RFC 7523) with RS256, as Google's own libraries do: header
 * {@code alg, typ, kid}; claims {@code iss} (the account), {@code scope}, {@code aud} (always
 * Google's token endpoint), {@code iat} and {@code exp} (an hour later, Google's maximum).
 *
 * <p>Parse errors name the setting and the field, never a value; {@link #toString()} shows the
 * account only.
 */
final class ServiceAccountKey {

  static final String SCOPE = "https://www.googleapis.com/auth/spreadsheets";
  static final String AUDIENCE = "https://oauth2.googleapis.com/token";
  static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);

  private static final PlatformJson JSON = PlatformJson.get();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String clientEmail;
  private final String keyId;
  private final PrivateKey privateKey;
  private final URI tokenUri;

  private ServiceAccountKey(String clientEmail, String keyId, PrivateKey privateKey, URI tokenUri) {
    this.clientEmail = Objects.requireNonNull(clientEmail, "clientEmail is null");
    this.keyId = Objects.requireNonNull(keyId, "keyId is null");
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey is null");
    this.tokenUri = Objects.requireNonNull(tokenUri, "tokenUri is null");
  }

  /**
   * Reads a key file's content.
   *
   * @throws InvalidSettingsException naming {@code settingKey} and what is wrong, never the key
   */
  static ServiceAccountKey parse(String json, String settingKey) {
    JsonNode key = JSON.read(json).filter(JsonNode::isObject).orElseThrow(() -> new InvalidSettingsException(
        settingKey, "is not a JSON key file (give the file as ${file:/run/secrets/sa.json})"));
    String type = key.path("type").asText("service_account");
    if (!type.equals("service_account")) {
      throw new InvalidSettingsException(settingKey, "is a key of type " + type + "; a service_account key is needed");
    }
    String email = field(key, "client_email", settingKey);
    String pem = field(key, "private_key", settingKey);
    String tokenUri = key.path("token_uri").asText(AUDIENCE).strip();
    try {
      URI uri = new URI(tokenUri);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        throw new URISyntaxException(tokenUri, "not http(s)");
      }
      return new ServiceAccountKey(email, key.path("private_key_id").asText(""), privateKey(pem, settingKey), uri);
    } catch (URISyntaxException e) {
      throw new InvalidSettingsException(settingKey, "token_uri is not an http(s) URL");
    }
  }

  private static String field(JsonNode key, String name, String settingKey) {
    String value = key.path(name).asText("").strip();
    if (value.isEmpty()) {
      throw new InvalidSettingsException(settingKey, "has no " + name + "; is it a service account's JSON key?");
    }
    return value;
  }

  private static PrivateKey privateKey(String pem, String settingKey) {
    if (!pem.contains("-----BEGIN PRIVATE KEY-----") || !pem.contains("-----END PRIVATE KEY-----")) {
      throw new InvalidSettingsException(settingKey, "private_key is not a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
    }
    String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
        .replaceAll("\\s+", "");
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // The cause is dropped on purpose: its message may quote key material.
      throw new InvalidSettingsException(settingKey, "private_key cannot be read as an RSA key");
    }
  }

  /** The signed JWT to trade for an access token, issued {@code now}. */
  String assertion(Instant now) {
    ObjectNode header = JSON.object().put("alg", "RS256").put("typ", "JWT");
    if (!keyId.isEmpty()) {
      header.put("kid", keyId);
    }
    long issuedAt = now.getEpochSecond();
    ObjectNode claims = JSON.object().put("iss", clientEmail).put("scope", SCOPE).put("aud", AUDIENCE)
        .put("iat", issuedAt).put("exp", issuedAt + ASSERTION_LIFETIME.toSeconds());
    String signingInput = base64Url(JSON.write(header)) + "." + base64Url(JSON.write(claims));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(privateKey);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK signs SHA256withRSA with an RSA key", e);
    }
  }

  private static String base64Url(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The account, e.g. {@code backorder-log@shop-audit.iam.gserviceaccount.com}: the sheet is shared with it. */
  String clientEmail() {
    return clientEmail;
  }

  /** Where assertions are traded for access tokens. */
  URI tokenUri() {
    return tokenUri;
  }

  @Override
  public String toString() {
    return "ServiceAccountKey[" + clientEmail + ", private key ****]";
  }
}
