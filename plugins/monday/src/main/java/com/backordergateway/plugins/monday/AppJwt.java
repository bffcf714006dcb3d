package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.WebhookRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JWT a monday.com app's webhooks carry in {@code Authorization}: HS256 with the app's
 * Signing Secret, claims {@code accountId}, {@code userId}, {@code aud} (the webhook URL),
 * {@code exp}, {@code iat}, {@code shortLivedToken}.
 *
 * <p>{@link #verify} checks, in this order and without trusting anything unsigned beyond the
 * header: three base64url parts; a header whose {@code alg} is exactly {@code HS256} (so
 * {@code none}, {@code HS512}, {@code RS256}… are refused, whatever key they would need);
 * HMAC-SHA256(secret, {@code header.payload}) equal to the signature, compared in constant time;
 * then, from the now authentic payload, an {@code exp} and, when an audience is expected, an
 * {@code aud} naming it. Whether {@code exp} is still ahead is for the caller, who has the clock
 * ({@link #expiredAt}). Messages never carry the token or the secret.
 *
 * @param expiresAt the token's {@code exp}
 * @param accountId the {@code accountId} claim, or empty
 * @param userId the {@code userId} claim, or empty
 */
record AppJwt(Instant expiresAt, String accountId, String userId) {

  static final String ALGORITHM = "HS256";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  AppJwt {
    Objects.requireNonNull(expiresAt, "expiresAt is null");
    Objects.requireNonNull(accountId, "accountId is null");
    Objects.requireNonNull(userId, "userId is null");
  }

  /**
   * Verifies {@code token} with the app's Signing Secret.
   *
   * @param audience the webhook URL {@code aud} must name, if one is configured; the query and
   *     fragment of {@code aud} (a URL secret) and a trailing slash on either side are not a
   *     difference
   * @throws WebhookRejectedException (unauthenticated) saying what is wrong, never quoting the
   *     token or the secret
   */
  static AppJwt verify(String token, String secret, Optional<String> audience) throws WebhookRejectedException {
    Objects.requireNonNull(token, "token is null");
    Objects.requireNonNull(secret, "secret is null");
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw refused("is not a JWT (header.payload.signature)");
    }
    JsonNode header = json(parts[0], "header");
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isTextual() || !ALGORITHM.equals(alg.asText())) {
      throw refused("is not signed with " + ALGORITHM + " (alg " + describe(alg)
          + "); monday.com signs app webhooks with HS256 and the app's Signing Secret");
    }
    byte[] signature = decode(parts[2]);
    byte[] expected = hmacSha256(secret, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (signature == null || signature.length == 0 || !MessageDigest.isEqual(expected, signature)) {
      throw refused("does not match its signature: a secret other than the app's Signing Secret (the client"
          + " secret is another key), or a token changed on the way");
    }
    JsonNode claims = json(parts[1], "payload");
    Instant expiresAt = numericDate(claims.get("exp"))
        .orElseThrow(() -> refused("has no exp; monday.com's tokens always expire"));
    if (audience.isPresent() && !namesAudience(claims.get("aud"), audience.get())) {
      throw refused("is for another webhook URL (its aud is not this source's endpoint-url)");
    }
    return new AppJwt(expiresAt, text(claims.get("accountId")), text(claims.get("userId")));
  }

  /** When {@code now} is at or past {@code exp}: the moment it expired; empty while it is valid. */
  Optional<Instant> expiredAt(Instant now) {
    return now.isBefore(expiresAt) ? Optional.empty() : Optional.of(expiresAt);
  }

  private static JsonNode json(String part, String which) throws WebhookRejectedException {
    byte[] bytes = decode(part);
    if (bytes == null) {
      throw refused("has a " + which + " that is not base64url");
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw refused("has a " + which + " that is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw refused("has a " + which + " that is not JSON");
    }
  }

  private static byte[] decode(String part) {
    try {
      return BASE64URL.decode(part);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean namesAudience(JsonNode aud, String expected) {
    if (aud == null) {
      return false;
    }
    if (aud.isArray()) {
      for (JsonNode one : aud) {
        if (sameUrl(one, expected)) {
          return true;
        }
      }
      return false;
    }
    return sameUrl(aud, expected);
  }

  private static boolean sameUrl(JsonNode aud, String expected) {
    return aud.isTextual() && bare(aud.asText()).equals(bare(expected));
  }

  /** The URL without query, fragment and trailing slash. */
  private static String bare(String url) {
    String bare = url.strip();
    int query = bare.indexOf('?');
    bare = query < 0 ? bare : bare.substring(0, query);
    int fragment = bare.indexOf('#');
    bare = fragment < 0 ? bare : bare.substring(0, fragment);
    return bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
  }

  /** A JWT NumericDate: seconds since the epoch, fractions allowed. */
  private static Optional<Instant> numericDate(JsonNode exp) {
    if (exp == null || !exp.isNumber()) {
      return Optional.empty();
    }
    if (exp.isIntegralNumber()) {
      return exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.longValue())) : Optional.empty();
    }
    double seconds = exp.doubleValue();
    return Double.isFinite(seconds) ? Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000))) : Optional.empty();
  }

  private static String text(JsonNode claim) {
    return claim == null || claim.isNull() || claim.isContainerNode() ? "" : claim.asText().strip();
  }

  /** What the header's alg says, for the message: a short token of the header, never the signature. */
  private static String describe(JsonNode alg) {
    if (alg == null || alg.isNull()) {
      return "missing";
    }
    String name = alg.asText();
    return alg.isTextual() && name.matches("[A-Za-z0-9]{1,16}") ? name : "unreadable";
  }

  private static byte[] hmacSha256(String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static WebhookRejectedException refused(String why) {
    return WebhookRejectedException.badSignature("monday: the Authorization token " + why);
  }
}
