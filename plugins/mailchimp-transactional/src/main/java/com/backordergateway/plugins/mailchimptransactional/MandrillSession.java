package com.backordergateway.plugins.mailchimptransactional;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One configured Mailchimp Transactional template: emails each customer notification with one
 * send-template call whose JSON body carries the API key (the API has no auth header). The host
 * sends it customer notices only (the connector declares no staff audience). Holds no mutable
 * state, so concurrent deliveries are safe.
 */
final class MandrillSession implements ConnectorSession {

  private final MandrillSettings settings;
  private final ConnectorContext context;

  MandrillSession(MandrillSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    HttpRequest request = HttpRequest.newBuilder(settings.sendTemplateUrl())
        .POST(context.json().body(SendTemplatePayload.of(notification, settings)))
        .header("Content-Type", "application/json")
        .build();
    HttpResponse<String> response = context.http().send(request);
    MandrillAnswers.MANDRILL.check(response, context.clock());
    return MandrillAnswers.receipt(response, notification.recipient().email().strip());
  }

  @Override
  public String toString() {
    return "MandrillSession[" + context.instanceId() + " → " + settings.host() + ", template " + settings.templateName()
        + "]";
  }
}
