package com.backordergateway.plugins.mailchimptransactional;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.support.HtmlText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The JSON body of one {@code POST /messages/send-template}: {@code key}, {@code template_name},
 * an empty {@code template_content} (the template reads merge variables, not editable regions),
 * and a {@code message} to the customer with the rendered subject (unless the template's own is
 * kept), the sender overrides, a {@code Reply-To} header, {@code metadata.delivery_id} for
 * webhooks and search, {@code merge_language}, and {@code global_merge_vars}: the notification's
 * facts, then {@code subject}, {@code body}, {@code body_html}, {@code trigger}, {@code purpose},
 * {@code order_id}, {@code customer_name} and {@code customer_first_name}. Facts whose names are
 * not valid merge variable names (letters, digits, underscores, not starting with an underscore)
 * are left out.
 *
 * <p>The body carries the API key: it is never logged, and only {@link MandrillSession} sees it.
 */
final class SendTemplatePayload {

  private static final Pattern MERGE_VAR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");

  private SendTemplatePayload() {}

  /**
   * The request body for a customer notification.
   *
   * @throws PermanentDeliveryException if the customer has no usable address
   */
  static ObjectNode of(Notification notification, MandrillSettings settings) throws PermanentDeliveryException {
    Objects.requireNonNull(notification, "notification is null");
    Objects.requireNonNull(settings, "settings is null");
    Recipient customer = notification.recipient();
    String email = customer.email().strip();
    if (email.isEmpty()) {
      throw new PermanentDeliveryException("mailchimp-transactional: the customer has no email address");
    }
    if (!EmailAddresses.isValid(email)) {
      throw new PermanentDeliveryException("mailchimp-transactional: the customer's email address is not a valid address");
    }
    ObjectNode root = PlatformJson.get().object();
    root.put("key", settings.apiKey());
    root.put("template_name", settings.templateName());
    root.putArray("template_content");
    ObjectNode message = root.putObject("message");
    ObjectNode to = message.putArray("to").addObject().put("email", email);
    if (!customer.name().isBlank()) {
      to.put("name", customer.name().strip());
    }
    to.put("type", "to");
    String subject = notification.message().subject().strip();
    if (!settings.useTemplateSubject() && !subject.isEmpty()) {
      message.put("subject", subject);
    }
    settings.fromEmail().ifPresent(address -> message.put("from_email", address));
    settings.fromName().ifPresent(name -> message.put("from_name", name));
    settings.replyTo().ifPresent(address -> message.putObject("headers").put("Reply-To", address));
    message.put("merge_language", settings.mergeLanguage());
    ArrayNode vars = message.putArray("global_merge_vars");
    mergeVars(notification).forEach((name, content) -> vars.addObject().put("name", name).put("content", content));
    message.putObject("metadata").put("delivery_id", notification.deliveryId());
    return root;
  }

  /** What the template can use, by name: the facts, then the rendered text and a few names. */
  static Map<String, String> mergeVars(Notification notification) {
    Map<String, String> vars = new LinkedHashMap<>();
    new TreeMap<>(notification.audienceFacts()).forEach((name, value) -> {
      if (MERGE_VAR_NAME.matcher(name).matches()) {
        vars.put(name, value);
      }
    });
    Recipient customer = notification.recipient();
    Notification.Message message = notification.message();
    vars.put("subject", message.subject().strip());
    vars.put("body", message.body().strip());
    vars.put("body_html", HtmlText.paragraphs(message.body()));
    vars.put("trigger", kebab(notification.trigger().name()));
    vars.put("purpose", kebab(notification.purpose().name()));
    vars.put("order_id", notification.fact("order_id").isEmpty() ? customer.orderId() : notification.fact("order_id"));
    vars.put("customer_name", customer.name().strip());
    vars.put("customer_first_name", customer.name().isBlank() ? "" : customer.name().strip().split("\\s+")[0]);
    return vars;
  }

  private static String kebab(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
