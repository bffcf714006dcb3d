package com.backordergateway.plugins.twilio;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.support.PhoneNumbers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One SMS as Twilio's Messages resource takes it: the form fields {@code To}, {@code From} or
 * {@code MessagingServiceSid}, and {@code Body}. Checked before any request is made, because
 * Twilio would refuse it anyway and a retry cannot fix it: the customer's phone must be an E.164
 * number (visual separators such as spaces, dashes, dots and brackets are dropped first), and the
 * body must be non-empty and within Twilio's 1600-character limit. A long body is refused, never
 * cut: a truncated notice could drop the order number or the date.
 *
 * @param to the customer's number in E.164 form
 * @param sender the {@code From} or {@code MessagingServiceSid} field
 * @param body the text; the rendered subject is not sent, SMS have none
 */
record SmsMessage(String to, TwilioSettings.Sender sender, String body) {

  /**
   * Twilio's limit on {@code Body} (error 21617). Twilio counts emoji and other characters
   * outside the basic plane as more than one, so the length is counted in UTF-16 units, which
   * counts each of those as two.
   */
  static final int MAX_BODY_LENGTH = 1600;

  SmsMessage {
    Objects.requireNonNull(to, "to is null");
    Objects.requireNonNull(sender, "sender is null");
    Objects.requireNonNull(body, "body is null");
  }

  /**
   * The SMS for a customer notification.
   *
   * @throws PermanentDeliveryException if the phone number is missing or not E.164, or the body is
   *     empty or too long
   */
  static SmsMessage of(Notification notification, TwilioSettings.Sender sender) throws PermanentDeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    String phone = notification.recipient().phone();
    if (phone.isBlank()) {
      throw new PermanentDeliveryException(
          "twilio: the customer has no phone number; an SMS needs one in E.164 form such as +14155550123");
    }
    String number = PhoneNumbers.e164(phone).orElseThrow(() -> new PermanentDeliveryException(
        "twilio: the customer's phone number is not in E.164 form (a + and the country code, at most 15 digits, "
            + "e.g. +14155550123); the order system must send it with its country code"));
    String body = notification.message().body().strip();
    if (body.isEmpty()) {
      throw new PermanentDeliveryException("twilio: the rendered SMS body is empty; check the template for "
          + notification.trigger() + " / " + notification.purpose());
    }
    if (body.length() > MAX_BODY_LENGTH) {
      throw new PermanentDeliveryException("twilio: the rendered SMS body is " + body.length()
          + " characters, over Twilio's limit of " + MAX_BODY_LENGTH + "; shorten the template for "
          + notification.trigger() + " / " + notification.purpose());
    }
    return new SmsMessage(number, sender, body);
  }

  /** The {@code application/x-www-form-urlencoded} request body, UTF-8. */
  String formBody() {
    return field("To", to) + "&" + field(sender.parameter(), sender.value()) + "&" + field("Body", body);
  }

  private static String field(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
