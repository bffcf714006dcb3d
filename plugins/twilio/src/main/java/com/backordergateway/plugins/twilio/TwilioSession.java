package com.backordergateway.plugins.twilio;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * One configured Twilio account and sender: creates one Message per customer notification with
 * a form-encoded POST, authenticated with HTTP Basic (account SID and auth token). Staff
 * notifications are refused: an SMS goes to a person's phone, and staff alerts belong in a staff
 * channel. Holds no mutable state, so concurrent deliveries are safe.
 */
final class TwilioSession implements ConnectorSession {

  private final TwilioSettings settings;
  private final ConnectorContext context;
  private final String userAgent;
  private final String authorization;

  TwilioSession(TwilioSettings settings, ConnectorContext context, String userAgent) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent is null");
    String credentials = settings.accountSid() + ":" + settings.authToken();
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    if (notification.audience() != Notification.Audience.CUSTOMER) {
      throw new PermanentDeliveryException("twilio sends SMS to customers only; instance " + context.instanceId()
          + " got a " + notification.audience() + " " + notification.purpose()
          + " notification: route staff alerts to a staff channel (Slack, Teams, tickets)");
    }
    SmsMessage sms = SmsMessage.of(notification, settings.sender());
    HttpRequest request = HttpRequest.newBuilder(settings.messagesUrl())
        .POST(HttpRequest.BodyPublishers.ofString(sms.formBody(), StandardCharsets.UTF_8))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("Authorization", authorization)
        .header("User-Agent", userAgent)
        .build();

    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {} to Twilio {}: HTTP {}", notification.deliveryId(), settings.host(),
        response.statusCode());
    return TwilioAnswers.receipt(response, settings.authToken(), context.clock());
  }

  @Override
  public String toString() {
    return "TwilioSession[" + context.instanceId() + " → " + settings.host() + ", " + settings.sender().parameter()
        + "=" + settings.sender().value() + "]";
  }
}
