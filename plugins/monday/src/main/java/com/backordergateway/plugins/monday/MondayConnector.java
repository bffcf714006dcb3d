package com.backordergateway.plugins.monday;

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
 * The monday.com connector (type {@code monday}): an item on a monday.com board per backorder case
 * (staff alerts) or per affected order (customer notices), its status column kept at the case's
 * state, and every notice posted on it as an update that @mentions the configured owners.
 * Follow-ups post on the same item ({@link Capability#UPDATE_IN_PLACE}).
 *
 * <p>No idempotency key: monday.com has none. A retry after a partial failure carries on with the
 * item the first attempt created (see {@link OpenedItems}).
 */
@Extension
public final class MondayConnector implements Connector {

  /**
   * One delivery every two seconds, bursts of three: a delivery is two or three mutations, so at
   * most about 90 mutations a minute. monday.com limits an account to 2,000 mutations a minute,
   * 10M complexity points a minute with personal tokens (1M on free and trial accounts) and a
   * daily number of calls by plan (developer.monday.com/api-reference/docs/rate-limits); a rate
   * cannot express the daily limit, which is why its error is retried at its reset. Raise it per
   * instance on larger plans; the stated wait of a limit error holds the host back in any case.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(0.5, 3);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("monday", "monday.com board items",
      MondaySettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.STAFF_AUDIENCE, Capability.CUSTOMER_AUDIENCE, Capability.UPDATE_IN_PLACE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    MondaySettings monday = MondaySettings.from(settings);
    context.logger().info("creating monday.com items on board {} via {} (API {}), mentioning {} owner(s)",
        monday.boardId(), monday.host(), monday.apiVersion(), monday.ownerIds().size());
    return new MondaySession(monday, context);
  }
}
