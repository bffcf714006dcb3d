package com.backordergateway.plugins.zapier;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformResponses;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One Catch Hook: each delivery is one POST of {@link ZapierPayload}. Zapier answers
 * {@code 200 {"attempt","id","request_id","status":"success"}} once it has queued the Zap run;
 * the request id is the receipt's. 429 (the hook's rate limit) and 5xx are retried; 410 (the hook
 * was deleted, or the Zap turned off and its hook gone) and other 4xx are permanent. A 200 whose
 * status is not {@code success} is permanent too: the run was not queued and Zapier says why.
 *
 * <p>The hook URL is the credential: it is never logged or put into an error, only its host.
 * Holds no mutable state, so concurrent deliveries are safe.
 */
final class ZapierSession implements ConnectorSession {

  private final ZapierSettings settings;
  private final ConnectorContext context;
  private final PlatformResponses answers = PlatformResponses.of("Zapier");

  ZapierSession(ZapierSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    HttpRequest request = HttpRequest.newBuilder(settings.hookUrl())
        .POST(context.json().body(ZapierPayload.of(notification, settings.zone(), context.clock().instant())))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .build();
    HttpResponse<String> answer = answers.check(context.http().send(request), context.clock());
    String status = context.json().text(answer.body(), "status").orElse("");
    if (!status.equals("success")) {
      throw new PermanentDeliveryException("Zapier answered HTTP " + answer.statusCode() + " with status '" + status
          + "'" + context.json().text(answer.body(), "message").map(message -> ": " + message).orElse("")
          + "; the Zap run was not queued");
    }
    String id = context.json().text(answer.body(), "request_id")
        .or(() -> context.json().text(answer.body(), "id")).orElse(notification.deliveryId());
    context.logger().debug("delivery {}: Zapier queued request {}", notification.deliveryId(), id);
    return DeliveryReceipt.of(id);
  }

  @Override
  public String toString() {
    return "ZapierSession[" + context.instanceId() + " → " + settings.host() + "]";
  }
}
