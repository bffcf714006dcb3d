package com.backordergateway.server.testing;

import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.ListDeliveriesResponse;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.server.Main;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as a real operating-system process ({@link Main} on the test class path), for
 * tests that kill it with SIGKILL and start it again on the same files. Its output is appended
 * to {@code gateway.log} in its folder.
 */
public final class GatewayProcess implements AutoCloseable {

  private final Process process;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  private GatewayProcess(Process process) {
    this.process = process;
  }

  /** Starts {@code Main --config config} in {@code dir}. */
  public static GatewayProcess start(Path dir, Path config) throws Exception {
    return new GatewayProcess(command(dir, config)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("gateway.log").toFile()))
        .start());
  }

  /**
   * As {@link #start}, its output kept in memory through a pipe, for a test that limits what the
   * process may write to files; {@link #output()} reads it.
   */
  public static GatewayProcess startCapturingOutput(Path dir, Path config) throws Exception {
    GatewayProcess gateway = new GatewayProcess(command(dir, config).start());
    Thread reader = new Thread(() -> {
      try {
        gateway.process.getInputStream().transferTo(gateway.output);
      } catch (IOException e) {
        // the process ended
      }
    }, "gateway-output");
    reader.setDaemon(true);
    reader.start();
    return gateway;
  }

  /**
   * Writes {@code dir/gateway.yaml}: the two ports, SQLite at {@code dir/<database>}, the
   * all-scopes test token, plugins from {@code dir/plugins} (watched or not), then {@code more}
   * (delivery, connectors, routes); returns its path.
   */
  public static Path writeConfig(Path dir, int grpcPort, int httpPort, String database, boolean watchPlugins,
      String more) throws IOException {
    return writeConfigOn(dir, grpcPort, httpPort, "jdbc:sqlite:" + dir.resolve(database), watchPlugins, more);
  }

  /** As {@link #writeConfig}, the store at {@code storageUrl} (a test PostgreSQL database: user postgres). */
  public static Path writeConfigOn(Path dir, int grpcPort, int httpPort, String storageUrl, boolean watchPlugins,
      String more) throws IOException {
    return Files.writeString(dir.resolve("gateway.yaml"), """
        server: {grpc-port: %d, http-port: %d}
        storage: {url: "%s", username: postgres}
        auth:
          tokens: [{name: all, token: %s, scopes: [intake, read, admin]}]
        plugins: {dir: "%s", watch: %s}
        """.formatted(grpcPort, httpPort, storageUrl, TestGateway.ALL_SCOPES_TOKEN, dir.resolve("plugins"),
        watchPlugins) + more.stripIndent());
  }

  private static ProcessBuilder command(Path dir, Path config) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // C1 only: a test gateway lives for seconds, and starts sooner without the optimizing compiler.
    return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "--config", config.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true);
  }

  /** What a process started with {@link #startCapturingOutput} printed so far. */
  public String output() {
    return output.toString(StandardCharsets.UTF_8);
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook runs, leases and half-written state are left behind. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the gateway (pid " + process.pid() + ") did not die of SIGKILL");
    }
  }

  /** SIGTERM, then waits for the orderly stop. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** Waits until the gRPC health check says SERVING. */
  public static void awaitServing(ManagedChannel channel) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() ->
        HealthGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance()).getStatus() == ServingStatus.SERVING);
  }

  /** The delivery ids the platform received, each once. */
  public static Set<String> receivedIds(FakePlatform platform) {
    Set<String> ids = new HashSet<>();
    for (RecordedRequest r : platform.requests()) {
      ids.add(r.json().get("delivery_id").asText());
    }
    return ids;
  }

  /** Every delivery the gateway holds, newest first, read page by page. */
  public static List<Delivery> deliveries(ManagedChannel channel) {
    var admin = AdminServiceGrpc.newBlockingStub(channel).withCallCredentials(TestGateway.bearer(TestGateway.ALL_SCOPES_TOKEN));
    List<Delivery> all = new ArrayList<>();
    String token = "";
    do {
      ListDeliveriesResponse page = admin.withDeadlineAfter(30, TimeUnit.SECONDS)
          .listDeliveries(ListDeliveriesRequest.newBuilder().setPageSize(500).setPageToken(token).build());
      all.addAll(page.getDeliveriesList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  /** How many deliveries are in each state. */
  public static Map<DeliveryStatus, Integer> statuses(ManagedChannel channel) {
    Map<DeliveryStatus, Integer> counts = new HashMap<>();
    deliveries(channel).forEach(d -> counts.merge(d.getStatus(), 1, Integer::sum));
    return counts;
  }

  public static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
