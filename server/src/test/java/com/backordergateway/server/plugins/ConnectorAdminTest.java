package com.backordergateway.server.plugins;

import static com.backordergateway.server.testing.StatusCodes.code;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ListConnectorsResponse;
import com.backordergateway.api.v1.ReloadPluginsRequest;
import com.backordergateway.api.v1.SetConnectorEnabledRequest;
import com.backordergateway.api.v1.TestConnectorRequest;
import com.backordergateway.api.v1.TestConnectorResponse;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AdminService's plugin and connector RPCs over gRPC. */
class ConnectorAdminTest {

  @TempDir Path dir;
  @TempDir Path work;
  TestGateway gateway;

  @BeforeEach
  void start() {
    TestPlugins.echo(work, "1.0.0", 0).writeTo(TestGateway.pluginsDir(dir).resolve("echo.jar"));
    gateway = TestGateway.start(dir, new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
        new TestGateway.Options("""
            connectors:
              - id: echo-live
                type: echo
                settings: {greeting: hi, api-key: echo-secret-key-456}
              - id: echo-dry
                type: echo
                mode: dry-run
                settings: {greeting: hi}
              - id: pager
                type: pagerduty
                awaiting-plugin: true
            """, false, false));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  TestConnectorResponse test(String id, boolean dryRun, Customer recipient) {
    TestConnectorRequest.Builder r = TestConnectorRequest.newBuilder().setConnectorId(id).setDryRun(dryRun);
    if (recipient != null) {
      r.setRecipient(recipient);
    }
    return gateway.admin(TestGateway.ALL_SCOPES_TOKEN).testConnector(r.build());
  }

  @Test
  void listsPluginsAndInstancesWithStatesAndMaskedSecrets() {
    ListConnectorsResponse response = gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listConnectors(ListConnectorsRequest.getDefaultInstance());

    assertThat(response.getPluginsList()).singleElement().satisfies(p -> {
      assertThat(p.getPluginId()).isEqualTo("echo");
      assertThat(p.getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED);
    });
    assertThat(response.getInstancesList()).extracting(i -> i.getId() + " " + i.getState()).containsExactly(
        "echo-live CONNECTOR_STATE_STARTED", "echo-dry CONNECTOR_STATE_STARTED", "pager CONNECTOR_STATE_NOT_LOADED");
    assertThat(response.getInstances(2).getLastError()).isEqualTo("no plugin of type pagerduty is loaded");
    assertThat(response.toString()).doesNotContain("echo-secret-key-456");
  }

  @Test
  void testSendsASampleThroughTheLiveInstance() {
    TestConnectorResponse staff = test("echo-live", false, null);
    assertThat(staff.getOk()).isTrue();
    assertThat(staff.getExternalId()).startsWith("1.0.0:hi:test_");
    assertThat(staff.getRendered()).contains("SAMPLE-001");

    TestConnectorResponse customer = test("echo-live", false, Customer.newBuilder().setEmail("maya@example.com").build());
    assertThat(customer.getRendered()).contains("order TEST-1001");
    assertThat(customer.getOk()).as("echo declares the staff audience only").isFalse();
    assertThat(customer.getError()).isEqualTo("connector echo-live (type echo) does not take customer notices");
  }

  @Test
  void dryRunRendersWithoutCallingThePlugin() {
    assertThat(test("echo-live", true, null)).satisfies(r -> {
      assertThat(r.getOk()).isTrue();
      assertThat(r.getExternalId()).isEmpty();
      assertThat(r.getRendered()).contains("backordered");
    });
    assertThat(test("echo-dry", false, null).getExternalId()).as("a dry-run instance never sends").isEmpty();
  }

  @Test
  void anUnavailableInstanceAnswersWhyAndUnknownOnesAreNotFound() {
    TestConnectorResponse pager = test("pager", false, null);
    assertThat(pager.getOk()).isFalse();
    assertThat(pager.getError()).contains("not loaded");

    gateway.admin(TestGateway.ALL_SCOPES_TOKEN).setConnectorEnabled(
        SetConnectorEnabledRequest.newBuilder().setConnectorId("echo-live").setEnabled(false).build());
    assertThat(test("echo-live", false, null).getError()).contains("disabled");

    assertThat(code(() -> test("nope", false, null))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(code(() -> gateway.admin(TestGateway.ALL_SCOPES_TOKEN).setConnectorEnabled(
        SetConnectorEnabledRequest.newBuilder().setConnectorId("nope").build()))).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void reloadPicksUpAJarWithoutTheWatcher() {
    TestPlugins.withLibrary(work, "lib-a", "pagerduty", "paged").writeTo(TestGateway.pluginsDir(dir).resolve("pager.jar"));

    var reloaded = gateway.admin(TestGateway.ALL_SCOPES_TOKEN).reloadPlugins(ReloadPluginsRequest.getDefaultInstance());

    assertThat(reloaded.getPluginsList()).extracting(p -> p.getJar()).containsExactly("echo.jar", "pager.jar");
    assertThat(test("pager", false, null).getExternalId()).isEqualTo("paged");
  }
}
