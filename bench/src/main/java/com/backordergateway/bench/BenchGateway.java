package com.backordergateway.bench;

import com.backordergateway.server.Gateway;
import com.backordergateway.server.cluster.ReplicaRegistry;
import com.backordergateway.server.config.ConfigLoader;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real gateway in this JVM, started the way {@code Main} starts it ({@link Gateway#start(GatewayConfig)}:
 * Netty on a loopback port, direct executor, system clock) over a fresh SQLite file, or as one
 * replica on a shared PostgreSQL database, with the webhook plugin routing staff and customers to
 * the sink.
 */
final class BenchGateway implements AutoCloseable {

  private final Gateway gateway;
  final ClientPool clients;

  private BenchGateway(Gateway gateway, ClientPool clients) {
    this.gateway = gateway;
    this.clients = clients;
  }

  static BenchGateway start(Path folder, Path pluginsDir, String sinkUrl, boolean deferred, int channels) {
    return start(folder, pluginsDir, sinkUrl, deferred, channels, "", "");
  }

  /** With more connector and route entries (YAML list items) than the two sink instances. */
  static BenchGateway start(Path folder, Path pluginsDir, String sinkUrl, boolean deferred, int channels,
      String extraConnectors, String extraRoutes) {
    return start(folder, channels, GatewayYaml.of(folder, pluginsDir.toAbsolutePath(), sinkUrl, 0, deferred,
        extraConnectors, extraRoutes));
  }

  /** A replica on the PostgreSQL database at {@code jdbcUrl}, configured otherwise as every replica on it. */
  static BenchGateway replica(Path folder, Path pluginsDir, String sinkUrl, int channels, String jdbcUrl) {
    return start(folder, channels, GatewayYaml.of(GatewayYaml.postgres(jdbcUrl), folder, pluginsDir.toAbsolutePath(),
        sinkUrl, 0, false, "", ""));
  }

  private static BenchGateway start(Path folder, int channels, String yaml) {
    try {
      Files.createDirectories(folder);
      Path file = Files.writeString(folder.resolve("gateway.yaml"), yaml);
      GatewayConfig config = new ConfigLoader(name -> null, Secrets.global()).load(file);
      Gateway gateway = Gateway.start(config);
      return new BenchGateway(gateway, new ClientPool(gateway.grpcPort(), channels));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many replicas this one counts on its store, itself included (1 on SQLite). */
  int replicasLive() {
    return gateway.get(ReplicaRegistry.class).live();
  }

  @Override
  public void close() {
    clients.close();
    gateway.close();
  }
}
