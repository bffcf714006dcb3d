package com.backordergateway.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.PluginInfo;
import com.backordergateway.api.v1.ReloadPluginsRequest;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.connector.api.ConnectorApi;
import com.backordergateway.server.config.ConfigException;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad jars are refused with their reason, and the gateway keeps serving. */
class PluginRefusalTest {

  @TempDir Path dir;
  @TempDir Path work;

  /** Waits for its plugin: these tests drop jars the gateway refuses. */
  static final String ECHO_INSTANCE = """
      connectors:
        - id: echo-1
          type: echo
          awaiting-plugin: true
          settings: {greeting: hi}
      """;

  TestGateway start(String yaml, boolean requireSha256) {
    return TestGateway.start(dir, new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
        new TestGateway.Options(yaml, false, requireSha256));
  }

  PluginInfo reloadAndFind(TestGateway gateway, String jar) {
    return reload(gateway).stream().filter(p -> p.getJar().equals(jar))
        .reduce((first, second) -> second).orElseThrow(); // the newest attempt when a jar has two
  }

  void assertStillServing(TestGateway gateway) {
    assertThat(HealthGrpc.newBlockingStub(gateway.channel()).check(HealthCheckRequest.getDefaultInstance()).getStatus())
        .isEqualTo(ServingStatus.SERVING);
    assertThat(gateway.backorder().listEvents(ListEventsRequest.getDefaultInstance()).getEventsList()).isEmpty();
  }

  Path plugins() {
    return TestGateway.pluginsDir(dir);
  }

  @Test
  void eachKindOfBadJarIsRefusedWithItsReason() throws Exception {
    try (TestGateway gateway = start(ECHO_INSTANCE, false)) {
      TestPlugins.echo(work, "1.0.0", 0).manifest("Plugin-Id", null).writeTo(plugins().resolve("no-id.jar"));
      TestPlugins.echo(work, "1.0.0", 0).manifest("Plugin-Requires", ">=2.0.0").writeTo(plugins().resolve("future.jar"));
      TestPlugins.echo(work, "1.0.0", 0)
          .source("test.missing.Helper", "package test.missing; public class Helper { public static String hi() { return \"hi\"; } }")
          .extension("test.missing.NeedsHelper", """
              package test.missing;
              import com.backordergateway.connector.api.*;
              import java.util.*;
              @org.pf4j.Extension
              public class NeedsHelper implements Connector {
                private final String greeting = Helper.hi();
                public ConnectorDescriptor descriptor() {
                  return new ConnectorDescriptor("needs-helper", "x", List.of(), RateLimit.perSecond(1), Set.of());
                }
                public ConnectorSession open(ConnectorSettings s, ConnectorContext c) { return n -> DeliveryReceipt.of(greeting); }
              }
              """)
          .manifest("Plugin-Id", "missing")
          .omit("test.missing.Helper")
          .writeTo(plugins().resolve("missing-class.jar"));
      new PluginJarBuilder(work, "boom", "1.0.0")
          .source("test.boom.BoomPlugin", """
              package test.boom;
              public class BoomPlugin extends org.pf4j.Plugin {
                public void start() { throw new IllegalStateException("cannot reach license server"); }
              }
              """)
          .manifest("Plugin-Class", "test.boom.BoomPlugin")
          .writeTo(plugins().resolve("boom.jar"));
      Files.write(plugins().resolve("not-a-zip.jar"), new byte[] {1, 2, 3, 4});
      new PluginJarBuilder(work, "mute", "1.0.0")
          .extension("test.mute.MuteSource", """
              package test.mute;
              import com.backordergateway.connector.api.*;
              import java.util.*;
              @org.pf4j.Extension
              public class MuteSource implements WebhookSource {
                public String source() { return "mute"; }
                public List<SettingSpec> settings() { return List.of(SettingSpec.requiredSecret("secret", "signing secret")); }
                public void verify(WebhookRequest request, ConnectorSettings settings) { }
              }
              """)
          .writeTo(plugins().resolve("mute.jar"));

      assertThat(reloadAndFind(gateway, "no-id.jar").getLastError()).contains("bad manifest");
      assertThat(reloadAndFind(gateway, "future.jar").getLastError())
          .contains("incompatible").contains(">=2.0.0").contains(ConnectorApi.VERSION);
      assertThat(reloadAndFind(gateway, "missing-class.jar").getLastError())
          .contains("missing class").contains("test.missing.NeedsHelper");
      assertThat(reloadAndFind(gateway, "boom.jar").getLastError())
          .contains("start failed").contains("cannot reach license server");
      assertThat(reloadAndFind(gateway, "not-a-zip.jar").getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_FAILED);
      assertThat(reloadAndFind(gateway, "mute.jar").getLastError())
          .contains("webhook source test.mute.MuteSource implements neither read (SPI 1.2) nor parse (1.0, 1.1)");
      assertThat(gateway.get(PluginHost.class).plugins()).allMatch(p -> p.state() == ConnectorState.CONNECTOR_STATE_FAILED);
      assertThat(gateway.get(ConnectorInstances.class).status("echo-1").getState())
          .isEqualTo(ConnectorState.CONNECTOR_STATE_NOT_LOADED);
      assertStillServing(gateway);

      // A good jar next to them still loads.
      TestPlugins.echo(work, "1.0.0", 0).writeTo(plugins().resolve("echo.jar"));
      assertThat(reloadAndFind(gateway, "echo.jar").getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED);
    }
  }

