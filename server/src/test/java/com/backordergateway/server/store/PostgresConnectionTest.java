package com.backordergateway.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import com.backordergateway.server.testing.TestPostgres;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connections a replica keeps to PostgreSQL: a server that cannot be reached stops start-up
 * naming the key (and never the password), commits notify the other replicas, and the connection
 * that listens for them is opened again when the server drops it.
 */
class PostgresConnectionTest {

  @TempDir Path dir;

  @Test
  void anUnreachableServerStopsStartUpNamingTheKeyNotThePassword() {
    GatewayConfig.Storage storage = new GatewayConfig.Storage("jdbc:postgresql://127.0.0.1:1/backorder", "backorder",
        "pg-password-never-shown", null, null, Duration.ofSeconds(1), null);

    UncheckedIOException e = catchThrowableOfType(UncheckedIOException.class, () -> Database.open(storage));

    assertThat(e.getMessage()).startsWith("storage.url: cannot open the store jdbc:postgresql://127.0.0.1:1/backorder");
    assertThat(e.getMessage() + e.getCause().getMessage()).doesNotContain("pg-password-never-shown");
  }

  @Test
  void theListenerConnectsAgainWhenTheServerDropsIt() throws Exception {
    String url = TestPostgres.newDatabase();
    try (TestGateway gateway = TestGateway.start(dir, Clock.systemUTC(),
        new TestGateway.Options(TestGateway.ROUTED, false, false), url)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> listeners(gateway).size() == 1);
      int first = listeners(gateway).get(0);

      boolean dropped = gateway.database().jdbi().withHandle(h -> h.createQuery("SELECT pg_terminate_backend(?)")
          .bind(0, first).mapTo(Boolean.class).one());
      assertThat(dropped).isTrue();

      await().atMost(Duration.ofSeconds(10)).until(() -> {
        List<Integer> now = listeners(gateway);
        return now.size() == 1 && now.get(0) != first;
      });
    }
  }

  @Test
  void aCommitThatPlansDeliveriesNotifiesBothChannels() throws Exception {
    String url = TestPostgres.newDatabase();
    try (TestGateway gateway = TestGateway.start(dir, Clock.systemUTC(),
            new TestGateway.Options(TestGateway.ROUTED, false, false), url);
        Connection other = DriverManager.getConnection(url, "postgres", null);
        Statement listen = other.createStatement()) {
      listen.execute("LISTEN " + ChangeNotifications.DELIVERIES);
      listen.execute("LISTEN " + ChangeNotifications.FEED);

      gateway.backorder().reportInventoryLevel(Requests.sale("NOTIFY-1", 0, "N-1"));

      Set<String> channels = new HashSet<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (channels.size() < 2 && System.nanoTime() < deadline) {
        PGNotification[] received = other.unwrap(PGConnection.class).getNotifications(500);
        if (received != null) {
          Arrays.stream(received).forEach(n -> channels.add(n.getName()));
        }
      }
      assertThat(channels).containsExactlyInAnyOrder(ChangeNotifications.DELIVERIES, ChangeNotifications.FEED);
    }
  }

  /** The server process ids of the gateway's listening connections. */
  private static List<Integer> listeners(TestGateway gateway) {
    return gateway.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT pid FROM pg_stat_activity"
                + " WHERE application_name = 'backorder-gateway-listener' AND datname = current_database()")
        .mapTo(Integer.class).list());
  }
}
