package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.WebhookRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * monday.com webhook deliveries for tests: the creation challenge and a status column change
 * shaped as monday.com posts them, sent with a URL secret or with an app's {@code Authorization}
 * JWT, signed by hand (HS256) with a test Signing Secret.
 */
final class MondayPayloads {

  static final String SIGNING_SECRET = "4f1d9c2b7a6e5d8c3b0a9f8e7d6c5b4a";
  static final String URL_SECRET = "mNq7Yv2pL9xR4tW8zK3nB6cD1hJ5sF0g";
  static final String ENDPOINT = "https://gateway.example.com/webhooks/monday/purchasing-board";
  static final String CHALLENGE_VALUE = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";
  static final String CHALLENGE = "{\"challenge\":\"" + CHALLENGE_VALUE + "\"}";
  static final String TRIGGER_UUID = "6a3bd7ff0d1a4e1ca1c4c6e1f5f1ad36";
  static final String USER_ID = "9603417";
  static final String BOARD_ID = "3139815742";
  static final String ITEM_ID = "3139815770";
  static final String SKU = "PAINT-ACR-120-RED";

  /** A status column moved from "In stock" to "Backorder" by user 9603417, as monday.com posts it. */
  static final String STATUS_TO_BACKORDER = """
      {
        "event": {
          "app": "monday",
          "type": "update_column_value",
          "triggerTime": "2026-03-02T09:29:41.000Z",
          "subscriptionId": 73759690,
          "userId": 9603417,
          "originalTriggerUuid": null,
          "boardId": 3139815742,
          "groupId": "topics",
          "pulseId": 3139815770,
          "pulseName": "PAINT-ACR-120-RED Titanium white 120 ml",
          "columnId": "status",
          "columnType": "color",
          "columnTitle": "Status",
          "value": {
            "label": {"index": 2, "text": "Backorder", "style": {"color": "#e2445c", "border": "#ce3048"}, "is_done": false},
            "post_id": null
          },
          "previousValue": {
            "label": {"index": 1, "text": "In stock", "style": {"color": "#00c875", "border": "#00b461"}, "is_done": false},
            "post_id": null
          },
          "changedAt": 1772443781.2817426,
          "isTopGroup": true,
          "triggerUuid": "6a3bd7ff0d1a4e1ca1c4c6e1f5f1ad36"
        }
      }
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private MondayPayloads() {}

  /** The status change from {@code previous} to {@code label}; null for no value on that side. */
  static String statusChange(String previous, String label) {
    return event(e -> {
      setLabel(e, "value", label);
      setLabel(e, "previousValue", previous);
    });
  }

  /** {@link #STATUS_TO_BACKORDER} with its event edited. */
  static String event(Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(STATUS_TO_BACKORDER);
      edit.accept((ObjectNode) root.get("event"));
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void setLabel(ObjectNode event, String field, String label) {
    if (label == null) {
      event.putNull(field);
    } else {
      ((ObjectNode) event.get(field).get("label")).put("text", label);
    }
  }

  /** A delivery to {@code /webhooks/monday/<id>?secret=<secret>}, unsigned as board webhooks are. */
  static WebhookRequest withUrlSecret(String body, String secret) {
    return new WebhookRequest(Map.of("Content-Type", "application/json", "User-Agent", "monday.com"),
        Map.of("secret", secret), bytes(body));
  }

  /** A delivery without any proof. */
  static WebhookRequest unsigned(String body) {
    return new WebhookRequest(Map.of("Content-Type", "application/json"), Map.of(), bytes(body));
  }

  /** A delivery with {@code Authorization: <token>}, as a monday app's webhooks are sent. */
  static WebhookRequest withToken(String body, String authorization) {
    return new WebhookRequest(Map.of("Content-Type", "application/json", "Authorization", authorization), Map.of(),
        bytes(body));
  }

  /** The JWT monday.com signs an app's delivery with: issued {@code iat}, valid five minutes, for {@code aud}. */
  static String appToken(String secret, Instant iat, String aud) {
    return jwt(secret, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims(iat, iat.plusSeconds(300), aud));
  }

  static String claims(Instant iat, Instant exp, String aud) {
    return "{\"accountId\":11223344,\"userId\":9603417,\"aud\":\"" + aud + "\",\"exp\":" + exp.getEpochSecond()
        + ",\"shortLivedToken\":\"eyJhbGciOiJIUzI1NiJ9.eyJkYXQiOnsiYWlkIjoxMTIyMzM0NH19.c2hvcnQtbGl2ZWQ\",\"iat\":"
        + iat.getEpochSecond() + "}";
  }

  /** base64url(header).base64url(claims).base64url(HMAC-SHA256(secret, the first two)), as HS256 is. */
  static String jwt(String secret, String header, String claims) {
    String signed = base64url(bytes(header)) + "." + base64url(bytes(claims));
    return signed + "." + base64url(hmacSha256(secret, signed));
  }

  static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] hmacSha256(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
