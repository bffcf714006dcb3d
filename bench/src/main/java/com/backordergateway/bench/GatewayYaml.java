package com.backordergateway.bench;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The gateway configs the scenarios run: SQLite in the scenario's folder (or a PostgreSQL database
 * that replicas share), one bench token, and two live webhook instances (staff and customers)
 * pointing at the {@link DeliverySink}, paced loosely enough (rate, burst, concurrency, workers)
 * that the defaults do not throttle the engine.
 */
final class GatewayYaml {

  static final String TOKEN = "bench-token-0123456789abcdef";
  static final String STAFF = "staff-sink";
  static final String CUSTOMERS = "customer-sink";
  static final int CONCURRENCY = 32;

  /**
   * Dry-run instances of every connector the distribution ships (settings as in the demo config),
   * so start-up loads and opens every plugin.
   */
  static final String EVERY_PLUGIN_DRY_RUN =
      """
        - {id: demo-twilio, type: twilio, mode: dry-run, settings: {account-sid: AC00000000000000000000000000000000, auth-token: demo-not-a-real-token, from: "+15005550006"}}
        - {id: demo-sendgrid, type: sendgrid, mode: dry-run, settings: {api-key: demo-not-a-real-key, from-email: orders@example-crafts.com, from-name: Example Crafts}}
        - {id: demo-mandrill, type: mailchimp-transactional, mode: dry-run, settings: {api-key: demo-not-a-real-key, template-name: backorder-notice, from-email: orders@example-crafts.com}}
        - {id: demo-klaviyo, type: klaviyo, mode: dry-run, settings: {private-api-key: pk_demo_not_a_real_key}}
        - {id: demo-intercom, type: intercom, mode: dry-run, settings: {access-token: demo-not-a-real-token}}
        - {id: demo-slack, type: slack, mode: dry-run, settings: {bot-token: xoxb-demo-not-a-real-token, channel: C0BACKORD}}
        - {id: demo-teams, type: teams, mode: dry-run, settings: {webhook-url: "https://demo.webhook.office.com/webhookb2/demo/IncomingWebhook/demo/demo"}}
        - {id: demo-webhook, type: webhook, mode: dry-run, settings: {url: "https://erp.example-crafts.com/hooks/backorders", signing-secret: demo-signing-secret-0123}}
      """;

  private GatewayYaml() {}

  /**
   * @param grpcPort 0 for any free port
   * @param deferred true: deliveries are planned and stored but not due for an hour (customer
   *     quiet hours around now, a one-hour staff digest window), so only intake is measured
   * @param extraConnectors more connector entries (YAML list items), e.g. {@link #EVERY_PLUGIN_DRY_RUN}
   */
  static String of(Path folder, Path pluginsDir, String sinkUrl, int grpcPort, boolean deferred,
      String extraConnectors) {
    return of(folder, pluginsDir, sinkUrl, grpcPort, deferred, extraConnectors, "");
  }

  /** As above, with more route entries (YAML list items) after the customer and staff routes. */
  static String of(Path folder, Path pluginsDir, String sinkUrl, int grpcPort, boolean deferred,
      String extraConnectors, String extraRoutes) {
    return of(sqlite(folder), folder, pluginsDir, sinkUrl, grpcPort, deferred, extraConnectors, extraRoutes);
  }

  /** The SQLite file in the gateway's own folder: every scenario but the replicas'. */
  static String sqlite(Path folder) {
    return "  url: jdbc:sqlite:" + folder.resolve("backorder.db");
  }

  /** A PostgreSQL database that replicas share, as the bench server's superuser (trusted: no password). */
  static String postgres(String jdbcUrl) {
    return "  url: " + jdbcUrl + "\n  username: postgres";
  }

  /**
   * As above on {@code storage}, the lines of the {@code storage:} section ({@link #sqlite} or
   * {@link #postgres}); the folder still holds the templates.
   */
  static String of(String storage, Path folder, Path pluginsDir, String sinkUrl, int grpcPort, boolean deferred,
      String extraConnectors, String extraRoutes) {
    return """
        server:
          bind-address: 127.0.0.1
          grpc-port: %d
          http-port: 0
        store:
          name: Bench Crafts
        storage:
        %s
        auth:
          tokens:
            - name: bench
              token: %s
              scopes: [intake, read, admin]
        plugins:
          dir: %s
          watch: false
        templates-dir: %s
        triggers:
          default-time-zone: UTC
        delivery:
          workers: %d
        connectors:
          - id: %s
            type: webhook
            max-concurrency: %d
            rate-per-second: 100000
            rate-burst: 100000
            settings: {url: "%s", signing-secret: bench-signing-secret-0123}
          - id: %s
            type: webhook
            max-concurrency: %d
            rate-per-second: 100000
            rate-burst: 100000
            settings: {url: "%s", signing-secret: bench-signing-secret-0123}
        %s
        routes:
          - name: customers
            when: {audience: customer}
            send: [%s]
        %s
          - name: staff
            when: {audience: staff}
            send: [%s]
        %s
        %s
        """.formatted(grpcPort, storage, TOKEN, pluginsDir, folder.resolve("templates"),
        CONCURRENCY, STAFF, CONCURRENCY, sinkUrl, CUSTOMERS, CONCURRENCY, sinkUrl, extraConnectors.stripTrailing(),
        CUSTOMERS, deferred ? "    quiet-hours: " + quietHoursAroundNow() : "",
        STAFF, deferred ? "    coalesce: 1h" : "", extraRoutes.stripTrailing());
  }

  /** A window from an hour ago to an hour ahead, in UTC, the zone of every bench customer. */
  private static String quietHoursAroundNow() {
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    return "{from: \"" + now.minusHours(1).format(hhmm) + "\", to: \"" + now.plusHours(1).format(hhmm) + "\"}";
  }
}
