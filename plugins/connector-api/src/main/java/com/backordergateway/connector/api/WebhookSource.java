package com.backordergateway.connector.api;

import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * An e-commerce platform that posts webhooks to the gateway (Shopify, WooCommerce).
 *
 * <p>For each request the host calls {@link #verify} on the raw bytes first; only a verified
 * request reaches {@link #parse}. A rejected request is answered 401 and stores nothing.
 */
public interface WebhookSource extends ExtensionPoint {

  /** The source type used in the webhook path and config, e.g. {@code shopify}. */
  String source();

  /** Settings each source instance takes; at least the signing secret. */
  List<SettingSpec> settings();

  /**
   * Checks the request's signature with the instance's secret, in constant time.
   *
   * @throws WebhookRejectedException if the signature is missing or wrong
   */
  void verify(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException;

  /**
   * Reads a verified request with the same instance's settings (a configured tag, say). Empty
   * when the request is valid but not a backorder (an order update without the backorder tag,
   * a creation ping): the host acknowledges it and records nothing.
   *
   * @throws WebhookRejectedException if the body is not what the platform sends
   */
  Optional<BackorderSignal> parse(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException;
}
