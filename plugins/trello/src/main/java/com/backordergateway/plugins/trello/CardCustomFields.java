package com.backordergateway.plugins.trello;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.plugins.trello.TrelloSourceSettings.SkuField;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A card's SKU from one of its custom fields, which Trello's webhooks do not carry: {@code GET
 * /1/cards/<card>/customFieldItems?key&token}, answered {@code [{"id","idValue","value":{"text"}
 * or {"number"},"idCustomField","idModel","modelType":"card"}]}. Text and number fields name a
 * SKU; a list (dropdown) field's {@code idValue} does not.
 *
 * <p>The key and token travel in the URL, so a request's URL is never logged nor put into a
 * message: its method and path are.
 */
final class CardCustomFields {

  private static final Pattern CARD_ID = Pattern.compile(TrelloSettings.OBJECT_ID);

  /** What the card's items say of the field. */
  sealed interface Found {}

  /** The field's value, stripped. */
  record Value(String text) implements Found {}

  /** Why the card names no SKU in the field, for the outcome's note. */
  record Missing(String why) implements Found {}

  private CardCustomFields() {}

  /**
   * The field's value on the card.
   *
   * @throws WebhookRejectedException to retry later when Trello is rate limiting, failing or
   *     out of reach; malformed when it refuses the look-up (a wrong key or token, a card it
   *     does not know), with Trello's text and without the key or token
   */
  static Found read(SkuField field, String card, ConnectorContext context) throws WebhookRejectedException {
    if (!CARD_ID.matcher(card).matches()) {
      throw WebhookRejectedException.malformed("trello: the card id of the action is not a Trello id");
    }
    String path = SkuField.path(card);
    HttpRequest request = HttpRequest.newBuilder(field.itemsUrl(card)).header("Accept", "application/json").GET()
        .build();
    HttpResponse<String> answer;
    try {
      answer = context.http().send(request);
      context.logger().debug("Trello GET {}: HTTP {}", path, answer.statusCode());
      TrelloAnswers.ANSWERS.check(answer, context.clock());
    } catch (RetryableDeliveryException e) {
      throw WebhookRejectedException.retryLater("trello: reading custom field " + field.fieldId() + " of card "
          + card + " failed for now: " + field.redact(String.valueOf(e.getMessage())));
    } catch (DeliveryException e) {
      throw WebhookRejectedException.malformed("trello: Trello refused reading custom field " + field.fieldId()
          + " of card " + card + " (GET " + path + "): " + field.redact(String.valueOf(e.getMessage())));
    }
    JsonNode items = context.json().read(answer.body()).filter(JsonNode::isArray).orElseThrow(
        () -> WebhookRejectedException.malformed("trello: Trello answered GET " + path
            + " with something other than a list of custom field items"));
    for (JsonNode item : items) {
      if (field.fieldId().equals(item.path("idCustomField").asText())) {
        return valueOf(item, field.fieldId(), card);
      }
    }
    return new Missing("card " + card + " has no value in custom field " + field.fieldId());
  }

  private static Found valueOf(JsonNode item, String fieldId, String card) {
    JsonNode value = item.path("value");
    for (String kind : new String[] {"text", "number"}) {
      JsonNode v = value.path(kind);
      if ((v.isTextual() || v.isNumber()) && !v.asText().isBlank()) {
        return new Value(v.asText().strip());
      }
    }
    if (item.path("idValue").isTextual()) {
      return new Missing("custom field " + fieldId + " of card " + card
          + " is a list (dropdown) field; only a text or number field names a SKU");
    }
    return new Missing("custom field " + fieldId + " of card " + card + " has no text or number value");
  }
}
