package com.backordergateway.plugins.googlesheets;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PlatformResponses;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * The Sheets API mode: each delivery appends one row with {@code spreadsheets.values.append}
 * ({@code {"majorDimension":"ROWS","values":[[…]]}}), signed in as the service account with a
 * cached access token. A token Google refuses (401: revoked, or the clock moved) is renewed once
 * and the row sent again; a second refusal is permanent. Every delivery is a new row, never an
 * update: the rows are the audit trail. The receipt is the range the row landed in.
 *
 * <p>Thread-safe: the token cache is the only shared state, and it guards itself.
 */
final class SheetsApiSession implements ConnectorSession {

  private final GoogleSheetsSettings settings;
  private final ConnectorContext context;
  private final AccessTokens tokens;
  private final PlatformResponses sheets;
  private final URI appendUrl;

  SheetsApiSession(GoogleSheetsSettings settings, ServiceAccountKey key, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.tokens = new AccessTokens(key, context);
    this.sheets = GoogleAnswers.sheets(key.clientEmail());
    this.appendUrl = settings.appendUrl();
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    ObjectNode body = context.json().object().put("majorDimension", "ROWS");
    ArrayNode row = body.putArray("values").addArray();
    SheetRow.of(notification, settings.columns(), context.clock().instant(), settings.zone()).forEach(row::add);
    String token = tokens.current();
    HttpResponse<String> answer = append(body, token);
    if (answer.statusCode() == 401) {
      context.logger().info("delivery {}: Google refused the access token; renewing it once", notification.deliveryId());
      tokens.refused(token);
      answer = append(body, tokens.current());
    }
    return GoogleAnswers.appended(sheets.check(answer, context.clock()), notification.deliveryId());
  }

  private HttpResponse<String> append(ObjectNode body, String token) throws DeliveryException {
    HttpResponse<String> answer = context.http().send(HttpRequest.newBuilder(appendUrl)
        .POST(context.json().body(body))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token)
        .build());
    context.logger().debug("Google Sheets append to {}: HTTP {}", settings.target(), answer.statusCode());
    return answer;
  }

  @Override
  public String toString() {
    return "GoogleSheetsSession[" + context.instanceId() + " → " + settings.target() + " as " + tokens + "]";
  }
}