  @Test
  void aSecondPluginForTheSameTypeOrIdIsRefused() throws Exception {
    try (TestGateway gateway = start(ECHO_INSTANCE, false)) {
      TestPlugins.echo(work, "1.0.0", 0).writeTo(plugins().resolve("echo.jar"));
      assertThat(reloadAndFind(gateway, "echo.jar").getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED);

      TestPlugins.echo(work, "1.1.0", 0).writeTo(plugins().resolve("echo-copy.jar"));
      assertThat(reloadAndFind(gateway, "echo-copy.jar").getLastError()).contains("already loaded from echo.jar");

      TestPlugins.echo(work, "1.0.0", 0).manifest("Plugin-Id", "echo-clone").writeTo(plugins().resolve("clone.jar"));
      assertThat(reloadAndFind(gateway, "clone.jar").getLastError()).contains("connector type echo is already provided by plugin echo");
    }
  }

  @Test
  void anIncompatibleNewVersionIsRefusedBeforeTheRunningOneIsTouched() throws Exception {
    try (TestGateway gateway = start(ECHO_INSTANCE, false)) {
      TestPlugins.echo(work, "1.0.0", 0).writeTo(plugins().resolve("echo.jar"));
      assertThat(reloadAndFind(gateway, "echo.jar").getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED);

      replace(TestPlugins.echo(work, "2.0.0", 0).manifest("Plugin-Requires", ">=9.0.0"));

      List<PluginInfo> plugins = reload(gateway);
      assertThat(plugins).extracting(p -> p.getVersion() + " " + p.getState()).containsExactlyInAnyOrder(
          "1.0.0 CONNECTOR_STATE_STARTED", "2.0.0 CONNECTOR_STATE_FAILED");
      assertThat(gateway.get(ConnectorInstances.class).deliver("echo-1", PluginRuntimeTest.notification("d")).externalId())
          .as("1.0.0 keeps serving").startsWith("1.0.0:");
    }
  }

  @Test
  void aNewVersionThatFailsToStartLeavesItsInstancesWaitingWithTheReason() throws Exception {
    try (TestGateway gateway = start(ECHO_INSTANCE, false)) {
      TestPlugins.echo(work, "1.0.0", 0).writeTo(plugins().resolve("echo.jar"));
      assertThat(reloadAndFind(gateway, "echo.jar").getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED);

      replace(TestPlugins.echo(work, "2.0.0", 0)
          .source("test.boom.BoomPlugin", """
              package test.boom;
              public class BoomPlugin extends org.pf4j.Plugin {
                public void start() { throw new IllegalStateException("license expired"); }
              }
              """)
          .manifest("Plugin-Class", "test.boom.BoomPlugin"));

      assertThat(reloadAndFind(gateway, "echo.jar").getLastError()).contains("license expired");
      var instance = gateway.get(ConnectorInstances.class).status("echo-1");
      assertThat(instance.getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_NOT_LOADED);
      assertThat(instance.getLastError()).isEqualTo("plugin echo 2.0.0 was refused: start failed: license expired");
    }
  }

