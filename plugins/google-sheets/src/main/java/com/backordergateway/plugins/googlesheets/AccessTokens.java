package com.backordergateway.plugins.googlesheets;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The service account's access token, fetched with the JWT bearer grant and kept until shortly
 * before it expires, so a busy instance makes one token call an hour rather than one a row.
 *
 * <p>Thread-safe: deliveries share one token; when it must be fetched, the first thread fetches
 * it while the others wait for that one answer instead of each asking Google. A token Google
 * refused (401) is dropped by {@link #refused} so the next call fetches a new one; a thread that
 * comes late with the same refused token does not drop the new one.
 *
 * <p>Tokens are never logged, put in a message or printed by {@link #toString()}.
 */
final class AccessTokens {

  /** Renew this long before expiry, so no request sets off with a token about to lapse. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private final ServiceAccountKey key;
  private final ConnectorContext context;
  private Token current;

  AccessTokens(ServiceAccountKey key, ConnectorContext context) {
    this.key = Objects.requireNonNull(key, "key is null");
    this.context = Objects.requireNonNull(context, "context is null");
  }

  /** A valid access token: the cached one, or a new one from the token endpoint. */
  synchronized String current() throws DeliveryException {
    Instant now = context.clock().instant();
    if (current == null || !now.isBefore(current.renewAt())) {
      current = fetch(now);
    }
    return current.value();
  }

  /** Google refused {@code token}: forget it, unless another thread already replaced it. */
  synchronized void refused(String token) {
    if (current != null && current.value().equals(token)) {
      current = null;
    }
  }

  private Token fetch(Instant now) throws DeliveryException {
    String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
        + "&assertion=" + URLEncoder.encode(key.assertion(now), StandardCharsets.UTF_8);
    HttpResponse<String> answer = context.http().send(HttpRequest.newBuilder(key.tokenUri())
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .build());
    GoogleAnswers.OAUTH.check(answer, context.clock());
    JsonNode body = context.json().read(answer.body()).orElse(null);
    String token = body == null ? "" : body.path("access_token").asText("");
    if (token.isBlank()) {
      throw new PermanentDeliveryException("Google's token endpoint answered HTTP " + answer.statusCode()
          + " without an access_token");
    }
    long lifetime = body.path("expires_in").asLong(3600);
    Duration margin = RENEW_BEFORE_EXPIRY.compareTo(Duration.ofSeconds(lifetime / 2)) < 0
        ? RENEW_BEFORE_EXPIRY : Duration.ofSeconds(lifetime / 2);
    context.logger().debug("new access token for {}, valid for {} s", key.clientEmail(), lifetime);
    return new Token(token, now.plusSeconds(lifetime).minus(margin));
  }

  @Override
  public String toString() {
    return "AccessTokens[" + key.clientEmail() + "]";
  }

  /** A token and when to fetch the next one. */
  private record Token(String value, Instant renewAt) {
    @Override
    public String toString() {
      return "Token[****, renew at " + renewAt + "]";
    }
  }
}
