package com.backordergateway.server.testing;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.Gateway;
import com.backordergateway.server.config.ConfigLoader;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Secrets;
import com.backordergateway.server.grpc.GrpcServer;
import com.backordergateway.server.store.Database;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A real gateway on an in-process transport, over a real SQLite file (or a real PostgreSQL
 * database, see {@link TestPostgres}), with a hand-moved clock. The config goes through the real
 * loader.
 */
public final class TestGateway implements AutoCloseable {

  public static final String ALL_SCOPES_TOKEN = "test-token-all-scopes-0001";
  public static final String READ_ONLY_TOKEN = "test-token-read-only-0002";

  /** Storage in the test folder, the two test tokens, plugins from the test folder's plugins/. */
  private static final String BASE =
      """
      server:
        http-port: 0
        %s
      storage:
        url: %s
        busy-timeout: 1s
      auth:
        tokens:
          - name: all
            token: %s
            scopes: [intake, read, admin]
          - name: reader
            token: %s
            scopes: [read]
      plugins:
        dir: %s
        watch: %s
        require-sha256: %s
      """;

  /**
   * Routes customers to email and SMS, staff to Slack, supplier delays also to tickets; the
   * Shopify store {@code main-store} may report. No plugin serves these types, so planned
   * deliveries stay pending: rule tests see exactly what
   * was planned, and mark deliveries sent themselves where a rule depends on it.
   */
  public static final String ROUTED =
      """
      triggers:
        supplier-delay-threshold: 48h
        supplier-thresholds:
          Fast Paper Co: 12h
      connectors:
        - id: email
          type: sendgrid
          awaiting-plugin: true
          settings:
            api-key: SG.very-secret-key-123
        - id: sms
          type: twilio
          awaiting-plugin: true
        - id: slack
          type: slack
          awaiting-plugin: true
        - id: tickets
          type: zendesk
          awaiting-plugin: true
      routes:
        - name: customers
          when: {audience: customer}
          send: [email, sms]
        - name: staff
          when: {audience: staff}
          send: [slack]
        - name: delays
          when: {audience: staff, triggers: [supplier-delayed]}
          send: [tickets]
      sources:
        - id: main-store
          type: shopify
          awaiting-plugin: true
          settings:
            secret: shopify-signing-secret-0001
      """;

  public final TestClock clock;
  public final Path databaseFile;
  private final Gateway gateway;
  private final ManagedChannel channel;

  private TestGateway(Gateway gateway, ManagedChannel channel, TestClock clock, Path databaseFile) {
    this.gateway = gateway;
    this.channel = channel;
    this.clock = clock;
    this.databaseFile = databaseFile;
  }

  /** Starts with the standard test config on {@code dir/backorder.db}. */
  public static TestGateway start(Path dir) {
    return start(dir, new TestClock(Instant.parse("2026-03-02T15:00:00Z")));
  }

  public static TestGateway start(Path dir, TestClock clock) {
    return start(dir, clock, new Options(ROUTED, false, false));
  }

  /** Plugin folder settings and the rest of the config (connectors, routes, triggers). */
  public record Options(String yaml, boolean watchPlugins, boolean requireSha256) {}

  public static Path pluginsDir(Path dir) {
    return dir.resolve("plugins");
  }

  public static TestGateway start(Path dir, TestClock clock, Options options) {
    return start(dir, clock, clock, options);
  }

  /**
   * On the gateway's own network listeners, started as {@code Main} starts it: gRPC and HTTP on
   * 127.0.0.1, ports chosen free, {@code server} adding keys under {@code server:} (such as
   * {@code tls: {...}}). {@link #channel()} still reaches the gateway in-process.
   */
  public static TestGateway startListening(Path dir, String server, Options options) {
    return start(dir, null, java.time.Clock.systemUTC(), options,
        "bind-address: 127.0.0.1\n  grpc-port: 0\n  " + server.strip().replace("\n", "\n  "));
  }

  /** On another clock (the real one, where pacing must happen in real time); {@link #clock} is then null. */
  public static TestGateway start(Path dir, java.time.Clock realClock, Options options) {
    return start(dir, null, realClock, options);
  }

  private static TestGateway start(Path dir, TestClock testClock, java.time.Clock clock, Options options) {
    return start(dir, testClock, clock, options, null);
  }

