package com.backordergateway.plugins.airtable;

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
 * The Airtable connector (type {@code airtable}): one record per backorder case and order in the
 * retailer's base, upserted on a case key so the case's follow-ups update it in place.
 */
@Extension
public final class AirtableConnector implements Connector {

  /**
   * Five deliveries a second, one request each: Airtable's limit per base, which the base's
   * request window also keeps across instances writing to the same base.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(5, 5);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("airtable",
      "Airtable records per case and order, upserted", AirtableSettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE, Capability.UPDATE_IN_PLACE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    AirtableSettings airtable = AirtableSettings.from(settings);
    context.logger().info("upserting Airtable records in {}/{} on field '{}'", airtable.baseId(), airtable.table(),
        airtable.field(RecordField.CASE_KEY));
    return new AirtableSession(airtable, context);
  }

  @Override
  public String toString() {
    return "AirtableConnector";
  }
}
