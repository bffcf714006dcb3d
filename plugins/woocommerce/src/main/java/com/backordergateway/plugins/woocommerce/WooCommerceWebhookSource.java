package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.BackorderSignal;
import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.api.StockSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.api.WebhookSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * WooCommerce's {@code order.updated} webhook as a backorder source (type {@code woocommerce},
 * posted to {@code /webhooks/woocommerce/<source id>}).
 *
 * <p>{@link #verify}: {@code X-WC-Webhook-Signature} must be base64(HMAC-SHA256(secret, exact raw
 * body)), compared in constant time. The one exception is the ping WooCommerce sends when the
 * webhook is saved: a form body of exactly {@code webhook_id=<n>}, unsigned, which must be answered
 * 200 or WooCommerce will not activate the webhook; it passes unsigned and parses to nothing.
 *
 * <p>{@link #parse}: an {@code order.updated} order in a configured status (default
 * {@code on-hold}) with lines WooCommerce marked {@code Backordered} is a backorder of those
 * lines' SKUs. {@link #read} adds {@code product.updated}: a product (or variation) whose stock
 * WooCommerce manages reports its {@code stock_quantity} as the SKU's level — zero or less opens
 * the case, a positive level resolves it. Other topics are acknowledged and ignored.
 *
 * <p>The dedupe key is {@code X-WC-Webhook-Delivery-ID} plus the order or product id: WooCommerce
 * derives the delivery id from the webhook id and the current second, so deliveries of one
 * webhook within the same second (a bulk edit in the admin) share it, while their ids differ.
 *
 * <p>The body is bound to {@link WooOrder} with a mapper of its own (snake-case names, unknown
 * fields ignored): the host's {@code PlatformJson} reads trees, not records.
 */
@Extension
public final class WooCommerceWebhookSource implements WebhookSource {

  static final String TOPIC = "order.updated";
  static final String PRODUCT_TOPIC = "product.updated";
  static final String SIGNATURE_HEADER = "X-WC-Webhook-Signature";
  static final String TOPIC_HEADER = "X-WC-Webhook-Topic";
  static final String DELIVERY_ID_HEADER = "X-WC-Webhook-Delivery-ID";

  private static final Pattern PING = Pattern.compile("webhook_id=[0-9]{1,20}");

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Override
  public String source() {
    return "woocommerce";
  }

  @Override
  public List<SettingSpec> settings() {
    return WooCommerceSourceSettings.SPECS;
  }

  @Override
  public void checkSettings(ConnectorSettings settings) {
    WooCommerceSourceSettings.from(settings);
  }

  @Override
  public void verify(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException {
    Objects.requireNonNull(request, "request is null");
    WooCommerceSourceSettings source = WooCommerceSourceSettings.from(settings);
    byte[] body = request.body();
    Optional<String> presented = request.header(SIGNATURE_HEADER).filter(s -> !s.isBlank());
    if (presented.isEmpty()) {
      if (!isPing(body)) {
        throw WebhookRejectedException.badSignature("woocommerce: no " + SIGNATURE_HEADER
            + " header; only the creation ping (webhook_id=<n>) comes unsigned");
      }
    } else if (!WebhookSignatures.matchesBase64(source.secret(), body, presented.get())) {
      throw WebhookRejectedException.badSignature("woocommerce: " + SIGNATURE_HEADER
          + " does not match the body: a different secret than the webhook's, or a body changed on the way");
    }
  }

  @Override
  public WebhookOutcome read(WebhookRequest request, ConnectorSettings settings, ConnectorContext context)
      throws WebhookRejectedException {
    if (isPing(request.body()) || !topic(request).equals(PRODUCT_TOPIC)) {
      return parse(request, settings).<WebhookOutcome>map(WebhookOutcome::of)
          .orElseGet(() -> WebhookOutcome.ignored("not a backordered order, nothing recorded"));
    }
    String deliveryId = deliveryId(request);
    WooProduct product = WooProduct.read(request.body());
    if (product.sku().isEmpty()) {
      return WebhookOutcome.ignored("product " + product.id() + " has no SKU");
    }
    if (product.level().isEmpty()) {
      return WebhookOutcome.ignored("WooCommerce does not manage the stock of " + product.sku());
    }
    return WebhookOutcome.of(new StockSignal(deliveryId + ":" + product.id(), product.sku(),
        product.level().getAsInt(), product.modified(), product.category()));
  }

  @Override
  public Optional<BackorderSignal> parse(WebhookRequest request, ConnectorSettings settings)
      throws WebhookRejectedException {
    Objects.requireNonNull(request, "request is null");
    WooCommerceSourceSettings source = WooCommerceSourceSettings.from(settings);
    byte[] body = request.body();
    if (isPing(body)) {
      return Optional.empty();
    }
    if (!topic(request).equals(TOPIC)) {
      return Optional.empty();
    }
    String deliveryId = deliveryId(request);
    WooOrder order = read(body);
    if (!order.inStatus(source.orderStatuses())) {
      return Optional.empty();
    }
    List<String> skus = order.backorderedSkus(source.backorderedMetaKey());
    if (skus.isEmpty()) {
      return Optional.empty();
    }
    // The order number the shop shows (a sequential-numbers plugin may make it differ from the id).
    String number = order.number() == null ? "" : order.number().strip();
    return Optional.of(new BackorderSignal(deliveryId + ":" + order.id(), order.recipient(), skus, Optional.empty(),
        number.isEmpty() ? "" : "#" + number));
  }

  private static String topic(WebhookRequest request) throws WebhookRejectedException {
    return request.header(TOPIC_HEADER).map(String::strip)
        .orElseThrow(() -> WebhookRejectedException.malformed("woocommerce: no " + TOPIC_HEADER + " header"));
  }

  private static String deliveryId(WebhookRequest request) throws WebhookRejectedException {
    return request.header(DELIVERY_ID_HEADER).map(String::strip).filter(id -> !id.isEmpty())
        .orElseThrow(() -> WebhookRejectedException.malformed("woocommerce: no " + DELIVERY_ID_HEADER
            + " header, which identifies the delivery"));
  }

  /** WooCommerce's creation ping: {@code webhook_id=<n>} and nothing else. */
  private static boolean isPing(byte[] body) {
    return body.length <= 40 && PING.matcher(new String(body, StandardCharsets.US_ASCII)).matches();
  }

  private static WooOrder read(byte[] body) throws WebhookRejectedException {
    WooOrder order;
    try {
      order = JSON.readValue(body, WooOrder.class);
    } catch (JsonProcessingException e) {
      throw WebhookRejectedException.malformed("woocommerce: the order.updated body is not an order: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw WebhookRejectedException.malformed("woocommerce: the order.updated body cannot be read: " + e.getMessage());
    }
    if (order == null || order.id() == null) {
      throw WebhookRejectedException.malformed("woocommerce: the order.updated body has no order id");
    }
    return order;
  }
}
