package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.server.testing.GatewayProcess;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
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
 * stores nothing, readiness says why, the gateway takes calls again once the limit is lifted, a
 * refused call retried with its idempotency key is stored then, and after a {@code kill -9} and a
 * restart exactly the accepted events are there.
 */
class FullDiskTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aFullDiskAnswersUnavailableLosesNothingAndRecovers() throws Exception {
    int grpcPort = GatewayProcess.freePort();
    int httpPort = GatewayProcess.freePort();
    Files.createDirectories(dir.resolve("plugins"));
    Path config = GatewayProcess.writeConfig(dir, grpcPort, httpPort, "full.db", false, "");
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    var backorder = BackorderServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestGateway.bearer(TestGateway.ALL_SCOPES_TOKEN));
    ReportInventoryLevelRequest refusedFirst =
        Requests.sale("FULL-X", 0, "O-X").toBuilder().setIdempotencyKey("full-disk-retry-1").build();
    Set<String> accepted = new HashSet<>();
    GatewayProcess gateway = GatewayProcess.startCapturingOutput(dir, config);
    try {
      GatewayProcess.awaitServing(channel);
      accepted.addAll(sell(backorder, "FULL-A", 10));

      prlimit(gateway, "0:unlimited"); // no byte more may be written to any file
      StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () ->
          backorder.withDeadlineAfter(30, TimeUnit.SECONDS).reportInventoryLevel(refusedFirst));
      assertThat(refused).as("intake on a full disk").isNotNull();
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(refused.getStatus().getDescription()).startsWith("the store cannot write now");
      assertThat(StoreFaultsTest.readiness(http, httpPort)).startsWith("503 store cannot write");

      prlimit(gateway, "unlimited:unlimited");
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
          .until(() -> StoreFaultsTest.readiness(http, httpPort).startsWith("200"));
      IntakeResponse retried = backorder.withDeadlineAfter(30, TimeUnit.SECONDS).reportInventoryLevel(refusedFirst);
      assertThat(retried.getDuplicate()).as("the refused call was never stored").isFalse();
      accepted.add(retried.getEventId());
      accepted.addAll(sell(backorder, "FULL-B", 10));
    } finally {
      gateway.kill(); // only what was committed survives
    }
    assertThat(gateway.output()).containsOnlyOnce("the store cannot write").doesNotContain("\tat org.sqlite");

    try (GatewayProcess restarted = GatewayProcess.start(dir, config)) {
      GatewayProcess.awaitServing(channel);
      assertThat(StoreFaultsTest.storedEventIds(backorder.withDeadlineAfter(30, TimeUnit.SECONDS)))
          .isEqualTo(accepted);
    } finally {
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

  private static void prlimit(GatewayProcess process, String fileSize) throws Exception {
    Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(process.pid()), "--fsize=" + fileSize)
        .redirectErrorStream(true).start();
    String said = new String(prlimit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(prlimit.waitFor()).as("prlimit: " + said).isZero();
  }
}
