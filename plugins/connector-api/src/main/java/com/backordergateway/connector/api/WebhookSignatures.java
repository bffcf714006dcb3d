package com.backordergateway.connector.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures as Shopify and WooCommerce send them, and as the webhook connector signs. */
public final class WebhookSignatures {

  private WebhookSignatures() {}

  /** base64(HMAC-SHA256(secret, body)). */
  public static String hmacSha256Base64(String secret, byte[] body) {
    return Base64.getEncoder().encodeToString(hmacSha256(secret, body));
  }

  /** True if {@code presented} is base64(HMAC-SHA256(secret, body)); constant time. */
  public static boolean matchesBase64(String secret, byte[] body, String presented) {
    if (presented == null) {
      return false;
    }
    byte[] expected = hmacSha256(secret, body);
    byte[] given;
    try {
      given = Base64.getDecoder().decode(presented.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, given);
  }

  /** Raw HMAC-SHA256 bytes. */
  public static byte[] hmacSha256(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
