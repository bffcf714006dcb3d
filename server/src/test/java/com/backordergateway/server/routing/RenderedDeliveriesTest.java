package com.backordergateway.server.routing;

import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.config.ConfigException;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planned deliveries carry their rendered content, chosen per connector type and recipient. */
class RenderedDeliveriesTest {

  @TempDir Path dir;

  static final String CONFIG = """
      store: {name: Maple & Thread Crafts}
      templates-dir: %s
      connectors:
        - {id: email, type: sendgrid, awaiting-plugin: true, mode: dry-run}
        - {id: chat, type: slack, awaiting-plugin: true, mode: dry-run}
      routes:
        - {name: customers, when: {audience: customer}, send: [email]}
        - {name: staff, when: {audience: staff}, send: [chat]}
      """;

  TestGateway start() {
    return TestGateway.start(dir, new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
        new TestGateway.Options(CONFIG.formatted(dir.resolve("templates")), false, false));
  }

  @Test
  void contentIsRenderedWhenPlannedAndStoredWithTheDelivery() {
    try (TestGateway gateway = start()) {
      IntakeResponse response = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));

      Delivery notice = response.getPlannedDeliveriesList().stream()
          .filter(d -> d.getConnector().equals("email")).findFirst().orElseThrow();
      assertThat(notice.getSubject()).isEqualTo("Your Maple & Thread Crafts order A-1: PAINT-RED is on backorder");
      assertThat(notice.getBody()).startsWith("Hi Customer,").contains("order A-1");
      assertThat(notice.getFactsMap()).containsEntry("sku", "PAINT-RED").containsEntry("order_id", "A-1")
          .containsEntry("status", "backordered").containsEntry("case_id", response.getCaseIds(0));
      Delivery stored = gateway.admin(TestGateway.ALL_SCOPES_TOKEN)
          .listDeliveries(ListDeliveriesRequest.newBuilder().setConnectorId("email").build()).getDeliveries(0);
      assertThat(stored.getId()).isEqualTo(notice.getId());
      assertThat(stored.getSubject()).isEqualTo(notice.getSubject());
      assertThat(stored.getBody()).isEqualTo(notice.getBody());
      assertThat(stored.getFactsMap()).isEqualTo(notice.getFactsMap());
    }
  }

  @Test
  void anOverrideForTheConnectorTypeWins() throws Exception {
    Path slack = Files.createDirectories(dir.resolve("templates/slack/stock-depleted"));
    Files.writeString(slack.resolve("staff-alert.mustache"), ":warning: {{sku}} sold out ({{reason}})");
    try (TestGateway gateway = start()) {
      IntakeResponse response = gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));
      Delivery alert = response.getPlannedDeliveriesList().stream()
          .filter(d -> d.getConnector().equals("chat")).findFirst().orElseThrow();
      assertThat(alert.getBody()).isEqualTo(":warning: PAINT-RED sold out (sold out: 0 on hand after a sale)");
    }
  }

  @Test
  void aBrokenOverrideStopsStartUpNamingFileAndLine() throws Exception {
    Path slack = Files.createDirectories(dir.resolve("templates/slack"));
    Files.writeString(slack.resolve("staff-alert.mustache"), "SKU {{sku}}\nfor {{customer_nmae}}\n");
    ConfigException e = catchThrowableOfType(ConfigException.class, this::start);
    assertThat(e.problems()).containsExactly(slack.resolve("staff-alert.mustache") + ":2: unknown variable {{customer_nmae}}");
  }
}
