package com.backordergateway.plugins.trello;

import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code action} of a Trello webhook delivery, as far as the source reads it: {@code
 * {"action":{"id","idMemberCreator","type","date","data":{"card","list","listBefore","listAfter",
 * "old","board"},"memberCreator":{"id","username","fullName"}},"model":{…}}}.
 *
 * @param id the action's id: the same on Trello's retries of the delivery
 * @param type {@code createCard}, {@code updateCard}, {@code commentCard}…
 * @param memberCreator the id of the member who acted, or empty
 * @param actor the member's full name, else username, else empty
 * @param card the card acted on, if any
 * @param list the card's list in {@code data.list} (creations, copies, moves from another board)
 * @param listBefore the list a move took the card from ({@code updateCard} moves only)
 * @param listAfter the list a move took the card to ({@code updateCard} moves only)
 */
record TrelloAction(String id, String type, String memberCreator, String actor, Optional<Named> card,
    Optional<Named> list, Optional<Named> listBefore, Optional<Named> listAfter) {

  private static final PlatformJson JSON = PlatformJson.get();

  /** A card or a list: its id, and its name as the action gave it (possibly empty). */
  record Named(String id, String name) {
    Named {
      Objects.requireNonNull(id, "id is null");
      Objects.requireNonNull(name, "name is null");
    }

    /** The name, or the id when the action gave none. */
    String shown() {
      return name.isEmpty() ? id : name;
    }
  }

  TrelloAction {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(memberCreator, "memberCreator is null");
    Objects.requireNonNull(actor, "actor is null");
    Objects.requireNonNull(card, "card is null");
    Objects.requireNonNull(list, "list is null");
    Objects.requireNonNull(listBefore, "listBefore is null");
    Objects.requireNonNull(listAfter, "listAfter is null");
  }

  /**
   * Reads a delivery's body.
   *
   * @throws WebhookRejectedException malformed: not JSON, no {@code action} object, or an action
   *     without its {@code id} or {@code type}
   */
  static TrelloAction read(byte[] body) throws WebhookRejectedException {
    JsonNode root = JSON.read(new String(body, StandardCharsets.UTF_8)).orElseThrow(
        () -> WebhookRejectedException.malformed("trello: the body is not JSON; Trello posts {\"action\":…,\"model\":…}"));
    JsonNode action = root.path("action");
    if (!action.isObject()) {
      throw WebhookRejectedException.malformed("trello: the body has no action object; Trello posts"
          + " {\"action\":…,\"model\":…}");
    }
    String id = text(action, "id").orElseThrow(() -> WebhookRejectedException.malformed(
        "trello: the action has no id, which identifies the delivery"));
    String type = text(action, "type").orElseThrow(() -> WebhookRejectedException.malformed(
        "trello: action " + id + " has no type"));
    JsonNode member = action.path("memberCreator");
    String memberId = text(action, "idMemberCreator").or(() -> text(member, "id")).orElse("");
    String actor = text(member, "fullName").or(() -> text(member, "username")).orElse("");
    JsonNode data = action.path("data");
    return new TrelloAction(id, type, memberId, actor, named(data, "card"), named(data, "list"),
        named(data, "listBefore"), named(data, "listAfter"));
  }

  /** An {@code {id,name}} object of {@code data}; empty when absent or without an id. */
  private static Optional<Named> named(JsonNode data, String field) {
    JsonNode node = data.path(field);
    return text(node, "id").map(id -> new Named(id, text(node, "name").orElse("")));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
  }
}
