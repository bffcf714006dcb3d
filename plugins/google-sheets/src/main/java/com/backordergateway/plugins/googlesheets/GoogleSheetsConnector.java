package com.backordergateway.plugins.googlesheets;

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
 * The Google Sheets connector (type {@code google-sheets}): an audit log with one timestamped row
 * per delivery, in the columns the operator chose. It writes through the Sheets API as a service
 * account, or through an Apps Script web app bound to the spreadsheet. An audit log takes every
 * audience; rows are only ever appended (no {@link Capability#UPDATE_IN_PLACE}).
 */
@Extension
public final class GoogleSheetsConnector implements Connector {

  /**
   * One row a second, no bursts: the Sheets API allows 60 write requests per minute per user (the
   * service account) and project, and 300 per project (developers.google.com/workspace/sheets/api/limits),
   * refilled every minute; a 429 is retried in any case. The Apps Script mode stays well within
   * a web app's 30 simultaneous executions at this rate.
   */
  static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(1, 1);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("google-sheets",
      "Google Sheets audit log", GoogleSheetsSettings.SPECS, DEFAULT_RATE_LIMIT,
      EnumSet.of(Capability.CUSTOMER_AUDIENCE, Capability.STAFF_AUDIENCE));

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    GoogleSheetsSettings sheets = GoogleSheetsSettings.from(settings);
    context.logger().info("logging rows to {}", sheets.target()
        + sheets.serviceAccount().map(key -> " as " + key.clientEmail()).orElse(""));
    return sheets.serviceAccount().<ConnectorSession>map(key -> new SheetsApiSession(sheets, key, context))
        .orElseGet(() -> new AppsScriptSession(sheets, sheets.webAppUrl().orElseThrow(), context));
  }
}
