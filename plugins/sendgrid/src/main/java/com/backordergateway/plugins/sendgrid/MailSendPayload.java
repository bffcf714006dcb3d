package com.backordergateway.plugins.sendgrid;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.support.HtmlText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The JSON body of one {@code POST /v3/mail/send}: one personalization addressed to the customer,
 * {@code from} (and {@code reply_to}), {@code custom_args.delivery_id} so SendGrid's event
 * webhook can be matched to the delivery, and either
 *
 * <ul>
 *   <li>with a dynamic template: {@code template_id} and {@code dynamic_template_data} holding
 *       the notification's facts plus {@code subject}, {@code body}, {@code body_html},
 *       {@code trigger}, {@code purpose}, {@code order_id}, {@code customer_name} and
 *       {@code customer_first_name}; or
 *   <li>without: {@code subject} and {@code content}, text/plain first and then text/html built
 *       by escaping the body, as SendGrid requires that order.
 * </ul>
 */
final class MailSendPayload {

  private MailSendPayload() {}

  /**
   * The request body for a customer notification.
   *
   * @throws PermanentDeliveryException if the customer has no usable address, or there is no
   *     subject or body to send without a template
   */
  static ObjectNode of(Notification notification, SendGridSettings settings) throws PermanentDeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    Objects.requireNonNull(settings, "settings is null");
    Recipient customer = notification.recipient();
    String email = customer.email().strip();
    if (email.isEmpty()) {
      throw new PermanentDeliveryException("sendgrid: the customer has no email address");
    }
    if (!EmailAddresses.isValid(email)) {
      throw new PermanentDeliveryException("sendgrid: the customer's email address is not a valid address");
    }
    Notification.Message message = notification.message();
    ObjectNode root = PlatformJson.get().object();
    ObjectNode personalization = root.putArray("personalizations").addObject();
    ObjectNode to = personalization.putArray("to").addObject().put("email", email);
    if (EmailAddresses.isSafeDisplayName(customer.name())) {
      to.put("name", customer.name().strip());
    }
    ObjectNode from = root.putObject("from").put("email", settings.fromEmail());
    settings.fromName().ifPresent(name -> from.put("name", name));
    settings.replyTo().ifPresent(address -> root.putObject("reply_to").put("email", address));

    if (settings.templateId().isPresent()) {
      root.put("template_id", settings.templateId().get());
      personalization.set("dynamic_template_data", templateData(notification));
    } else {
      if (message.subject().isBlank()) {
        throw new PermanentDeliveryException("sendgrid: the rendered email has no subject; start the template for "
            + notification.trigger() + " / " + notification.purpose() + " with a 'Subject: …' line, or set template-id");
      }
      if (message.body().isBlank()) {
        throw new PermanentDeliveryException("sendgrid: the rendered email body is empty; check the template for "
            + notification.trigger() + " / " + notification.purpose());
      }
      root.put("subject", message.subject().strip());
      ArrayNode content = root.putArray("content");
      content.addObject().put("type", "text/plain").put("value", message.body().strip());
      content.addObject().put("type", "text/html").put("value", HtmlText.paragraphs(message.body()));
    }
    ObjectNode customArgs = root.putObject("custom_args").put("delivery_id", notification.deliveryId());
    if (!notification.fact("case_id").isEmpty()) {
      customArgs.put("case_id", notification.fact("case_id"));
    }
    return root;
  }

  /** What a dynamic template can use: the facts, then the rendered text and a few names. */
  static ObjectNode templateData(Notification notification) {
    ObjectNode data = PlatformJson.get().object();
    new TreeMap<>(notification.audienceFacts()).forEach(data::put);
    Recipient customer = notification.recipient();
    Notification.Message message = notification.message();
    data.put("subject", message.subject().strip());
    data.put("body", message.body().strip());
    data.put("body_html", HtmlText.paragraphs(message.body()));
    data.put("trigger", kebab(notification.trigger().name()));
    data.put("purpose", kebab(notification.purpose().name()));
    data.put("order_id", notification.fact("order_id").isEmpty() ? customer.orderId() : notification.fact("order_id"));
    data.put("customer_name", customer.name().strip());
    data.put("customer_first_name", customer.name().isBlank() ? "" : customer.name().strip().split("\\s+")[0]);
    return data;
  }

  private static String kebab(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
