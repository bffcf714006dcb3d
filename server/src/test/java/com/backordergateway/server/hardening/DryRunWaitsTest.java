package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.SetConnectorEnabledRequest;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.plugins.ConnectorInstances;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry-run delivery waits, like a live one, while its instance has no plugin or is disabled. */
class DryRunWaitsTest {

  @TempDir Path dir;
  @TempDir Path work;

  private static ReportInventoryLevelRequest soldOut(String sku) {
    return ReportInventoryLevelRequest.newBuilder().setSku(sku).setOnHand(0)
        .setCause(InventoryCause.INVENTORY_CAUSE_SALE).build();
  }

  private static List<Delivery> deliveries(TestGateway gateway) {
    return gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listDeliveries(ListDeliveriesRequest.getDefaultInstance())
        .getDeliveriesList();
  }

  @Test
  void aDryRunDeliveryToAnInstanceWithoutItsPluginWaitsAndIsMadeOnceThePluginIsThere() throws Exception {
    try (TestGateway gateway = TestGateway.start(dir, new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
        new TestGateway.Options("""
            connectors:
              - {id: chat, type: echo, mode: dry-run, awaiting-plugin: true, settings: {greeting: hi}}
            routes:
              - {name: staff, when: {audience: staff}, send: [chat]}
            """, true, false))) {
      gateway.backorder().reportInventoryLevel(soldOut("PAPER-A4"));
      await().atMost(Duration.ofSeconds(20)).until(() -> !deliveries(gateway).get(0).getLastError().isEmpty());
      Delivery waiting = deliveries(gateway).get(0);
      assertThat(waiting.getStatus()).isNotEqualTo(DeliveryStatus.DELIVERY_STATUS_DELIVERED);
      assertThat(waiting.getLastError()).contains("not loaded");

      Path jar = TestPlugins.echo(work, "1.0.0", 0).writeTo(work.resolve("echo.jar"));
      Files.move(jar, TestGateway.pluginsDir(dir).resolve("echo.jar"));
      await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get(ConnectorInstances.class)
          .status("chat").getState() == ConnectorState.CONNECTOR_STATE_STARTED);
      gateway.clock.advance(Duration.ofMinutes(10));
      await().atMost(Duration.ofSeconds(20)).until(
          () -> deliveries(gateway).get(0).getStatus() == DeliveryStatus.DELIVERY_STATUS_DELIVERED);
    }
  }

  @Test
  void aDryRunDeliveryToADisabledInstanceWaits() throws Exception {
    TestPlugins.echo(work, "1.0.0", 0).writeTo(Files.createDirectories(TestGateway.pluginsDir(dir)).resolve("echo.jar"));
    try (TestGateway gateway = TestGateway.start(dir, new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
        new TestGateway.Options("""
            connectors:
              - {id: chat, type: echo, mode: dry-run, settings: {greeting: hi}}
            routes:
              - {name: staff, when: {audience: staff}, send: [chat]}
            """, false, false))) {
      gateway.admin(TestGateway.ALL_SCOPES_TOKEN).setConnectorEnabled(
          SetConnectorEnabledRequest.newBuilder().setConnectorId("chat").setEnabled(false).build());
      gateway.backorder().reportInventoryLevel(soldOut("PAPER-A4"));
      await().atMost(Duration.ofSeconds(20)).until(() -> !deliveries(gateway).get(0).getLastError().isEmpty());
      assertThat(deliveries(gateway).get(0).getStatus()).isNotEqualTo(DeliveryStatus.DELIVERY_STATUS_DELIVERED);
      assertThat(deliveries(gateway).get(0).getLastError()).contains("disabled");
    }
  }
}
