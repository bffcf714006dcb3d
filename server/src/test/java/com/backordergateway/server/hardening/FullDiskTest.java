package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.server.Main;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, made real for one process: its file-size limit (RLIMIT_FSIZE) lowered to nothing,
 * so every write SQLite makes fails as it does on a full volume. Intake answers UNAVAILABLE and
 * stores nothing, readiness says why, the gateway takes calls again once the limit is lifted, and
 * after a {@code kill -9} and a restart exactly the accepted events are there.
 */
class FullDiskTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aFullDiskAnswersUnavailableLosesNothingAndRecovers() throws Exception {
    int grpcPort = freePort();
    int httpPort = freePort();
    Files.createDirectories(dir.resolve("plugins"));
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        server: {grpc-port: %d, http-port: %d}
        storage: {url: "jdbc:sqlite:%s"}
        auth:
          tokens: [{name: all, token: %s, scopes: [intake, read, admin]}]
        plugins: {dir: "%s", watch: false}
        """.formatted(grpcPort, httpPort, dir.resolve("full.db"), TestGateway.ALL_SCOPES_TOKEN, dir.resolve("plugins")));
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    var backorder = BackorderServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestGateway.bearer(TestGateway.ALL_SCOPES_TOKEN));
    Set<String> accepted = new HashSet<>();
    Output output = new Output();
    Process gateway = start(config, output);
    try {
      awaitServing(channel);
      accepted.addAll(sell(backorder, "FULL-A", 10));

      prlimit(gateway, "0:unlimited"); // no byte more may be written to any file
      StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () ->
          backorder.withDeadlineAfter(30, TimeUnit.SECONDS).reportInventoryLevel(Requests.sale("FULL-X", 0, "O-X")));
      assertThat(refused).as("intake on a full disk").isNotNull();
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(refused.getStatus().getDescription()).startsWith("the store cannot write now");
      assertThat(StoreFaultsTest.readiness(http, httpPort)).startsWith("503 store cannot write");

      prlimit(gateway, "unlimited:unlimited");
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
          .until(() -> StoreFaultsTest.readiness(http, httpPort).startsWith("200"));
      accepted.addAll(sell(backorder, "FULL-B", 10));
    } finally {
      gateway.destroyForcibly(); // kill -9: only what was committed survives
      gateway.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(output.text()).containsOnlyOnce("the store cannot write").doesNotContain("\tat org.sqlite");

    Process restarted = start(config, new Output());
    try {
      awaitServing(channel);
      assertThat(StoreFaultsTest.storedEventIds(backorder.withDeadlineAfter(30, TimeUnit.SECONDS)))
          .isEqualTo(accepted);
    } finally {
      restarted.destroy();
      restarted.waitFor(30, TimeUnit.SECONDS);
      channel.shutdownNow();
    }
  }

  private static Set<String> sell(BackorderServiceGrpc.BackorderServiceBlockingStub backorder, String prefix,
      int count) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      ids.add(backorder.withDeadlineAfter(30, TimeUnit.SECONDS)
          .reportInventoryLevel(Requests.sale(prefix + "-" + i, 0, "O-" + prefix + i)).getEventId());
    }
    return ids;
  }

  private static void prlimit(Process process, String fileSize) throws Exception {
    Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(process.pid()), "--fsize=" + fileSize)
        .redirectErrorStream(true).start();
    String said = new String(prlimit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(prlimit.waitFor()).as("prlimit: " + said).isZero();
  }

  /** The process's output through a pipe, which a file-size limit does not touch. */
  private Process start(Path config, Output output) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
            "--config", config.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .start();
    output.drain(process.getInputStream());
    return process;
  }

  private static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void drain(InputStream in) {
      Thread reader = new Thread(() -> {
        try {
          in.transferTo(bytes);
        } catch (IOException e) {
          // the process ended
        }
      }, "gateway-output");
      reader.setDaemon(true);
      reader.start();
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private static void awaitServing(ManagedChannel channel) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() ->
        HealthGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance()).getStatus() == ServingStatus.SERVING);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
