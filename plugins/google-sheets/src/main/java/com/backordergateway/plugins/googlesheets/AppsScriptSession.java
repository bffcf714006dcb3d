package com.backordergateway.plugins.googlesheets;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Objects;

/**
 * The Apps Script mode: each delivery POSTs its row as JSON to the web app the README's
 * {@code doPost} script is deployed as, {@code {"delivery_id", "sheet", "columns": […], "row":
 * […]}}; the script appends it and answers {@code {"ok":true,"updatedRange"}}.
 *
 * <p>Apps Script runs {@code doPost} on the POST and answers {@code 302} to
 * {@code script.googleusercontent.com}, where the script's output waits to be read with a GET.
 * The host's HTTP client follows no redirects, so this session does, once, and only there (or to
 * the web app's own host: a test server or a proxy). A redirect to {@code accounts.google.com}
 * means the deployment is not open to "Anyone": permanent, saying so. The script remembers each
 * delivery id for six hours, so a retry after a lost answer does not add the row twice.
 *
 * <p>The web app's URL is a credential (anyone holding it can add rows): it is never logged or
 * put in a message. Holds no mutable state, so concurrent deliveries are safe.
 */
final class AppsScriptSession implements ConnectorSession {

  static final String OUTPUT_HOST = "script.googleusercontent.com";
  static final String SIGN_IN_HOST = "accounts.google.com";

  private final GoogleSheetsSettings settings;
  private final ConnectorContext context;
  private final URI webApp;

  AppsScriptSession(GoogleSheetsSettings settings, URI webApp, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.webApp = Objects.requireNonNull(webApp, "webApp is null");
    this.context = Objects.requireNonNull(context, "context is null");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    ObjectNode body = context.json().object().put("delivery_id", notification.deliveryId()).put("sheet", settings.sheet());
    ArrayNode columns = body.putArray("columns");
    settings.columns().forEach(column -> columns.add(column.label()));
    ArrayNode row = body.putArray("row");
    SheetRow.of(notification, settings.columns(), context.clock().instant(), settings.zone()).forEach(row::add);

    HttpResponse<String> answer = context.http().send(HttpRequest.newBuilder(webApp)
        .POST(context.json().body(body))
        .header("Content-Type", "application/json")
        .build());
    context.logger().debug("delivery {}: Apps Script web app answered HTTP {}", notification.deliveryId(),
        answer.statusCode());
    if (answer.statusCode() == 302 || answer.statusCode() == 303) {
      answer = context.http().send(HttpRequest.newBuilder(output(answer)).GET().build());
      context.logger().debug("delivery {}: the script's output: HTTP {}", notification.deliveryId(), answer.statusCode());
    }
    return GoogleAnswers.webAppReceipt(GoogleAnswers.WEB_APP.check(answer, context.clock()), notification.deliveryId());
  }

  /** Where the script's output is to be read, if the redirect goes where Apps Script sends it. */
  private URI output(HttpResponse<String> redirect) throws DeliveryException {
    String location = redirect.headers().firstValue("Location").orElseThrow(() -> new PermanentDeliveryException(
        "Apps Script web app answered HTTP " + redirect.statusCode() + " without a Location"));
    URI target;
    try {
      target = webApp.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new PermanentDeliveryException("Apps Script web app redirected to an unreadable Location");
    }
    String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
    if (host.equals(SIGN_IN_HOST)) {
      throw new PermanentDeliveryException("Apps Script web app asks for a Google sign-in: deploy it with "
          + "Execute as: Me and Who has access: Anyone (README, Apps Script set-up)");
    }
    if (!host.equals(OUTPUT_HOST) && !host.equalsIgnoreCase(webApp.getHost())) {
      throw new PermanentDeliveryException("Apps Script web app redirected to " + host + ", not to " + OUTPUT_HOST
          + "; not followed");
    }
    return target;
  }

  @Override
  public String toString() {
    return "GoogleSheetsSession[" + context.instanceId() + " → " + settings.target() + "]";
  }
}
