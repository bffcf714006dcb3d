package com.backordergateway.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.ConnectorInstance;
import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.PluginInfo;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot drop, removal and refusal of real plugin jars in a watched folder. */
class PluginRuntimeTest {

  static final String CONNECTORS = """
      connectors:
        - id: echo-1
          type: echo
          awaiting-plugin: true
          settings:
            greeting: hello
            api-key: echo-secret-api-key-123
        - id: lib-a
          type: lib-a
          awaiting-plugin: true
        - id: lib-b
          type: lib-b
          awaiting-plugin: true
      """;

  @TempDir Path dir;
  @TempDir Path work;
  TestGateway gateway;
  Path plugins;

  @BeforeEach
  void start() {
    PluginProbe.clear();
    gateway = TestGateway.start(dir, new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
        new TestGateway.Options(CONNECTORS, true, false));
    plugins = TestGateway.pluginsDir(dir);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  ConnectorInstances instances() {
    return gateway.get(ConnectorInstances.class);
  }

  static Notification notification(String deliveryId) {
    return new Notification(deliveryId, Notification.Trigger.STOCK_DEPLETED, Notification.Purpose.STAFF_ALERT,
        Notification.Audience.STAFF, Recipient.NONE, new Notification.Message("s", "b"), Map.of(), Optional.empty());
  }

  /** The documented way to drop a jar: copy under a temporary name, then rename into place. */
  Path drop(PluginJarBuilder jar, String fileName) throws Exception {
    Path staged = jar.writeTo(work.resolve(fileName));
    Path temp = plugins.resolve("." + fileName + ".tmp");
    Files.copy(staged, temp, StandardCopyOption.REPLACE_EXISTING);
    return Files.move(temp, plugins.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  ConnectorInstance instance(String id) {
    return instances().status(id);
  }

  Optional<PluginInfo> plugin(String jar) {
    return gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listConnectors(ListConnectorsRequest.getDefaultInstance())
        .getPluginsList().stream().filter(p -> p.getJar().equals(jar)).findFirst();
  }

  ServingStatus health(String service) {
    return HealthGrpc.newBlockingStub(gateway.channel())
        .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
  }

  @Test
  void aDroppedJarServesWithoutARestart() throws Exception {
    assertThat(instance("echo-1").getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_NOT_LOADED);
    assertThatThrownBy(() -> instances().deliver("echo-1", notification("d-0")))
        .isInstanceOf(ConnectorUnavailableException.class).hasMessageContaining("not loaded");

    long dropped = System.nanoTime();
    drop(TestPlugins.echo(work, "1.0.0", 0), "echo.jar");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> instance("echo-1").getState() == ConnectorState.CONNECTOR_STATE_STARTED);
    System.out.printf("dropped jar serving after %d ms%n", (System.nanoTime() - dropped) / 1_000_000);

    DeliveryReceipt receipt = instances().deliver("echo-1", notification("d-1"));
    assertThat(receipt.externalId()).isEqualTo("1.0.0:hello:d-1");
    assertThat(plugin("echo.jar")).get().satisfies(p -> {
      assertThat(p.getPluginId()).isEqualTo("echo");
      assertThat(p.getVersion()).isEqualTo("1.0.0");
      assertThat(p.getConnectorTypesList()).containsExactly("echo");
      assertThat(p.getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED);
    });
    assertThat(health("connector/echo-1")).isEqualTo(ServingStatus.SERVING);
    assertThat(instance("echo-1").getSettingsMap())
        .as("secret by the plugin's own declaration").containsEntry("api-key", "****").containsEntry("greeting", "hello");
  }

  @Test
  void aRemovedJarUnloadsAndDeliveriesWaitUntilItReturns() throws Exception {
    Path jar = drop(TestPlugins.echo(work, "1.0.0", 0), "echo.jar");
    await().atMost(Duration.ofSeconds(30)).until(() -> instance("echo-1").getState() == ConnectorState.CONNECTOR_STATE_STARTED);

    Files.delete(jar);
    await().atMost(Duration.ofSeconds(30)).until(() -> instance("echo-1").getState() == ConnectorState.CONNECTOR_STATE_NOT_LOADED);
    assertThat(instance("echo-1").getLastError()).contains("removed");
    assertThat(health("connector/echo-1")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThatThrownBy(() -> instances().deliver("echo-1", notification("d-2")))
        .isInstanceOf(ConnectorUnavailableException.class);
    assertThat(PluginProbe.events()).contains("echo 1.0.0 closed with 0 in flight");

    drop(TestPlugins.echo(work, "1.0.1", 0), "echo.jar");
    await().atMost(Duration.ofSeconds(30)).until(() -> instance("echo-1").getState() == ConnectorState.CONNECTOR_STATE_STARTED);
    assertThat(instances().deliver("echo-1", notification("d-2")).externalId()).isEqualTo("1.0.1:hello:d-2");
  }

  @Test
  void twoPluginsBundlingDifferentVersionsOfALibraryEachUseTheirOwn() throws Exception {
    drop(TestPlugins.withLibrary(work, "lib-a", "lib-a", "library 1.x"), "lib-a.jar");
    drop(TestPlugins.withLibrary(work, "lib-b", "lib-b", "library 2.x"), "lib-b.jar");
    await().atMost(Duration.ofSeconds(30)).until(() ->
        instance("lib-a").getState() == ConnectorState.CONNECTOR_STATE_STARTED
            && instance("lib-b").getState() == ConnectorState.CONNECTOR_STATE_STARTED);

    assertThat(instances().deliver("lib-a", notification("x")).externalId()).isEqualTo("library 1.x");
    assertThat(instances().deliver("lib-b", notification("x")).externalId()).isEqualTo("library 2.x");
  }

  @Test
  void aJarWrittenSlowlyIsNotLoadedUntilItIsRenamedIntoPlace() throws Exception {
    byte[] bytes = Files.readAllBytes(TestPlugins.echo(work, "1.0.0", 0).writeTo(work.resolve("echo.jar")));
    Path partial = plugins.resolve(".echo.jar.tmp");
    int half = bytes.length / 2;
    Files.write(partial, java.util.Arrays.copyOf(bytes, half));
    gateway.get(PluginHost.class).scan();
    Thread.sleep(PluginFolderWatcher.DEBOUNCE_MILLIS * 3); // a watcher scan, had the name counted
    assertThat(gateway.get(PluginHost.class).plugins()).isEmpty();

    Files.write(partial, java.util.Arrays.copyOfRange(bytes, half, bytes.length), java.nio.file.StandardOpenOption.APPEND);
    assertThat(gateway.get(PluginHost.class).scan()).isEmpty();
    Files.move(partial, plugins.resolve("echo.jar"), StandardCopyOption.ATOMIC_MOVE);

    await().atMost(Duration.ofSeconds(30)).until(() -> instance("echo-1").getState() == ConnectorState.CONNECTOR_STATE_STARTED);
    assertThat(plugin("echo.jar")).get().extracting(PluginInfo::getState).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED);
  }

  @Test
  void aPluginsOwnTemplatesAreUsedWhileItIsLoaded() throws Exception {
    java.nio.file.Files.createDirectories(work.resolve("routed"));
    var routed = TestGateway.start(work.resolve("routed"), new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
        new TestGateway.Options(CONNECTORS + "routes: [{name: staff, when: {audience: staff}, send: [echo-1]}]\n", false, false));
    try (routed) {
      Path routedPlugins = TestGateway.pluginsDir(work.resolve("routed"));
      TestPlugins.echo(work, "1.0.0", 0)
          .resource("templates/staff-alert.mustache", "ECHO says {{sku}} is out")
          .writeTo(routedPlugins.resolve("echo.jar"));
      String before = routed.backorder().reportInventoryLevel(com.backordergateway.server.testing.Requests.sale("INK-1", 0, "A-1"))
          .getPlannedDeliveries(0).getBody();
      routed.get(PluginHost.class).scan();
      String after = routed.backorder().reportInventoryLevel(com.backordergateway.server.testing.Requests.sale("INK-2", 0, "A-2"))
          .getPlannedDeliveries(0).getBody();

      assertThat(before).as("built-in wording while the plugin is away").startsWith("INK-1 (INK-1) is backordered");
      assertThat(after).isEqualTo("ECHO says INK-2 is out");
    }
  }

  @Test
  void disablingAnInstanceHoldsItsDeliveries() throws Exception {
    drop(TestPlugins.echo(work, "1.0.0", 0), "echo.jar");
    await().atMost(Duration.ofSeconds(30)).until(() -> instance("echo-1").getState() == ConnectorState.CONNECTOR_STATE_STARTED);

    ConnectorInstance disabled = gateway.admin(TestGateway.ALL_SCOPES_TOKEN).setConnectorEnabled(
        com.backordergateway.api.v1.SetConnectorEnabledRequest.newBuilder().setConnectorId("echo-1").setEnabled(false).build());

    assertThat(disabled.getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_DISABLED);
    assertThat(health("connector/echo-1")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThatThrownBy(() -> instances().deliver("echo-1", notification("d-3")))
        .isInstanceOf(ConnectorUnavailableException.class).hasMessageContaining("disabled");

    instances().setEnabled("echo-1", true);
    assertThat(instances().deliver("echo-1", notification("d-3")).externalId()).isEqualTo("1.0.0:hello:d-3");
  }
}
