package com.backordergateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.PluginInfo;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, for real: the assembled distribution on the demo config loads its
 * plugins, answers health SERVING, takes a call, and stops cleanly on SIGTERM with its SQLite
 * file in place.
 */
class GatewayProcessTest {

  static final Path DISTRIBUTION = Path.of("../../distribution/target/backorder-gateway").toAbsolutePath().normalize();
  static final Path SERVER_JAR = DISTRIBUTION.resolve("backorder-server.jar");
  /** Where config/demo.yaml looks for plugins, relative to the working directory. */
  static final Path DEMO_PLUGINS = Path.of("distribution/target/backorder-gateway/plugins");
  static final Path DEMO_CONFIG = Path.of("../../config/demo.yaml").toAbsolutePath().normalize();

  @TempDir Path workDir;

  @Test
  void theDemoGatewayServesAndStopsCleanly() throws Exception {
    assertThat(SERVER_JAR).as("./mvnw verify assembles the distribution before this test").exists();
    Path plugins = Files.createDirectories(workDir.resolve(DEMO_PLUGINS));
    try (var jars = Files.list(DISTRIBUTION.resolve("plugins"))) {
      for (Path jar : (Iterable<Path>) jars::iterator) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long started = System.nanoTime();
    // The JVM flags of the README's command (the serial collector and a 128 MiB heap).
    Process gateway = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx128m", "-XX:ReservedCodeCacheSize=48m",
            "-jar", SERVER_JAR.toString(),
            "--config", DEMO_CONFIG.toString(), "--grpc-port", Integer.toString(port),
            "--http-port", Integer.toString(freePort()))
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("gateway.log").toFile())
        .start();
    try (BackorderClient client = BackorderClient.builder()
        .target("localhost:" + port).token("demo-token-change-me").build()) {
      var health = HealthGrpc.newBlockingStub(client.channel());
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
          .until(() -> health.withDeadlineAfter(1, TimeUnit.SECONDS)
              .check(HealthCheckRequest.getDefaultInstance()).getStatus() == ServingStatus.SERVING);
      System.out.printf("gateway process answered SERVING %d ms after launch%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

      var connectors = client.admin().listConnectors(ListConnectorsRequest.getDefaultInstance());
      assertThat(connectors.getPluginsList()).extracting(PluginInfo::getPluginId).contains("webhook", "twilio",
          "sendgrid", "mailchimp-transactional", "klaviyo", "intercom", "slack", "teams", "shopify", "woocommerce",
          "zendesk", "freshdesk", "gorgias", "hubspot", "salesforce", "pipedrive", "google-sheets", "zapier", "trello",
          "monday", "airtable");
      assertThat(connectors.getInstancesList()).as("every connector of the demo config starts").hasSizeGreaterThan(12)
          .allSatisfy(i -> assertThat(i.getState()).as(i.getId() + ": " + i.getLastError())
              .isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED));
      assertThat(connectors.toString()).as("secret settings are masked").doesNotContain("demo-signing-secret");

      client.backorder().reportInventoryLevel(ReportInventoryLevelRequest.newBuilder()
          .setSku("PAINT-RED").setOnHand(4).setCause(InventoryCause.INVENTORY_CAUSE_COUNT).build());
      assertThat(client.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsCount()).isEqualTo(1);
    } finally {
      gateway.destroy(); // SIGTERM: the shutdown hook drains and closes the store
    }
    assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(workDir.resolve("gateway.log"));
    assertThat(log).contains("gRPC listening on port " + port).contains("stopped");
    assertThat(workDir.resolve("data/backorder.db")).as("embedded SQLite under the working directory").exists();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
