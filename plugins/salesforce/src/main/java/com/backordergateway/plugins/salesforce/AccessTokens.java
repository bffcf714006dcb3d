package com.backordergateway.plugins.salesforce;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PermanentDeliveryException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The instance's OAuth 2.0 access token, fetched on first use from the My Domain's
 * {@code /services/oauth2/token} and shared by every delivery until Salesforce refuses it.
 * Client credentials ({@code grant_type=client_credentials&client_id&client_secret}: the app's
 * run-as user) unless a refresh token is configured ({@code grant_type=refresh_token}). Salesforce
 * gives no expiry with the token (it lasts as long as the org's session timeout), so the token is
 * renewed when a call is refused with {@code INVALID_SESSION_ID}.
 *
 * <p>Thread-safe: one lock guards the token, so concurrent deliveries fetch it once, and a
 * renewal replaces only the token that was refused — deliveries refused with the same expired
 * token renew it once between them. Neither the token nor the credentials are ever logged.
 */
final class AccessTokens {

  private final SalesforceSettings settings;
  private final ConnectorContext context;
  private final Object lock = new Object();
  private String token;
  private Optional<String> refreshToken;

  AccessTokens(SalesforceSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.refreshToken = settings.refreshToken();
  }

  /** The token to send, fetched if there is none yet. */
  String current() throws DeliveryException {
    synchronized (lock) {
      if (token == null) {
        token = fetch();
      }
      return token;
    }
  }

  /** A new token in place of {@code refused}, unless another delivery already replaced it. */
  String renew(String refused) throws DeliveryException {
    synchronized (lock) {
      if (token != null && !token.equals(refused)) {
        return token;
      }
      token = null;
      token = fetch();
      return token;
    }
  }

  private String fetch() throws DeliveryException {
    HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl())
        .POST(HttpRequest.BodyPublishers.ofString(form(), StandardCharsets.UTF_8))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .build();
    HttpResponse<String> answer = SalesforceAnswers.OAUTH.check(context.http().send(request), context.clock());
    String accessToken = context.json().text(answer.body(), "access_token")
        .orElseThrow(() -> new PermanentDeliveryException("Salesforce OAuth answered HTTP " + answer.statusCode()
            + " without an access_token"));
    Optional<String> rotated = context.json().text(answer.body(), "refresh_token");
    if (refreshToken.isPresent() && rotated.isPresent() && !rotated.equals(refreshToken)) {
      refreshToken = rotated;
      context.logger().warn("Salesforce rotated the refresh token of instance {}: the configured refresh-token no "
          + "longer works after a restart; turn off refresh token rotation for this app", context.instanceId());
    }
    context.logger().info("obtained a Salesforce access token from {} ({} flow)", settings.host(), settings.flow());
    return accessToken;
  }

  private String form() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", refreshToken.isPresent() ? "refresh_token" : "client_credentials");
    fields.put("client_id", settings.clientId());
    fields.put("client_secret", settings.clientSecret());
    refreshToken.ifPresent(value -> fields.put("refresh_token", value));
    return fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Override
  public String toString() {
    return "AccessTokens[" + settings.host() + ", " + settings.flow() + "]";
  }
}
