package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.ListEventsResponse;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that cannot write — a lock another process holds, a file that became read-only — makes
 * intake answer UNAVAILABLE naming why, stores nothing of the refused calls, keeps everything
 * accepted, reports not ready, and takes calls again once the store is back, without a restart.
 * The full disk, which needs a process of its own, is {@link FullDiskTest}.
 */
class StoreFaultsTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Path> immutable = new ArrayList<>();

  @AfterEach
  void makeFilesWritableAgain() throws Exception {
    chattr("-i", immutable); // or the temporary folder cannot be removed
  }

  @Test
  void aLockHeldByAnotherConnectionAnswersUnavailableUntilItIsReleased() throws Exception {
    try (TestGateway gateway = TestGateway.start(dir)) {
      Set<String> accepted = accept(gateway, "LOCKED-A", 5);
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + gateway.databaseFile);
          Statement statement = other.createStatement()) {
        statement.execute("BEGIN EXCLUSIVE");

        assertRefused(gateway, "the database is locked by another process");
        assertThat(readiness(gateway)).startsWith("503 store cannot write: the database is locked by another process");
        statement.execute("ROLLBACK");
      }

      awaitReady(gateway);
      accepted.addAll(accept(gateway, "LOCKED-B", 5));
      assertThat(storedEventIds(gateway)).isEqualTo(accepted);
    }
  }

  @Test
  void aFileThatBecomesReadOnlyAnswersUnavailableUntilItIsWritableAgain() throws Exception {
    try (TestGateway gateway = TestGateway.start(dir)) {
      Set<String> accepted = accept(gateway, "READONLY-A", 5);
      Path db = gateway.databaseFile;
      List<Path> files = List.of(db, db.resolveSibling(db.getFileName() + "-wal"));
      // An immutable file refuses writes even to the descriptors already open, as a volume
      // remounted read-only does; it needs root (CAP_LINUX_IMMUTABLE) on a file system that has it.
      Assumptions.assumeTrue(chattr("+i", files), "chattr +i is not permitted on this machine");
      immutable.addAll(files);

      // The file refuses the commit, after the call's work ran: its answer must not be kept for a retry.
      var keyed = Requests.sale("READONLY-K", 0, "O-K").toBuilder().setIdempotencyKey("read-only-retry-1").build();
      StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () ->
          gateway.backorder().reportInventoryLevel(keyed));
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(refused.getStatus().getDescription()).contains("the store cannot write now");
      assertThat(readiness(gateway)).startsWith("503 store cannot write");

      assertThat(chattr("-i", files)).isTrue();
      awaitReady(gateway);
      var retried = gateway.backorder().reportInventoryLevel(keyed);
      assertThat(retried.getDuplicate()).as("the refused call was never stored").isFalse();
      accepted.add(retried.getEventId());
      accepted.addAll(accept(gateway, "READONLY-B", 5));
      assertThat(storedEventIds(gateway)).isEqualTo(accepted);
    }
  }

  /** Sells {@code count} SKUs to zero; the ids of the events the gateway accepted. */
  static Set<String> accept(TestGateway gateway, String prefix, int count) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      ids.add(gateway.backorder().reportInventoryLevel(Requests.sale(prefix + "-" + i, 0, "O-" + prefix + i))
          .getEventId());
    }
    return ids;
  }

  static void assertRefused(TestGateway gateway, String reason) {
    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () ->
        gateway.backorder().reportInventoryLevel(Requests.sale("REFUSED-1", 0, "O-REFUSED")));
    assertThat(refused).as("intake while the store cannot write").isNotNull();
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(refused.getStatus().getDescription()).contains(reason).contains("nothing was stored, retry later");
  }

  static Set<String> storedEventIds(TestGateway gateway) {
    return storedEventIds(gateway.backorder());
  }

  static Set<String> storedEventIds(BackorderServiceGrpc.BackorderServiceBlockingStub backorder) {
    Set<String> ids = new HashSet<>();
    String token = "";
    do {
      ListEventsResponse page = backorder.listEvents(
          ListEventsRequest.newBuilder().setPageSize(500).setPageToken(token).build());
      page.getEventsList().stream().map(Event::getId).forEach(ids::add);
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return ids;
  }

  private String readiness(TestGateway gateway) throws IOException, InterruptedException {
    return readiness(http, gateway.httpPort());
  }

  static String readiness(HttpClient http, int port) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private void awaitReady(TestGateway gateway) {
    // The writer probes the store each second while it cannot write.
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
        .until(() -> readiness(gateway).startsWith("200"));
  }

  private static boolean chattr(String change, List<Path> files) throws Exception {
    boolean all = true;
    for (Path file : files) {
      if (Files.exists(file)) {
        Process chattr = new ProcessBuilder("chattr", change, file.toString()).redirectErrorStream(true).start();
        chattr.getInputStream().readAllBytes();
        all &= chattr.waitFor() == 0;
      }
    }
    return all;
  }
}
