package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.Gateway;
import com.backordergateway.server.config.ConfigException;
import com.backordergateway.server.config.ConfigLoader;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Secrets;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.inprocess.InProcessServerBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway never starts half-configured while reporting ready: a connector or source type no
 * loaded plugin offers stops start-up naming the key and the loaded types, unless the instance
 * says it awaits its plugin — then readiness names it.
 */
class StartupChecksTest {

  @TempDir Path dir;
  @TempDir Path work;

  private TestGateway start(String yaml) {
    return TestGateway.start(dir, new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
        new TestGateway.Options(yaml, false, false));
  }

  @Test
  void aMistypedConnectorOrSourceTypeStopsStartUpNamingTheKeyAndTheLoadedTypes() throws Exception {
    TestPlugins.echo(work, "1.0.0", 0).writeTo(Files.createDirectories(TestGateway.pluginsDir(dir)).resolve("echo.jar"));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> start("""
        connectors:
          - {id: sms, type: twillio}
          - {id: echo-1, type: echo, settings: {greeting: hi}}
        sources:
          - {id: shop, type: shopifyy, settings: {secret: shop-signing-secret-0001}}
        """));
    assertThat(e).isNotNull();
    assertThat(e.problems()).containsExactly(
        "connectors[0].type: no loaded plugin offers twillio (loaded: echo); drop its plugin into plugins.dir,"
            + " or set awaiting-plugin: true to start without it",
        "sources[0].type: no loaded plugin reads shopifyy webhooks (loaded: ); drop its plugin into plugins.dir,"
            + " or set awaiting-plugin: true to start without it");
  }

  @Test
  void anInstanceAwaitingItsPluginStartsAndReadinessNamesIt() throws Exception {
    try (TestGateway gateway = start("""
        connectors:
          - {id: sms, type: twilio, awaiting-plugin: true}
        sources:
          - {id: shop, type: shopify, awaiting-plugin: true, settings: {secret: shop-signing-secret-0001}}
        """)) {
      HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + gateway.httpPort() + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("ready; awaiting plugins: sms (twilio), source shop (shopify)");
    }
  }

  @Test
  void aPluginsFolderThatIsNotThereIsAnErrorNotAnEmptyGateway() throws Exception {
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        storage: {url: "jdbc:sqlite:%s"}
        plugins: {dir: "%s"}
        auth: {tokens: [{name: ops, token: 0123456789abcdef-ops, scopes: [admin]}]}
        """.formatted(dir.resolve("g.db"), dir.resolve("no-such-folder")));
    GatewayConfig loaded = new ConfigLoader(name -> null, Secrets.global()).load(config);
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> Gateway.start(loaded, Clock.systemUTC(), InProcessServerBuilder.forName("startup-checks").directExecutor()));
    assertThat(thrown).isInstanceOf(ConfigException.class);
    assertThat(((ConfigException) thrown).problems()).containsExactly("plugins.dir: no folder " + dir.resolve("no-such-folder")
        + "; create it, or point plugins.dir at the folder that holds the connector plugin jars");
  }
}
