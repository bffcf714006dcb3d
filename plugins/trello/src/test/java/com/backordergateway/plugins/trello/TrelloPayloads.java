package com.backordergateway.plugins.trello;

import com.backordergateway.connector.api.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Trello webhook deliveries as Trello posts them — {@code {"action":{…},"model":{…}}} with the
 * action's member, data and display — and their {@code X-Trello-Webhook} signature, computed here
 * with the JDK's HMAC-SHA1 (not the SPI's helper) over the body's bytes and the callback URL.
 */
final class TrelloPayloads {

  static final String SECRET = "7f3c9a1e5b2d4f60a8c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1";
  static final String CALLBACK = "https://gateway.maple-thread.example/webhooks/trello/stock-board";

  static final String BOARD = "65f1c0ffee0ddba11a5eb0a1";
  static final String BACKORDER = "65f1c0ffee0ddba11a5e0001";
  static final String RESOLVED = "65f1c0ffee0ddba11a5e0002";
  static final String IN_STOCK = "65f1c0ffee0ddba11a5e0003";
  static final String CARD = "65f1c0ffee0ddba11a5ec0de";
  static final String ACTION = "65f2a1b2c3d4e5f6a7b8c9d0";
  static final String DANA = "5a0b0c0d0e0f101112131415";
  static final String GATEWAY_MEMBER = "5f5e5d5c5b5a595857565554";
  static final String CARD_NAME = "ACR-TITANIUM-WHITE Titanium white 120 ml — 3 orders waiting";

  private TrelloPayloads() {}

  /** The {@code model}: the board the webhook watches (its name is not ASCII, as the signature must cope). */
  private static final String MODEL = """
      {"id":"%s","name":"Maple & Thread — stock","desc":"","descData":null,"closed":false,\
      "idOrganization":"60a1b2c3d4e5f60718293a4b","idEnterprise":null,"pinned":false,\
      "url":"https://trello.com/b/AbCdEf12/maple-thread-stock","shortUrl":"https://trello.com/b/AbCdEf12",\
      "prefs":{"permissionLevel":"org","background":"blue"},"labelNames":{"red":"Backorder","green":""}}"""
      .formatted(BOARD);

  private static String board() {
    return "\"board\":{\"id\":\"" + BOARD + "\",\"name\":\"Maple & Thread — stock\",\"shortLink\":\"AbCdEf12\"}";
  }

  private static String member(String id, String fullName, String username) {
    return """
        "memberCreator":{"id":"%s","activityBlocked":false,"avatarHash":"c3a1f0e2d4b6a8c0e2f4a6b8c0d2e4f6",\
        "avatarUrl":"https://trello-members.s3.amazonaws.com/%s/c3a1f0e2d4b6a8c0e2f4a6b8c0d2e4f6",\
        "fullName":%s,"idMemberReferrer":null,"initials":"DW","nonPublic":{},"nonPublicAvailable":true,\
        "username":"%s"}""".formatted(id, id, fullName == null ? "null" : "\"" + fullName + "\"", username);
  }

  private static String action(String id, String memberId, String type, String data, String translationKey,
      String memberCreator) {
    return """
        {"model":%s,"action":{"id":"%s","idMemberCreator":"%s","data":{%s},"appCreator":null,"type":"%s",\
        "date":"2026-03-02T09:29:41.512Z","limits":null,"display":{"translationKey":"%s","entities":{}},%s}}"""
        .formatted(MODEL, id, memberId, data, type, translationKey, memberCreator);
  }

  /** {@code createCard} of a card named {@code name} in list {@code listId}, by Dana. */
  static String createCard(String name, String listId, String listName) {
    return createCardBy(DANA, name, listId, listName);
  }

  static String createCardBy(String memberId, String name, String listId, String listName) {
    String data = """
        "card":{"id":"%s","name":"%s","idShort":42,"shortLink":"Xy12AbCd"},"list":{"id":"%s","name":"%s"},%s"""
        .formatted(CARD, name, listId, listName, board());
    return action(ACTION, memberId, "createCard", data, "action_create_card",
        member(memberId, "Dana Whitfield", "danawhitfield"));
  }

