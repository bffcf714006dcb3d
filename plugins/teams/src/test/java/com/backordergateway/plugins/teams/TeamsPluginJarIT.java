package com.backordergateway.plugins.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.testkit.BuiltPluginJar;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.HostedPlugin;
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * The packaged plugin jar (run by failsafe after {@code package}): a well-formed PF4J plugin that
 * loads, posts a card and carries its templates.
 */
class TeamsPluginJarIT {

  private final BuiltPluginJar jar = BuiltPluginJar.fromBuild();

  @Test
  void jarIsAWellFormedPluginThatBundlesNoHostClasses() {
    jar.assertWellFormedPlugin("teams", "com.backordergateway.plugins.teams.TeamsConnector");
    assertThat(jar.pluginManifest())
        .containsEntry("Plugin-Provider", "Backorder Gateway")
        .containsEntry("Plugin-Version", System.getProperty("plugin.version"));
  }

  @Test
  void jarCarriesTheTemplatesAndTheyCompile() {
    TemplateSource shipped = TemplateSource.jar(jar.path());
    assertThat(shipped.paths()).contains("supplier-delayed/staff-alert.mustache", "resolution.mustache").hasSize(6);
    Templates.of(List.of(shipped));
  }

  @Test
  void pf4jLoadsTheJarAndItsConnectorPostsACard(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir); FakePlatform teams = FakePlatform.start()) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<Connector> connectors = plugin.extensions(Connector.class);
      assertThat(connectors).hasSize(1);
      Connector connector = connectors.get(0);
      assertThat(connector.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(connector.descriptor().type()).isEqualTo("teams");

      teams.enqueue(FakeResponse.status(200).body("1"));
      ConnectorSettings settings = ConnectorSettings.of(
          Map.of("webhook-url", teams.url() + TeamsLegacyConnectorTest.LEGACY_PATH), connector.descriptor().settings());
      try (ConnectorSession session = connector.open(settings, TestConnectorContext.create())) {
        DeliveryReceipt receipt = session.deliver(TeamsSamples.staffAlert());
        assertThat(receipt.externalId()).isEqualTo(TeamsSamples.DELIVERY_ID);
      }
      assertThat(teams.onlyRequest().json().at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
    }
  }

  @Test
  void hostWithAnIncompatibleSpiRefusesThePlugin(@TempDir Path pluginsDir) {
    try (HostedPlugin plugin = jar.start(pluginsDir, "2.0.0")) {
      assertThat(plugin.state()).isNotEqualTo(PluginState.STARTED);
      assertThat(plugin.extensions(Connector.class)).isEmpty();
    }
  }
}
