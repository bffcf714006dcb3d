package com.backordergateway.server.cluster;

import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.TestGateway;
import com.backordergateway.server.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gateway replicas in this JVM sharing one fresh PostgreSQL database, as several machines would.
 * Each has its own folder with the {@code poster} plugin; a config may name {@code %REPLICA%} (the
 * replica's number) so each replica posts to its own path of one fake platform, and the requests
 * say which replica sent them.
 */
final class Replicas implements AutoCloseable {

  /**
   * Customers to email, staff to Slack, with no plugin serving either: planned deliveries stay
   * pending, for tests about what replicas decide and store rather than what they send.
   */
  static final String PLANNED_ONLY = """
      connectors:
        - {id: email, type: sendgrid, awaiting-plugin: true}
        - {id: slack, type: slack, awaiting-plugin: true}
      routes:
        - {name: customers, when: {audience: customer}, send: [email]}
        - {name: staff, when: {audience: staff}, send: [slack]}
      """;

  final String url = TestPostgres.newDatabase();
  private final Path root;
  private final List<TestGateway> started = new ArrayList<>();

  Replicas(Path root) {
    this.root = root;
  }

  /** Starts replica number {@code started().size() + 1} on {@code clock} with {@code yaml} (connectors, routes…). */
  TestGateway start(Clock clock, String yaml) throws Exception {
    Path dir = nextFolder();
    return started(TestGateway.start(dir, clock, options(yaml), url));
  }

  /** As {@link #start(Clock, String)} on a hand-moved clock, which {@link TestGateway#clock} then is. */
  TestGateway start(TestClock clock, String yaml) throws Exception {
    Path dir = nextFolder();
    return started(TestGateway.start(dir, clock, options(yaml), url));
  }

  private Path nextFolder() throws Exception {
    int n = started.size() + 1;
    Path dir = Files.createDirectories(root.resolve("replica-" + n));
    TestPlugins.poster(Files.createDirectories(root.resolve("work-" + n)))
        .writeTo(TestGateway.pluginsDir(dir).resolve("poster.jar"));
    return dir;
  }

  private TestGateway.Options options(String yaml) {
    return new TestGateway.Options(yaml.replace("%REPLICA%", Integer.toString(started.size() + 1)), false, false);
  }

  private TestGateway started(TestGateway gateway) {
    started.add(gateway);
    return gateway;
  }

  List<TestGateway> started() {
    return started;
  }

  /** The database's delivery statuses, counted. */
  Map<DeliveryStatus, Integer> statuses() {
    Map<DeliveryStatus, Integer> counts = new HashMap<>();
    started.get(0).database().jdbi().useHandle(h -> h.createQuery(
            "SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status")
        .map((rs, ctx) -> Map.entry(DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue())));
    return counts;
  }

  /** Delivery id → how many times the platform received it, over every path. */
  static Map<String, Integer> receipts(FakePlatform platform) {
    Map<String, Integer> times = new HashMap<>();
    for (RecordedRequest r : platform.requests()) {
      times.merge(r.json().get("delivery_id").asText(), 1, Integer::sum);
    }
    return times;
  }

  @Override
  public void close() {
    for (TestGateway gateway : started) {
      gateway.close();
    }
  }
}
