package com.backordergateway.plugins.twilio;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * One configured Twilio account and sender: creates one Message per customer notification with
 * a form-encoded POST, authenticated with HTTP Basic (account SID and auth token). The host sends
 * it customer notices only (the connector declares no staff audience). Holds no mutable state, so
 * concurrent deliveries are safe.
 */
final class TwilioSession implements ConnectorSession {

  private final TwilioSettings settings;
  private final ConnectorContext context;
  private final String authorization;

  TwilioSession(TwilioSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    String credentials = settings.accountSid() + ":" + settings.authToken();
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    SmsMessage sms = SmsMessage.of(notification, settings.sender());
    HttpRequest request = HttpRequest.newBuilder(settings.messagesUrl())
        .POST(HttpRequest.BodyPublishers.ofString(sms.formBody(), StandardCharsets.UTF_8))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("Authorization", authorization)
        .build();
    HttpResponse<String> response = context.http().send(request);
    return TwilioAnswers.receipt(response, context.clock());
  }

  @Override
  public String toString() {
    return "TwilioSession[" + context.instanceId() + " → " + settings.host() + ", " + settings.sender().parameter()
        + "=" + settings.sender().value() + "]";
  }
}
