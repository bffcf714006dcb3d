package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.backordergateway.server.testing.RawBytes;
import com.backordergateway.server.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.quicktheories.QuickTheory;
import org.slf4j.LoggerFactory;

/**
 * What the property tests share: one gateway per test class, calls over gRPC (as raw bytes, so
 * any bytes can be sent to any method) and over HTTP, a fingerprint of the store to show that a
 * refused call changed nothing, and the errors logged while a call ran.
 */
final class ApiProbe implements AutoCloseable {

  /** Tables whose every row is hashed; deliveries are counted only, as the engine updates them on its own. */
  private static final List<String> HASHED_TABLES = List.of("events", "event_skus", "event_cases", "cases",
      "case_orders", "shipments", "shipment_lines", "sku_levels", "idempotency_keys");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Held here: java.util.logging keeps only weak references to its loggers. */
  private static final java.util.logging.Logger PROTOBUF_ENCODER =
      java.util.logging.Logger.getLogger("com.google.protobuf.CodedOutputStream");

  final TestGateway gateway;
  private HttpClient http = newHttpClient();
  private String previous = "none";
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger malformedRequests = (Logger) LoggerFactory.getLogger(
      "com.backordergateway.server.grpc.MalformedRequests");

  ApiProbe(TestGateway gateway) {
    this.gateway = gateway;
    log.start();
    root.addAppender(log);
    // Thousands of refused requests: their one-line warnings would bury the report.
    malformedRequests.setLevel(Level.ERROR);
    // The client side: protobuf's note on each lone surrogate it writes as '?'.
    PROTOBUF_ENCODER.setLevel(java.util.logging.Level.OFF);
  }

  /**
   * The theory runner: {@code examples} tries (the system property {@code QT_EXAMPLES} overrides
   * it, {@code QT_SEED} replays a reported seed), shrinking kept short as each try is a real call.
   */
  static QuickTheory theory(int examples) {
    QuickTheory theory = QuickTheory.qt().withShrinkCycles(40);
    return System.getProperty("QT_EXAMPLES") == null ? theory.withExamples(examples) : theory;
  }

  // ---- gRPC --------------------------------------------------------------------------------------

  /** Sends {@code request} as the bytes of {@code method}'s request; server streams are read until a short deadline. */
  Status grpc(MethodDescriptor<?, ?> method, byte[] request) {
    MethodDescriptor<byte[], byte[]> raw = RawBytes.of(method);
    CallOptions options = CallOptions.DEFAULT.withCallCredentials(TestGateway.bearer(TestGateway.ALL_SCOPES_TOKEN));
    try {
      if (method.getType() == MethodDescriptor.MethodType.UNARY) {
        ClientCalls.blockingUnaryCall(gateway.channel(), raw, options.withDeadlineAfter(30, TimeUnit.SECONDS), request);
      } else {
        Iterator<byte[]> answers = ClientCalls.blockingServerStreamingCall(gateway.channel(), raw,
            options.withDeadlineAfter(150, TimeUnit.MILLISECONDS), request);
        answers.forEachRemaining(answer -> { });
      }
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  /**
   * The property every gRPC call must keep: answered, or refused with a code that blames the
   * request (never INTERNAL, UNKNOWN or DATA_LOSS), nothing logged at ERROR, and a refused call
   * leaves the store as it was.
   */
  void assertAnsweredOrCleanlyRefused(MethodDescriptor<?, ?> method, byte[] request) {
    Fingerprint before = fingerprint();
    Status status = withoutErrorsLogged(() -> grpc(method, request));
    assertNotAServerFault(status);
    if (!status.isOk() && status.getCode() != Status.Code.DEADLINE_EXCEEDED) {
      assertThat(fingerprint()).as("the store after %s: %s", status.getCode(), status.getDescription())
          .isEqualTo(before);
    }
  }

  /** Codes that say the server failed rather than the request. */
  static void assertNotAServerFault(Status status) {
    assertThat(status.getCode()).as("%s: %s", status.getCode(), status.getDescription())
        .isNotIn(Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.DATA_LOSS);
  }

  // ---- HTTP --------------------------------------------------------------------------------------

  private static HttpClient newHttpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /** An HTTP call to the gateway's port; {@code headers} are name, value pairs. */
  HttpResponse<String> http(String method, String pathAndQuery, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + pathAndQuery))
        .timeout(java.time.Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(r::header);
    try {
      HttpResponse<String> answer = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
      previous = method + " " + Mutations.abbreviate(pathAndQuery) + " (" + (body == null ? 0 : body.length)
          + " bytes) -> " + answer.statusCode() + " " + answer.headers().map();
      if (answer.headers().firstValue("connection").filter("close"::equalsIgnoreCase).isPresent()) {
        // The server said it closes this connection: a new client, so the next call cannot race the close.
        http = newHttpClient();
      }
      return answer;
    } catch (IOException e) {
      http = newHttpClient(); // whatever became of that connection, the next call starts on a new one
      // A connection the server closed shows on the next call: say which call came before.
      throw new UncheckedIOException("after " + previous, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An error answer: a 4xx from {@code allowed} whose body is a JSON status with a code and a message. */
  static void assertClientError(HttpResponse<String> answer, List<Integer> allowed) {
    assertThat(answer.statusCode()).as("%d %s", answer.statusCode(), Mutations.abbreviate(answer.body()))
        .isIn(allowed);
    JsonNode body;
    try {
      body = JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + Mutations.abbreviate(answer.body()), e);
    }
    assertThat(body.path("code").isInt()).as("code in %s", Mutations.abbreviate(answer.body())).isTrue();
    assertThat(body.has("message")).as("message in %s", Mutations.abbreviate(answer.body())).isTrue();
  }

  static Map<String, String> bearer() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + TestGateway.ALL_SCOPES_TOKEN);
    headers.put("Content-Type", "application/json");
    return headers;
  }

  // ---- the store ---------------------------------------------------------------------------------

  /** What the store holds, as read from the SQLite file: equal before and after a call that changed nothing. */
  record Fingerprint(Map<String, Integer> tableHashes, long deliveries, long lastDelivery) {}

  Fingerprint fingerprint() {
    return gateway.database().jdbi().withHandle(h -> {
      Map<String, Integer> hashes = new LinkedHashMap<>();
      for (String table : HASHED_TABLES) {
        hashes.put(table, h.createQuery("SELECT * FROM " + table + " ORDER BY rowid").mapToMap().list().stream()
            .mapToInt(row -> Arrays.deepHashCode(row.values().toArray())).reduce(17, (a, b) -> 31 * a + b));
      }
      Map<String, Object> deliveries = h.createQuery(
          "SELECT count(*) AS n, coalesce(max(rowid), 0) AS last FROM deliveries").mapToMap().one();
      return new Fingerprint(hashes, ((Number) deliveries.get("n")).longValue(),
          ((Number) deliveries.get("last")).longValue());
    });
  }

  // ---- what was logged ---------------------------------------------------------------------------

  /** Runs {@code call} and fails if anything was logged at ERROR meanwhile (a stack trace for a bad request). */
  <T> T withoutErrorsLogged(Supplier<T> call) {
    log.list.clear();
    T result = call.get();
    List<String> errors = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ")"))
        .toList();
    assertThat(errors).as("logged at ERROR").isEmpty();
    return result;
  }

  @Override
  public void close() {
    malformedRequests.setLevel(null);
    root.detachAppender(log);
    log.stop();
    gateway.close();
  }
}
