package com.backordergateway.plugins.sendgrid;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PlatformResponses;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * One configured SendGrid sender: emails each customer notification with one Mail Send call,
 * authenticated with the API key as a Bearer token. The host sends it customer notices only (the
 * connector declares no staff audience). Holds no mutable state, so concurrent deliveries are
 * safe.
 */
final class SendGridSession implements ConnectorSession {

  private final SendGridSettings settings;
  private final ConnectorContext context;
  private final PlatformResponses answers;

  SendGridSession(SendGridSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.answers = SendGridAnswers.on(context.clock());
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    HttpRequest request = HttpRequest.newBuilder(settings.mailSendUrl())
        .POST(context.json().body(MailSendPayload.of(notification, settings)))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + settings.apiKey())
        .build();
    HttpResponse<String> response = context.http().send(request);
    return SendGridAnswers.receipt(answers.check(response, context.clock()));
  }

  @Override
  public String toString() {
    return "SendGridSession[" + context.instanceId() + " → " + settings.host() + ", from " + settings.fromEmail()
        + settings.templateId().map(id -> ", template " + id).orElse("") + "]";
  }
}
