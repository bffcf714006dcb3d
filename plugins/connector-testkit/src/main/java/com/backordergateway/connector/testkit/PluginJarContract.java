package com.backordergateway.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorApi;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.WebhookSource;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * What every packaged plugin jar owes the gateway, checked on the jar the build produced (the
 * plugins parent pom runs a module's {@code *IT} classes after {@code package}): what ops drop
 * into the plugins folder is a well-formed PF4J plugin that bundles no host classes, carries the
 * templates of its sources, loads in its own class loader, opens an instance on settings the
 * host has checked, delivers a sample to a fake platform with the host's User-Agent, and is
 * refused by a host whose SPI it does not fit.
 *
 * <p>A plugin's IT extends this class and says what its jar offers and how its platform answers;
 * platform-specific checks of the packaged jar (a webhook source's parsing) are added as tests of
 * its own.
 */
public abstract class PluginJarContract {

  /** The SPI range every plugin built on this SPI declares. */
  public static final String REQUIRES = ">=1.2.0 & <2.0.0";

  /** The jar this build produced. */
  protected final BuiltPluginJar jar = BuiltPluginJar.fromBuild();

  // ---- What each plugin's IT supplies ------------------------------------------------------

  /** The connector extension's class name (a string: the class is loaded from the jar). */
  protected abstract String connectorClass();

  /** The connector type it offers, e.g. {@code twilio}. */
  protected abstract String connectorType();

  /** Settings for an instance that calls the fake platform at {@code platformUrl}. */
  protected abstract Map<String, String> settings(URI platformUrl);

  /** Scripts the platform's answer(s) to a successful delivery of {@link #sample()}. */
  protected abstract void scriptSuccess(FakePlatform platform);

  /** The external id the receipt carries after {@link #scriptSuccess}. */
  protected abstract String expectedExternalId();

  /** Checks the (last) delivery request as the platform would. */
  protected abstract void assertDeliveryRequest(RecordedRequest request);

  // ---- Hooks --------------------------------------------------------------------------------

  /** Other extensions the jar offers (a webhook source), by class name. */
  protected List<String> otherExtensions() {
    return List.of();
  }

  /** What the IT delivers: a customer notice unless the connector is for staff. */
  protected Notification sample() {
    return SampleNotifications.customerNotice();
  }

  // ---- The contract --------------------------------------------------------------------------

  @Test
  void jarIsAWellFormedPluginOnThisSpiThatBundlesNoHostClasses() {
    String pluginId = System.getProperty("plugin.id");
    jar.assertWellFormedPlugin(pluginId, connectorClass());
    List<String> extensions = new ArrayList<>(otherExtensions());
    extensions.add(connectorClass());
    assertThat(jar.extensions()).containsExactlyInAnyOrderElementsOf(extensions);
    assertThat(jar.pluginManifest())
        .containsEntry("Plugin-Provider", "Backorder Gateway")
        .containsEntry("Plugin-Requires", REQUIRES)
        .containsEntry("Plugin-Version", System.getProperty("plugin.version"));
  }

  @Test
  void jarCarriesTheTemplatesOfItsSourcesAndTheyCompile() {
    TemplateSource packaged = TemplateSource.jar(jar.path());
    Path module = Path.of(System.getProperty("plugin.basedir", "."));
    TemplateSource sources = TemplateSource.folder(module.resolve("src/main/resources/templates"));
    assertThat(packaged.paths()).as("templates in %s", jar.path().getFileName()).isEqualTo(sources.paths());
    assertThat(Templates.of(List.of(packaged))).isNotNull();
  }

  @Test
  void pf4jLoadsTheJarAndItsConnectorDeliversWithTheHostsUserAgent(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir); FakePlatform platform = FakePlatform.start()) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<Connector> connectors = plugin.extensions(Connector.class);
      assertThat(connectors).hasSize(1);
      Connector connector = connectors.get(0);
      assertThat(connector.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(connector.descriptor().type()).isEqualTo(connectorType());

      String userAgent = "BackorderGateway/it " + System.getProperty("plugin.id") + "/" + System.getProperty("plugin.version");
      TestConnectorContext context = TestConnectorContext.builder().userAgent(userAgent).build();
      scriptSuccess(platform);
      ConnectorSettings settings = ConnectorSettings.of(settings(platform.url()), connector.descriptor().settings());
      try (ConnectorSession session = connector.open(settings, context)) {
        DeliveryReceipt receipt = session.deliver(sample());
        assertThat(receipt.externalId()).isEqualTo(expectedExternalId());
      }
      RecordedRequest request = platform.lastRequest();
      assertDeliveryRequest(request);
      assertThat(request.header("User-Agent")).hasValue(userAgent);
    }
  }

  @Test
  void hostsOfAnotherSpiRefuseThePlugin(@TempDir Path pluginsDir) {
    for (String older : List.of("2.0.0", "1.0.0")) {
      try (HostedPlugin plugin = jar.start(pluginsDir.resolve(older), older)) {
        assertThat(plugin.state()).as("on a host with SPI %s", older).isNotEqualTo(PluginState.STARTED);
        assertThat(plugin.extensions(Connector.class)).isEmpty();
        assertThat(plugin.extensions(WebhookSource.class)).isEmpty();
      }
    }
    assertThat(ConnectorApi.VERSION).as("this SPI fits " + REQUIRES).startsWith("1.");
  }
}