  @Test
  void theHistoryRecordsEachLoadReplaceRefusalAndDropNewestFirst() throws Exception {
    try (TestGateway gateway = start(ECHO_INSTANCE, false)) {
      TestPlugins.echo(work, "1.0.0", 0).writeTo(plugins().resolve("echo.jar"));
      reload(gateway);
      replace(TestPlugins.echo(work, "1.1.0", 0));
      reload(gateway);
      replace(TestPlugins.echo(work, "2.0.0", 0).manifest("Plugin-Requires", ">=9.0.0"));
      reload(gateway);
      Files.delete(plugins().resolve("echo.jar"));
      reload(gateway);

      assertThat(gateway.get(PluginHistory.class).changes())
          .extracting(c -> c.kind() + " " + c.jar() + " " + c.pluginId() + " " + c.version() + ": " + c.detail())
          .containsExactly(
              "DROPPED echo.jar echo 1.1.0: plugin echo was removed from the plugins folder",
              "REFUSED echo.jar echo 2.0.0: incompatible: requires connector SPI >=9.0.0, this gateway has "
                  + ConnectorApi.VERSION,
              "REPLACED echo.jar echo 1.1.0: replaced version 1.0.0",
              "LOADED echo.jar echo 1.0.0: serving connector echo");
    }
  }

  /** The documented replace: write next to it, rename over it. */
  void replace(PluginJarBuilder jar) throws Exception {
    Path staged = jar.writeTo(plugins().resolve(".echo.jar.tmp"));
    java.nio.file.Files.move(staged, plugins().resolve("echo.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    plugins().resolve("echo.jar").toFile().setLastModified(System.currentTimeMillis() + 5_000);
  }

  List<PluginInfo> reload(TestGateway gateway) {
    return gateway.admin(TestGateway.ALL_SCOPES_TOKEN).reloadPlugins(ReloadPluginsRequest.getDefaultInstance()).getPluginsList();
  }

  @Test
  void aPluginShippingABrokenTemplateIsRefusedWithFileAndLine() throws Exception {
    try (TestGateway gateway = start(ECHO_INSTANCE, false)) {
      TestPlugins.echo(work, "1.0.0", 0)
          .resource("templates/stock-depleted/staff-alert.mustache", "{{sku}}\n{{#has_eta}}{{etaa}}{{/has_eta}}")
          .writeTo(plugins().resolve("echo.jar"));

      assertThat(reloadAndFind(gateway, "echo.jar").getLastError())
          .contains("echo.jar!/templates/stock-depleted/staff-alert.mustache:2: unknown variable {{etaa}}");
      assertThat(gateway.get(ConnectorInstances.class).status("echo-1").getState())
          .isEqualTo(ConnectorState.CONNECTOR_STATE_NOT_LOADED);
    }
  }

  @Test
  void withTheAllowlistOnlyListedJarsLoad() throws Exception {
    try (TestGateway gateway = start(ECHO_INSTANCE, true)) {
      Path jar = TestPlugins.echo(work, "1.0.0", 0).writeTo(plugins().resolve("echo.jar"));
      assertThat(reloadAndFind(gateway, "echo.jar").getLastError()).contains("not listed in SHA256SUMS");

      Files.writeString(plugins().resolve("SHA256SUMS"), "0".repeat(64) + "  echo.jar\n");
      assertThat(reloadAndFind(gateway, "echo.jar").getLastError()).as("unchanged jar is not retried").contains("not listed");
      jar.toFile().setLastModified(System.currentTimeMillis() + 5_000);
      assertThat(reloadAndFind(gateway, "echo.jar").getLastError()).contains("does not match");

      Files.writeString(plugins().resolve("SHA256SUMS"), Sha256Allowlist.sha256(jar) + "  echo.jar\n");
      jar.toFile().setLastModified(System.currentTimeMillis() + 10_000);
      assertThat(reloadAndFind(gateway, "echo.jar").getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED);
    }
  }

  @Test
  void settingsAPluginRefusesAtStartUpAreConfigErrorsWithTheKeyPath() throws Exception {
    TestPlugins.echo(work, "1.0.0", 0).writeTo(plugins().resolve("echo.jar"));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> start("""
        connectors:
          - id: other
            type: something-else
            awaiting-plugin: true
          - id: echo-1
            type: echo
            settings: {api-key: the-secret-key-value}
        """, false));
    assertThat(e.problems()).containsExactly("connectors[1].settings.greeting: required");
    assertThat(e.getMessage()).doesNotContain("the-secret-key-value");
  }

  @Test
  void anUnknownSettingIsRefusedToo() throws Exception {
    TestPlugins.echo(work, "1.0.0", 0).writeTo(plugins().resolve("echo.jar"));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> start("""
        connectors:
          - id: echo-1
            type: echo
            settings: {greeting: hi, greting: typo}
        """, false));
    assertThat(e.problems()).singleElement().asString().startsWith("connectors[0].settings.greting: unknown setting");
  }
}
