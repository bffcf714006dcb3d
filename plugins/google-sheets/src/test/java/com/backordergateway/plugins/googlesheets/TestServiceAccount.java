package com.backordergateway.plugins.googlesheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * A service account for tests: an RSA key pair made once per run and a JSON key file in Google's
 * layout whose {@code token_uri} points at a fake platform, plus what a test needs to read the
 * JWT the connector signs (its header and claims, and whether the signature verifies with the
 * pair's public key).
 */
final class TestServiceAccount {

  static final String CLIENT_EMAIL = "backorder-log@shop-audit-4711.iam.gserviceaccount.com";
  static final String KEY_ID = "5f0c1ab2d3e4f5061728394a5b6c7d8e9f0a1b2c";
  static final KeyPair KEYS = generate();
  /** The PEM as it stands in the key file. */
  static final String PRIVATE_KEY_PEM = "-----BEGIN PRIVATE KEY-----\n"
      + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPrivate().getEncoded())
      + "\n-----END PRIVATE KEY-----\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestServiceAccount() {}

  /** The key file's content, with tokens fetched from {@code platformUrl}/token. */
  static String keyFile(URI platformUrl) {
    ObjectNode key = JSON.createObjectNode()
        .put("type", "service_account")
        .put("project_id", "shop-audit-4711")
        .put("private_key_id", KEY_ID)
        .put("private_key", PRIVATE_KEY_PEM)
        .put("client_email", CLIENT_EMAIL)
        .put("client_id", "104718112233445566778")
        .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
        .put("token_uri", platformUrl + "/token")
        .put("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs")
        .put("client_x509_cert_url", "https://www.googleapis.com/robot/v1/metadata/x509/backorder-log")
        .put("universe_domain", "googleapis.com");
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Some lines of the private key's base64: none may ever show up in a log or a message. */
  static String[] privateKeyFragments() {
    String[] lines = PRIVATE_KEY_PEM.split("\n");
    return new String[] {lines[1], lines[5], lines[lines.length - 2]};
  }

  /** The JWT's header or claims (part 0 or 1), decoded. */
  static JsonNode jwtPart(String jwt, int part) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the JWT's RS256 signature verifies with the test key pair's public key. */
  static boolean signatureVerifies(String jwt) {
    String[] parts = jwt.split("\\.");
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(KEYS.getPublic());
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
