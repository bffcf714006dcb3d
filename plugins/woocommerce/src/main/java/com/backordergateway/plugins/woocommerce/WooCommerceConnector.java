package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.RateLimit;
import java.util.EnumSet;
import org.pf4j.Extension;

/**
 * The WooCommerce order connector (type {@code woocommerce}): puts the customer's order on hold
 * and tells them why through a customer note, which WooCommerce emails, using the store's REST API
 * ({@code /wp-json/wc/v3}) with a REST API key over https. WooCommerce has no idempotency key and
 * notes cannot be edited through the API, so neither capability is declared.
 */
@Extension
public final class WooCommerceConnector implements Connector {

  /**
   * Two deliveries a second. WooCommerce's REST API has no rate limit of its own; the limit is the
   * store's PHP capacity, which it shares with shoppers: every call boots WordPress and WooCommerce
   * uncached (a few hundred milliseconds on typical hosting, which runs a handful of PHP workers),
   * a customer notice makes two calls, and each note sends an email from within the request. Two
   * deliveries a second keeps the gateway at no more than four API calls a second. Raise it per
   * instance for a store with more capacity.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = RateLimit.perSecond(2);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "woocommerce", "WooCommerce customer notes", WooCommerceSettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    WooCommerceSettings woo = WooCommerceSettings.from(settings);
    context.logger().info("writing customer order notes on WooCommerce store {}", woo.baseUrl());
    return new WooCommerceSession(woo, context);
  }
}
