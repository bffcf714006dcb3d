package com.backordergateway.connector.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures as platforms send them: HMAC-SHA256 (Shopify, WooCommerce, the generic JSON
 * source, and the webhook connector's own), HMAC-SHA1 (Trello, Twilio, Mailchimp Transactional;
 * since 1.2). Every comparison is constant time.
 */
public final class WebhookSignatures {

  private WebhookSignatures() {}

  /** base64(HMAC-SHA256(secret, body)). */
  public static String hmacSha256Base64(String secret, byte[] body) {
    return Base64.getEncoder().encodeToString(hmacSha256(secret, body));
  }

  /** True if {@code presented} is base64(HMAC-SHA256(secret, body)); constant time. */
  public static boolean matchesBase64(String secret, byte[] body, String presented) {
    return matches(hmacSha256(secret, body), decodeBase64(presented));
  }

  /** True if {@code presented} is hex(HMAC-SHA256(secret, body)), either case; constant time (since 1.2). */
  public static boolean matchesHex(String secret, byte[] body, String presented) {
    return matches(hmacSha256(secret, body), decodeHex(presented));
  }

  /** True if {@code presented} is base64(HMAC-SHA1(secret, data)); constant time (since 1.2). */
  public static boolean matchesBase64Sha1(String secret, byte[] data, String presented) {
    return matches(hmac("HmacSHA1", secret, data), decodeBase64(presented));
  }

  /** base64(HMAC-SHA1(secret, data)) (since 1.2). */
  public static String hmacSha1Base64(String secret, byte[] data) {
    return Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret, data));
  }

  /** Raw HMAC-SHA256 bytes. */
  public static byte[] hmacSha256(String secret, byte[] body) {
    return hmac("HmacSHA256", secret, body);
  }

  /** Whether two secrets or tokens are equal, in time that does not depend on where they differ (since 1.2). */
  public static boolean sameSecret(String expected, String presented) {
    return presented != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean matches(byte[] expected, byte[] given) {
    return given != null && MessageDigest.isEqual(expected, given);
  }

  private static byte[] decodeBase64(String presented) {
    try {
      return presented == null ? null : Base64.getDecoder().decode(presented.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] decodeHex(String presented) {
    try {
      return presented == null ? null : HexFormat.of().parseHex(presented.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] hmac(String algorithm, String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(data);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(algorithm + " unavailable", e);
    }
  }
}
