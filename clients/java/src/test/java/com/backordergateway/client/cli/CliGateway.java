package com.backordergateway.client.cli;

import com.backordergateway.server.Gateway;
import com.backordergateway.server.config.ConfigLoader;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Secrets;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A real gateway on a free TCP port (temp SQLite file, the webhook and Twilio plugins from the
 * distribution, the webhook in dry-run), and a way to run {@code backorderctl} against it in this JVM.
 */
final class CliGateway implements AutoCloseable {

  static final String TOKEN = "cli-test-token-0123456789";
  static final String READ_ONLY_TOKEN = "cli-read-only-token-0123456789";
  static final Path DISTRIBUTION_PLUGINS =
      Path.of("../../distribution/target/backorder-gateway/plugins").toAbsolutePath().normalize();

  /** What one command line printed, and its exit code. */
  record Run(int code, String out, String err) {}

  private final Gateway gateway;

  CliGateway(Path dir) throws IOException {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    try (var jars = Files.newDirectoryStream(DISTRIBUTION_PLUGINS, "{webhook,twilio}-connector-*.jar")) {
      for (Path jar : jars) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    Path configFile = Files.writeString(dir.resolve("gateway.yaml"), """
        server: {http-port: 0}
        plugins: {dir: "%s", watch: false}
        storage: {url: "jdbc:sqlite:%s"}
        auth:
          tokens:
            - {name: cli, token: %s, scopes: [intake, read, admin]}
            - {name: reader, token: %s, scopes: [read]}
        connectors:
          - id: erp-webhook
            type: webhook
            mode: dry-run
            settings: {url: "https://erp.example.com/hooks/backorders", signing-secret: cli-test-signing-secret}
        routes:
          - {name: customers, when: {audience: customer}, send: [erp-webhook]}
          - {name: staff, when: {audience: staff}, send: [erp-webhook]}
        """.formatted(plugins, dir.resolve("cli.db"), TOKEN, READ_ONLY_TOKEN));
    GatewayConfig config = new ConfigLoader(name -> null, Secrets.global()).load(configFile);
    gateway = Gateway.start(config, Clock.systemUTC(), NettyServerBuilder.forPort(0));
  }

  String target() {
    return "localhost:" + gateway.grpcPort();
  }

  /** Runs {@code backorderctl args} with BACKORDER_TARGET and BACKORDER_TOKEN set for this gateway. */
  Run ctl(String... args) {
    return ctlWithEnv(Map.of("BACKORDER_TARGET", target(), "BACKORDER_TOKEN", TOKEN), args);
  }

  static Run ctlWithEnv(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BackorderCtl.run(args, new PrintWriter(out), new PrintWriter(err), env);
    return new Run(code, out.toString(), err.toString());
  }

  @Override
  public void close() {
    gateway.close();
  }
}
