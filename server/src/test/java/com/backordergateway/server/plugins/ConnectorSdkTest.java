package com.backordergateway.server.plugins;

import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.ConnectorType;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.SettingInfo;
import com.backordergateway.api.v1.TestConnectorRequest;
import com.backordergateway.api.v1.TestConnectorResponse;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.GatewayVersion;
import com.backordergateway.server.config.ConfigException;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What SPI 1.1 moves into the host, with real plugin jars: a 1.0 plugin still loads and delivers
 * (with the host's User-Agent), typed settings are checked before {@code open} and reported with
 * their key path, audiences are held to the declared capabilities, and ListConnectors tells
 * operators what each type takes.
 */
class ConnectorSdkTest {

  @TempDir Path dir;
  @TempDir Path work;
  FakePlatform platform;
  TestGateway gateway;

  @BeforeEach
  void startPlatform() {
    platform = FakePlatform.start();
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    platform.close();
  }

  TestGateway start(String yaml) {
    gateway = TestGateway.start(dir, new TestClock(Instant.parse("2026-05-01T15:00:00Z")),
        new TestGateway.Options(yaml, false, false));
    return gateway;
  }

  /** The typed (SPI 1.1) plugin as instance {@code rows}, sent every customer notice. */
  void startTypedForCustomers() {
    drop(TestPlugins.typed(work), "typed.jar");
    start("""
        connectors:
          - {id: rows, type: typed, settings: {url: "%s", max-rows: "5", token: typed-secret-token-123}}
        routes:
          - {name: customers, when: {audience: customer}, send: [rows]}
        """.formatted(platform.url("/rows")));
  }

  void drop(PluginJarBuilder jar, String name) {
    jar.writeTo(TestGateway.pluginsDir(dir).resolve(name));
  }

  Delivery awaitDelivered(String connector) {
    return awaitDelivery(connector, DeliveryStatus.DELIVERY_STATUS_DELIVERED);
  }

  Delivery awaitDelivery(String connector, DeliveryStatus status) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> gateway.admin(TestGateway.ALL_SCOPES_TOKEN)
        .listDeliveries(ListDeliveriesRequest.getDefaultInstance()).getDeliveriesList().stream()
        .filter(d -> d.getConnector().equals(connector) && d.getStatus() == status)
        .findFirst().orElse(null), d -> d != null);
  }

  @Test
  void aPluginBuiltForSpi10LoadsAndDeliversWithTheHostsUserAgent() {
    drop(TestPlugins.poster(work), "poster.jar");
    start("""
        connectors:
          - {id: legacy, type: poster, settings: {url: "%s"}}
        routes:
          - {name: everyone, send: [legacy]}
        """.formatted(platform.url("/notify")));
    platform.enqueue(FakeResponse.json(201, "{\"id\":\"p-1\"}"), FakeResponse.json(201, "{\"id\":\"p-2\"}"));

    gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));

    assertThat(awaitDelivered("legacy").getExternalId()).startsWith("p-");
    await().atMost(Duration.ofSeconds(20)).until(() -> platform.requestCount() == 2);
    assertThat(platform.lastRequest().header("User-Agent"))
        .as("the host's, not the plugin's own").hasValue("BackorderGateway/" + GatewayVersion.VERSION + " poster/1.0.0");
  }

  @Test
  void aMalformedTypedSettingStopsStartUpWithItsKeyPathAndWhatWasExpected() {
    drop(TestPlugins.typed(work), "typed.jar");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> start("""
        connectors:
          - {id: rows, type: typed, settings: {url: "%s", max-rows: "11", token: typed-secret-token-123}}
        routes:
          - {name: customers, when: {audience: customer}, send: [rows]}
        """.formatted(platform.url("/rows"))));
    assertThat(e.problems()).containsExactly(
        "connectors[0].settings.max-rows: must be a whole number from 1 to 10 (e.g. 5)");
    assertThat(e.getMessage()).doesNotContain("typed-secret-token-123");
  }

  @Test
  void aSecretWithASpaceAndAnUnknownChoiceAreRefusedWithoutEchoingThem() {
    drop(TestPlugins.typed(work), "typed.jar");
    ConfigException secret = catchThrowableOfType(ConfigException.class, () -> start("""
        connectors:
          - {id: rows, type: typed, settings: {url: "%s", max-rows: "5", token: "typed secret"}}
        """.formatted(platform.url("/rows"))));
    assertThat(secret.problems()).containsExactly(
        "connectors[0].settings.token: must not contain spaces or control characters");
    ConfigException choice = catchThrowableOfType(ConfigException.class, () -> start("""
        connectors:
          - {id: rows, type: typed, settings: {url: "%s", max-rows: "5", token: typed-secret-token-123, mode: merge}}
        """.formatted(platform.url("/rows"))));
    assertThat(choice.problems()).containsExactly("connectors[0].settings.mode: must be one of append, upsert");
  }

  @Test
  void aRouteThatSendsCustomerNoticesToAStaffOnlyConnectorStopsStartUpNamingRouteAndConnector() {
    drop(TestPlugins.echo(work, "1.0.0", 0), "echo.jar");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> start("""
        connectors:
          - {id: team-chat, type: echo, settings: {greeting: hi}}
        routes:
          - {name: staff, when: {audience: staff}, send: [team-chat]}
          - {name: customers, when: {audience: customer}, send: [team-chat]}
        """));
    assertThat(e.problems()).containsExactly("routes[1] (customers) sends customer notices to connector team-chat "
        + "(type echo), which takes staff notices only: send them to a customer channel instead, or take team-chat "
        + "off the route");
  }

  @Test
  void aRouteWithoutAudienceSendsBothSoACustomerOnlyConnectorOnItIsRefusedToo() {
    drop(TestPlugins.typed(work), "typed.jar");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> start("""
        connectors:
          - {id: rows, type: typed, settings: {url: "%s", max-rows: "5", token: typed-secret-token-123}}
        routes:
          - {name: everyone, send: [rows]}
        """.formatted(platform.url("/rows"))));
    assertThat(e.problems()).singleElement().asString()
        .startsWith("routes[0] (everyone) sends staff notices to connector rows (type typed), which takes customer "
            + "notices only: set when.audience: customer on the route");
  }

  @Test
  void theHostRefusesANotificationForAnAudienceTheConnectorDoesNotTake() {
    drop(TestPlugins.typed(work), "typed.jar");
    start("""
        connectors:
          - {id: rows, type: typed, settings: {url: "%s", max-rows: "5", token: typed-secret-token-123}}
        """.formatted(platform.url("/rows")));
    TestConnectorResponse staffSample = gateway.admin(TestGateway.ALL_SCOPES_TOKEN)
        .testConnector(TestConnectorRequest.newBuilder().setConnectorId("rows").build());
    assertThat(staffSample.getOk()).isFalse();
    assertThat(staffSample.getError()).isEqualTo("connector rows (type typed) does not take staff notices");
    assertThat(platform.requestCount()).isZero();

    platform.enqueue(FakeResponse.json(200, "{\"ok\":false,\"error\":\"table_locked\"}"));
    TestConnectorResponse quirk = gateway.admin(TestGateway.ALL_SCOPES_TOKEN).testConnector(TestConnectorRequest
        .newBuilder().setConnectorId("rows").setRecipient(Customer.newBuilder().setEmail("maya@example.com")).build());
    assertThat(quirk.getError()).isEqualTo("Typed answered HTTP 200: ok:false table_locked");
    assertThat(platform.onlyRequest().json().path("tags").get(0).asText()).isEqualTo("backorder");
  }

  @Test
  void whatTheConnectorSaysAboutADeliveryIsInItsRecordWithSecretsMasked() {
    startTypedForCustomers();
    platform.enqueue(FakeResponse.json(200,
        "{\"id\":\"row-9\",\"note\":\"row 7 was deleted, wrote row 9 (token typed-secret-token-123)\"}"));

    gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));

    Delivery delivered = awaitDelivered("rows");
    assertThat(delivered.getExternalId()).isEqualTo("row-9");
    assertThat(delivered.getNote()).isEqualTo("row 7 was deleted, wrote row 9 (token ****)");
  }

  @Test
  void aSecretThePlatformEchoesInItsErrorIsMaskedByTheHostInTheDeadLetter() {
    startTypedForCustomers();
    platform.enqueue(FakeResponse.json(401, "{\"error\":\"token typed-secret-token-123 is revoked\"}"));

    gateway.backorder().reportInventoryLevel(sale("PAINT-RED", 0, "A-1"));

    Delivery dead = awaitDelivery("rows", DeliveryStatus.DELIVERY_STATUS_DEAD);
    assertThat(dead.getLastError()).isEqualTo("Typed answered HTTP 401: {\"error\":\"token **** is revoked\"}");
  }

  @Test
  void listConnectorsDescribesEachTypesSettingsCapabilitiesAndRate() {
    drop(TestPlugins.typed(work), "typed.jar");
    start("""
        connectors:
          - {id: rows, type: typed, settings: {url: "%s", max-rows: "5", token: typed-secret-token-123}}
        """.formatted(platform.url("/rows")));
    var listed = gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listConnectors(ListConnectorsRequest.getDefaultInstance());
    assertThat(listed.getInstances(0).getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED);
    ConnectorType typed = listed.getTypesList().stream().filter(t -> t.getType().equals("typed")).findFirst().orElseThrow();
    assertThat(typed.getPluginId()).isEqualTo("typed");
    assertThat(typed.getPluginVersion()).isEqualTo("1.1.0");
    assertThat(typed.getCapabilitiesList()).containsExactly("CUSTOMER_AUDIENCE");
    assertThat(typed.getDefaultRatePerSecond()).isEqualTo(1000);
    assertThat(typed.getSettingsList()).extracting(SettingInfo::getKey)
        .containsExactly("url", "max-rows", "token", "mode", "tags");
    assertThat(typed.getSettings(1)).isEqualTo(SettingInfo.newBuilder().setKey("max-rows").setFormat("integer")
        .setExpected("a whole number from 1 to 10").setRequired(true).setDescription("rows per call").setExample("5").build());
    assertThat(typed.getSettings(2).getFormat()).isEqualTo("secret");
    assertThat(typed.getSettings(2).getSecret()).isTrue();
    assertThat(typed.getSettings(3).getExpected()).isEqualTo("one of append, upsert");
    assertThat(typed.getSettings(3).getDefaultValue()).isEqualTo("append");
    assertThat(listed.toString()).doesNotContain("typed-secret-token-123");
  }
}
