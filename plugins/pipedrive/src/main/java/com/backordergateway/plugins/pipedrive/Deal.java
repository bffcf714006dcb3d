package com.backordergateway.plugins.pipedrive;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deal as the connector needs it: its id, its owner (who gets the activity) and its labels
 * (kept when the Backorder label is added or taken off). Found for an order through the deal
 * search on the order custom field, exact match; read again by id on a follow-up.
 */
record Deal(long id, long ownerId, List<Long> labelIds) {

  Deal {
    labelIds = List.copyOf(labelIds);
  }

  /**
   * The deal whose order field is {@code order}, or empty.
   *
   * <p>{@code GET /api/v2/deals/search?term=<order>&fields=custom_fields&exact_match=true}; the
   * search covers every custom field, so each match is read back ({@code GET /api/v2/deals/{id}})
   * and kept only if the configured field holds the order — another text field holding the same
   * value must not catch the backorder.
   */
  static Optional<Deal> forOrder(PipedriveApi api, PipedriveSettings settings, String order) throws DeliveryException {
    HttpResponse<String> found = api.accepted(api.get("/api/v2/deals/search",
        Map.of("term", order, "fields", "custom_fields", "exact_match", "true")));
    for (JsonNode match : PipedriveAnswers.data(found).path("items")) {
      long id = match.path("item").path("id").asLong(0);
      if (id > 0) {
        Optional<JsonNode> deal = read(api, id);
        if (deal.isPresent() && order.equals(orderOf(deal.get(), settings.orderFieldKey()))) {
          return Optional.of(of(deal.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** The deal by id, or empty when it was deleted. */
  static Optional<Deal> byId(PipedriveApi api, long id) throws DeliveryException {
    return read(api, id).map(Deal::of);
  }

  private static Optional<JsonNode> read(PipedriveApi api, long id) throws DeliveryException {
    HttpResponse<String> answer = api.get("/api/v2/deals/" + id, Map.of());
    if (PipedriveAnswers.gone(answer)) {
      return Optional.empty();
    }
    JsonNode deal = PipedriveAnswers.data(api.accepted(answer));
    return deal.path("is_deleted").asBoolean(false) ? Optional.empty() : Optional.of(deal);
  }

  /** The order field's value: v2 puts custom fields under {@code custom_fields}, by key. */
  private static String orderOf(JsonNode deal, String fieldKey) {
    JsonNode value = deal.path("custom_fields").path(fieldKey);
    return value.isValueNode() ? value.asText().strip() : "";
  }

  private static Deal of(JsonNode deal) {
    List<Long> labels = new ArrayList<>();
    deal.path("label_ids").forEach(label -> labels.add(label.asLong()));
    return new Deal(deal.path("id").asLong(), deal.path("owner_id").asLong(0), labels);
  }

  /** The owner's id for the activity; refused for good when the deal has none. */
  long owner() throws PermanentDeliveryException {
    if (ownerId < 1) {
      throw new PermanentDeliveryException("pipedrive: deal " + id + " has no owner to give the activity to");
    }
    return ownerId;
  }
}