  /** {@code copyCard} of another card into list {@code listId}, by Dana. */
  static String copyCard(String name, String listId, String listName) {
    String data = """
        "cardSource":{"id":"65f1c0ffee0ddba11a5ec0df","name":"%s","idShort":17,"shortLink":"Qr34StUv"},\
        "card":{"id":"%s","name":"%s","idShort":42,"shortLink":"Xy12AbCd"},"list":{"id":"%s","name":"%s"},%s"""
        .formatted(name, CARD, name, listId, listName, board());
    return action(ACTION, DANA, "copyCard", data, "action_copy_card",
        member(DANA, "Dana Whitfield", "danawhitfield"));
  }

  /** {@code moveCardToBoard}: the card arrives in list {@code listId} from another board, by Dana. */
  static String moveCardToBoard(String name, String listId, String listName) {
    String data = """
        "board":{"id":"%s","name":"Maple & Thread — stock","shortLink":"AbCdEf12"},\
        "boardSource":{"id":"65f1c0ffee0ddba11a5eb0a2","name":"Supplier orders"},\
        "card":{"id":"%s","name":"%s","idShort":42,"shortLink":"Xy12AbCd"},"list":{"id":"%s","name":"%s"}"""
        .formatted(BOARD, CARD, name, listId, listName);
    return action(ACTION, DANA, "moveCardToBoard", data, "action_move_card_to_board",
        member(DANA, "Dana Whitfield", "danawhitfield"));
  }

  /** {@code updateCard} moving the card from one list to another, by Dana. */
  static String moveCard(String name, String fromId, String fromName, String toId, String toName) {
    return moveCardBy("Dana Whitfield", name, fromId, fromName, toId, toName);
  }

  static String moveCardBy(String fullName, String name, String fromId, String fromName, String toId, String toName) {
    String data = """
        "card":{"idList":"%s","id":"%s","name":"%s","idShort":42,"shortLink":"Xy12AbCd"},"old":{"idList":"%s"},\
        %s,"listBefore":{"id":"%s","name":"%s"},"listAfter":{"id":"%s","name":"%s"}"""
        .formatted(toId, CARD, name, fromId, board(), fromId, fromName, toId, toName);
    return action(ACTION, DANA, "updateCard", data, "action_move_card_from_list_to_list",
        member(DANA, fullName, "danawhitfield"));
  }

  /** {@code updateCard} renaming the card, which stays on the Backorder list. */
  static String renameCard(String oldName, String newName) {
    String data = """
        "card":{"id":"%s","name":"%s","idShort":42,"shortLink":"Xy12AbCd"},"old":{"name":"%s"},%s,\
        "list":{"id":"%s","name":"Backorder"}""".formatted(CARD, newName, oldName, board(), BACKORDER);
    return action(ACTION, DANA, "updateCard", data, "action_renamed_card",
        member(DANA, "Dana Whitfield", "danawhitfield"));
  }

  /** {@code updateCard} setting the card's due date. */
  static String dueDateChanged() {
    String data = """
        "card":{"due":"2026-03-20T17:00:00.000Z","id":"%s","name":"%s","idShort":42,"shortLink":"Xy12AbCd"},\
        "old":{"due":null},%s,"list":{"id":"%s","name":"Backorder"}""".formatted(CARD, CARD_NAME, board(), BACKORDER);
    return action(ACTION, DANA, "updateCard", data, "action_added_a_due_date",
        member(DANA, "Dana Whitfield", "danawhitfield"));
  }

  /** {@code commentCard} on the card. */
  static String comment() {
    String data = """
        "text":"Supplier says two weeks","textData":{"emoji":{}},"card":{"id":"%s","name":"%s","idShort":42,\
        "shortLink":"Xy12AbCd"},%s,"list":{"id":"%s","name":"Backorder"}""".formatted(CARD, CARD_NAME, board(),
        BACKORDER);
    return action(ACTION, DANA, "commentCard", data, "action_comment_on_card",
        member(DANA, "Dana Whitfield", "danawhitfield"));
  }

  /** base64(HMAC-SHA1(secret, body bytes + callback URL bytes)). */
  static String sign(String secret, byte[] body, String callbackUrl) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      mac.update(body);
      mac.update(callbackUrl.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body as Trello posts it to {@link #CALLBACK}, signed with {@link #SECRET}. */
  static WebhookRequest delivery(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new WebhookRequest(Map.of("Content-Type", "application/json",
        "X-Trello-Webhook", sign(SECRET, bytes, CALLBACK), "User-Agent", "Trello"), bytes);
  }
}
