package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.BackorderSignal;
import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.api.ShipmentSignal;
import com.backordergateway.connector.api.SourceSignal;
import com.backordergateway.connector.api.StockSignal;
import com.backordergateway.connector.api.UnavailableSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.api.WebhookSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The generic JSON source (type {@code json}, posted to {@code /webhooks/json/<source id>}) for
 * systems with no plugin of their own: a warehouse system, an Airtable automation's script, a
 * Zapier action, an internal tool. Each instance says in its settings how posts are signed, what
 * identifies a delivery, which trigger they report and where each field sits in the body (JSON
 * pointers); see {@link JsonSourceSettings}.
 *
 * <p>{@link #verify}: the signature header must be HMAC-SHA256(secret, body) — or of
 * {@code <timestamp>.<body>} when a timestamp header is configured — in hex or base64, a
 * {@code sha256=} prefix allowed; with {@code auth: token} the header must be the secret itself.
 * Compared in constant time. {@link #read}: the timestamp within the replay window, then the
 * mapping; a field that does not match the body is a 400 naming the field and its pointer.
 */
@Extension
public final class JsonSource implements WebhookSource {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String source() {
    return "json";
  }

  @Override
  public List<SettingSpec> settings() {
    return JsonSourceSettings.SPECS;
  }

  @Override
  public void checkSettings(ConnectorSettings settings) {
    JsonSourceSettings.from(settings);
  }

  @Override
  public void verify(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException {
    JsonSourceSettings source = JsonSourceSettings.from(settings);
    String presented = request.header(source.signatureHeader()).map(String::strip).filter(s -> !s.isEmpty())
        .orElseThrow(() -> WebhookRejectedException.badSignature("json: no " + source.signatureHeader() + " header"));
    if (source.auth() == JsonSourceSettings.Auth.TOKEN) {
      String token = presented.startsWith("Bearer ") ? presented.substring("Bearer ".length()).strip() : presented;
      if (!WebhookSignatures.sameSecret(source.secret(), token)) {
        throw WebhookRejectedException.badSignature("json: " + source.signatureHeader() + " is not this source's token");
      }
      return;
    }
    byte[] signed = request.body();
    if (source.timestampHeader().isPresent()) {
      String timestamp = request.header(source.timestampHeader().get()).map(String::strip).orElseThrow(
          () -> WebhookRejectedException.badSignature("json: no " + source.timestampHeader().get() + " header"));
      signed = concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), signed);
    }
    String signature = presented.regionMatches(true, 0, "sha256=", 0, 7) ? presented.substring(7) : presented;
    if (!WebhookSignatures.matchesHex(source.secret(), signed, signature)
        && !WebhookSignatures.matchesBase64(source.secret(), signed, signature)) {
      throw WebhookRejectedException.badSignature("json: " + source.signatureHeader()
          + " does not match the body: another secret, or a body changed on the way");
    }
  }

  @Override
  public WebhookOutcome read(WebhookRequest request, ConnectorSettings settings, ConnectorContext context)
      throws WebhookRejectedException {
    JsonSourceSettings source = JsonSourceSettings.from(settings);
    if (source.timestampHeader().isPresent()) {
      checkFresh(request.header(source.timestampHeader().get()).orElseThrow(), source.replayWindow(), context);
    }
    JsonNode root;
    try {
      root = JSON.readTree(request.body());
    } catch (IOException e) {
      throw WebhookRejectedException.malformed("json: the body is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw WebhookRejectedException.malformed("json: the body is not a JSON object");
    }
    if (source.when().isPresent() && !root.at(source.when().get()).asText("").strip().equals(source.whenValue())) {
      return WebhookOutcome.ignored(source.when().get() + " is not " + source.whenValue());
    }
    JsonBody body = new JsonBody(root, source.fields(), "");
    return WebhookOutcome.of(signal(source, body, deliveryId(source, request, root), context));
  }

  private static SourceSignal signal(JsonSourceSettings source, JsonBody body, String deliveryId,
      ConnectorContext context) throws WebhookRejectedException {
    switch (source.trigger()) {
      case STOCK_LEVEL:
        return new StockSignal(deliveryId, body.required("sku"), body.wholeNumber("on-hand"),
            body.instant("observed-at"), body.text("category").orElse(""));
      case MARKED_UNAVAILABLE:
        return new UnavailableSignal(deliveryId, body.required("sku"),
            body.text("reason").orElse("marked unavailable in " + context.instanceId()),
            body.text("actor").orElse(context.instanceId()), body.instant("eta"), orders(body),
            body.text("category").orElse(""));
      case PLATFORM_BACKORDER:
        return new BackorderSignal(deliveryId, customer(body), skus(body), body.instant("eta"),
            body.text("order-name").orElse(""));
      case SHIPMENT_UPDATE:
        return shipment(body, deliveryId);
      default:
        throw new IllegalStateException("unknown trigger " + source.trigger());
    }
  }

  private static ShipmentSignal shipment(JsonBody body, String deliveryId) throws WebhookRejectedException {
    String po = body.required("po-number");
    Optional<Instant> newDate = body.instant("new-expected-at");
    boolean received = body.flag("received");
    boolean cancelled = body.flag("cancelled");
    int changes = (newDate.isPresent() ? 1 : 0) + (received ? 1 : 0) + (cancelled ? 1 : 0);
    if (changes != 1) {
      throw body.refused("po-number", "has " + (changes == 0 ? "no change" : "more than one change")
          + ": exactly one of new-expected-at, received, cancelled must be given");
    }
    return newDate.map(at -> ShipmentSignal.newDate(deliveryId, po, at))
        .orElseGet(() -> received ? ShipmentSignal.received(deliveryId, po) : ShipmentSignal.cancelled(deliveryId, po));
  }

  private static List<Recipient> orders(JsonBody body) throws WebhookRejectedException {
    JsonNode orders = body.value("orders");
    if (orders == null) {
      return List.of();
    }
    if (!orders.isArray()) {
      throw body.refused("orders", "is not an array");
    }
    List<Recipient> recipients = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      recipients.add(customer(body.element(orders.get(i), "orders", i)));
    }
    return recipients;
  }

  private static Recipient customer(JsonBody order) throws WebhookRejectedException {
    return new Recipient(order.required("order-id"), order.text("customer-name").orElse(""),
        order.text("customer-email").orElse(""), order.text("customer-phone").orElse(""),
        order.text("customer-locale").orElse(""), order.text("customer-time-zone").orElse(""), "");
  }

  private static List<String> skus(JsonBody body) throws WebhookRejectedException {
    JsonNode skus = body.value("skus");
    if (skus != null && skus.isArray()) {
      List<String> list = new ArrayList<>();
      for (JsonNode sku : skus) {
        if (!sku.isTextual() || sku.asText().isBlank()) {
          throw body.refused("skus", "has an element that is not a SKU");
        }
        list.add(sku.asText().strip());
      }
      if (list.isEmpty()) {
        throw body.refused("skus", "is empty");
      }
      return list;
    }
    return List.of(body.required("skus"));
  }

  /** The configured header or body field, else the body's SHA-256 (a re-sent identical post is a repeat). */
  private static String deliveryId(JsonSourceSettings source, WebhookRequest request, JsonNode root)
      throws WebhookRejectedException {
    if (source.dedupHeader().isPresent()) {
      String header = source.dedupHeader().get();
      return request.header(header).map(String::strip).filter(id -> !id.isEmpty())
          .orElseThrow(() -> WebhookRejectedException.malformed("json: no " + header + " header, which identifies"
              + " the delivery (dedup)"));
    }
    if (source.dedupPointer().isPresent()) {
      JsonNode id = root.at(source.dedupPointer().get());
      if (!id.isValueNode() || id.asText().isBlank()) {
        throw WebhookRejectedException.malformed("json: dedup (" + source.dedupPointer().get()
            + ") has no value; it identifies the delivery");
      }
      return id.asText().strip();
    }
    return "sha256:" + sha256(request.body());
  }

  private static void checkFresh(String timestamp, Duration window, ConnectorContext context)
      throws WebhookRejectedException {
    Instant signedAt;
    try {
      signedAt = timestamp.strip().matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(timestamp.strip()))
          : OffsetDateTime.parse(timestamp.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw WebhookRejectedException.badSignature("json: the timestamp is neither Unix seconds nor ISO-8601");
    }
    Duration age = Duration.between(signedAt, context.clock().instant()).abs();
    if (age.compareTo(window) > 0) {
      throw WebhookRejectedException.badSignature("json: signed " + age.toSeconds()
          + " s away from now, outside the replay window of " + window.toSeconds() + " s");
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
