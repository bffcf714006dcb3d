package com.backordergateway.connector.api;

import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * A platform that posts webhooks to the gateway ({@code /webhooks/<source>/<instance>}): Shopify,
 * WooCommerce, a board, a warehouse system.
 *
 * <p>For each request the host calls {@link #verify} on the raw bytes first; only a verified
 * request reaches {@link #read} (or, for a 1.0 source, {@link #parse}). A rejected request is
 * answered 401 and stores nothing.
 */
public interface WebhookSource extends ExtensionPoint {

  /** The source type used in the webhook path and config, e.g. {@code shopify}. */
  String source();

  /** Settings each source instance takes; at least the signing secret. */
  List<SettingSpec> settings();

  /**
   * Checks what spans several settings (two that go together, a pattern that must compile), once
   * when the host binds an instance — at start-up a refusal stops the gateway naming
   * {@code sources[i].settings.<key>}. The default accepts what the specs accepted (since 1.2).
   *
   * @throws InvalidSettingsException naming the key
   */
  default void checkSettings(ConnectorSettings settings) {}

  /**
   * Checks the request's signature with the instance's secret, in constant time.
   *
   * @throws WebhookRejectedException if the signature is missing or wrong
   */
  void verify(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException;

  /**
   * Reads a verified request with the same instance's settings (a configured tag, say) into what
   * it reports (since 1.2). The context is the source instance's: its HTTP client is for look-ups
   * the webhook needs (a SKU the platform leaves out), its clock for replay windows. Answer
   * {@link WebhookOutcome#ignored} for an authentic request the gateway does not act on: the host
   * acknowledges it and records nothing.
   *
   * <p>The default reads {@link #parse}, as 1.0 and 1.1 sources do.
   *
   * @throws WebhookRejectedException if the body is not what the platform sends (400), or a
   *     look-up the host should not retry failed
   */
  default WebhookOutcome read(WebhookRequest request, ConnectorSettings settings, ConnectorContext context)
      throws WebhookRejectedException {
    return parse(request, settings).<WebhookOutcome>map(WebhookOutcome::of)
        .orElseGet(() -> WebhookOutcome.ignored("not a backorder, nothing recorded"));
  }

  /**
   * Reads a verified request into a platform backorder (SPI 1.0 and 1.1). Empty when the request
   * is valid but not a backorder (an order update without the backorder tag, a creation ping).
   * A 1.2 source implements {@link #read} instead and never has this called; the default, nothing
   * to report, is only there so that it need not. A source that implements neither is refused when
   * its plugin loads.
   *
   * @throws WebhookRejectedException if the body is not what the platform sends
   */
  default Optional<BackorderSignal> parse(WebhookRequest request, ConnectorSettings settings)
      throws WebhookRejectedException {
    return Optional.empty();
  }
}