  /** As {@link #start(Path, TestClock, Options)}, on the store at {@code storageUrl} (a PostgreSQL database). */
  public static TestGateway start(Path dir, TestClock clock, Options options, String storageUrl) {
    return start(dir, clock, clock, options, null, storageUrl);
  }

  /** As {@link #start(Path, java.time.Clock, Options)}, on the store at {@code storageUrl}. */
  public static TestGateway start(Path dir, java.time.Clock realClock, Options options, String storageUrl) {
    return start(dir, null, realClock, options, null, storageUrl);
  }

  private static TestGateway start(Path dir, TestClock testClock, java.time.Clock clock, Options options,
      String server) {
    return start(dir, testClock, clock, options, server, null);
  }

  /** {@code storageUrl} null: a SQLite file in {@code dir}. */
  private static TestGateway start(Path dir, TestClock testClock, java.time.Clock clock, Options options,
      String server, String storageUrl) {
    Path db = dir.resolve("backorder.db");
    try {
      Files.createDirectories(pluginsDir(dir)); // as an installation has it, even with no plugins
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A test PostgreSQL database trusts its superuser; a SQLite file has no user at all.
    String url = storageUrl != null ? storageUrl + "\n  username: postgres" : "jdbc:sqlite:" + db;
    String yaml = String.format(BASE, server == null ? "" : server, url, ALL_SCOPES_TOKEN, READ_ONLY_TOKEN,
        pluginsDir(dir), options.watchPlugins(), options.requireSha256()) + options.yaml();
    return start(yaml, dir, testClock, clock, db, server != null);
  }

  private static TestGateway start(String yaml, Path dir, TestClock testClock, java.time.Clock clock, Path db,
      boolean listening) {
    GatewayConfig config;
    try {
      Path file = Files.writeString(dir.resolve("gateway-" + System.nanoTime() + ".yaml"), yaml);
      config = new ConfigLoader(name -> null, Secrets.global()).load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (listening) {
      Gateway gateway = Gateway.start(config);
      ManagedChannel channel = InProcessChannelBuilder.forName(gateway.get(GrpcServer.class).inProcessName())
          .directExecutor().build();
      return new TestGateway(gateway, channel, testClock, db);
    }
    String name = InProcessServerBuilder.generateName();
    Gateway gateway = Gateway.start(config, clock, InProcessServerBuilder.forName(name).directExecutor());
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    return new TestGateway(gateway, channel, testClock, db);
  }

  public BackorderServiceGrpc.BackorderServiceBlockingStub backorder() {
    return backorder(ALL_SCOPES_TOKEN);
  }

  public BackorderServiceGrpc.BackorderServiceBlockingStub backorder(String token) {
    return BackorderServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(bearer(token))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  public BackorderServiceGrpc.BackorderServiceStub backorderAsync() {
    return BackorderServiceGrpc.newStub(channel).withCallCredentials(bearer(ALL_SCOPES_TOKEN));
  }

  public AdminServiceGrpc.AdminServiceBlockingStub admin(String token) {
    return AdminServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(bearer(token))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** The gRPC port of a gateway started with {@link #startListening}. */
  public int grpcPort() {
    return gateway.grpcPort();
  }

  /** The HTTP port (operations endpoints), chosen free at start. */
  public int httpPort() {
    return gateway.httpPort();
  }

  public ManagedChannel channel() {
    return channel;
  }

  public Database database() {
    return gateway.get(Database.class);
  }

  /** Stands in for the delivery engine where no plugin serves a type: the platform accepted these. */
  public void markSent(java.util.List<com.backordergateway.api.v1.Delivery> deliveries) {
    database().jdbi().useHandle(h -> deliveries.forEach(d -> h.execute(
        "UPDATE deliveries SET status = 'DELIVERY_STATUS_DELIVERED', external_id = ?, attempts = attempts + 1,"
            + " updated_at = ? WHERE id = ?", "ext-" + d.getId(), clock.instant().toEpochMilli(), d.getId())));
  }

  public <T> T get(Class<T> type) {
    return gateway.get(type);
  }

  public static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        applier.apply(headers);
      }
    };
  }

  @Override
  public void close() {
    channel.shutdownNow();
    gateway.close();
  }
}
