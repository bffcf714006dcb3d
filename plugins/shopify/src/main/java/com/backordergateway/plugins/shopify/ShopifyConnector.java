package com.backordergateway.plugins.shopify;

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
 * The Shopify order connector (type {@code shopify}): tags the customer's order while one of its
 * items is backordered and untags it on resolution, through the Admin GraphQL API
 * ({@code tagsAdd} / {@code tagsRemove}, which leave the order's other tags alone), optionally
 * appending the rendered text to the order's note. Shopify has no idempotency key for these
 * mutations, but both are idempotent, and the note append skips text already present.
 */
@Extension
public final class ShopifyConnector implements Connector {

  /**
   * Two deliveries a second. The GraphQL Admin API limits each app on each store by query cost:
   * a bucket refilled at 100 points/s on the Standard plan (200 Advanced, 1000 Plus;
   * shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits), and a mutation costs 10 points.
   * A delivery costs at most about 21 (tagsAdd, plus the note's read and orderUpdate), so two a
   * second use under half of the smallest plan's refill, leaving the rest to the app's other work
   * on the store. Raise it per instance on Advanced or Plus stores.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = RateLimit.perSecond(2);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      "shopify", "Shopify order tags", ShopifySettings.SPECS, DEFAULT_RATE_LIMIT, EnumSet.of(Capability.CUSTOMER_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    ShopifySettings shopify = ShopifySettings.from(settings);
    context.logger().info("tagging orders of Shopify store {} through {} (Admin API {}, tag '{}', order note {})",
        shopify.shopDomain(), shopify.host(), shopify.apiVersion(), shopify.backorderTag(),
        shopify.orderNote() ? "on" : "off");
    return new ShopifySession(shopify, context);
  }
}
