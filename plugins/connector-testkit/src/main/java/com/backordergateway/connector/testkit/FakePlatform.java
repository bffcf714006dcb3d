package com.backordergateway.connector.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A platform's HTTP API faked in-process for connector tests: a real HTTP/1.1 server on an
 * ephemeral loopback port that records every request and answers from a script of {@link
 * FakeResponse}s, in order; when the script runs out it asks its responder, if it has one (a
 * stateful fake of the platform, for tests of a whole story), and otherwise answers 500 saying
 * so, which fails the test with a readable message.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver} rather than okhttp's MockWebServer:
 *
 * <ul>
 *   <li>nothing to add to every connector's test class path (MockWebServer 5 brings okhttp, okio
 *       and the Kotlin standard library, which the root pom's upper-bound rule must then
 *       reconcile with everything else);
 *   <li>each exchange runs on its own thread, so a delayed answer holds only its own request,
 *       and closing the fake interrupts the wait instead of sleeping it out;
 *   <li>a dropped connection is exact and reliable: the request is read and recorded, then the
 *       socket is closed before any status line, which a client sees exactly as a crashed
 *       proxy or a reset upstream (an I/O error, never a response);
 *   <li>it speaks plain HTTP/1.1, as the gateway's client does, and hands the body over as the
 *       exact bytes received, which signature checks need.
 * </ul>
 */
public final class FakePlatform implements AutoCloseable {

  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService exchanges;
  private final BlockingQueue<FakeResponse> script = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Function<RecordedRequest, FakeResponse> responder;

  private FakePlatform(HttpServer server, ExecutorService exchanges) {
    this.server = server;
    this.exchanges = exchanges;
  }

  /** Starts a fake on a free loopback port. */
  public static FakePlatform start() {
    int n = SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory named = task -> {
      Thread t = new Thread(task, "fake-platform-" + n + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ExecutorService exchanges = Executors.newCachedThreadPool(named);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      FakePlatform fake = new FakePlatform(server, exchanges);
      server.createContext("/", fake::handle);
      server.setExecutor(exchanges);
      server.start();
      return fake;
    } catch (IOException e) {
      exchanges.shutdownNow();
      throw new UncheckedIOException("cannot start the fake platform", e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41237}, without a trailing slash. */
  public URI url() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  /** The base URL with this path appended ({@code path} starts with {@code /}). */
  public URI url(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
    return URI.create(url() + path);
  }

  /** Appends answers to the script; each request takes the next one. */
  public FakePlatform enqueue(FakeResponse... responses) {
    for (FakeResponse response : responses) {
      script.add(Objects.requireNonNull(response, "response is null"));
    }
    return this;
  }

  /**
   * Answers every request the script does not, by {@code responder}: a fake that keeps the
   * platform's state (tickets created, comments added) and answers as the platform would. It is
   * called from the exchange threads, so it must be thread-safe.
   */
  public FakePlatform answering(Function<RecordedRequest, FakeResponse> responder) {
    this.responder = Objects.requireNonNull(responder, "responder is null");
    return this;
  }

  /** Answers not yet given. */
  public int scriptedRemaining() {
    return script.size();
  }

  /** Every request received so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public int requestCount() {
    return requests.size();
  }

  /** The one request received; fails the test if there were none or several. */
  public RecordedRequest onlyRequest() {
    List<RecordedRequest> all = requests();
    if (all.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + all.size() + ": " + all);
    }
    return all.get(0);
  }

  /** The latest request; fails the test if there was none. */
  public RecordedRequest lastRequest() {
    List<RecordedRequest> all = requests();
    if (all.isEmpty()) {
      throw new AssertionError("the fake platform received no request");
    }
    return all.get(all.size() - 1);
  }

  /** Stops listening, closes open connections and ends delayed answers at once. */
  @Override
  public void close() {
    server.stop(0);
    exchanges.shutdownNow();
    try {
      if (!exchanges.awaitTermination(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("fake platform threads did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      RecordedRequest request = new RecordedRequest(
          exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body);
      requests.add(request);
      FakeResponse answer = script.poll();
      Function<RecordedRequest, FakeResponse> fallback = responder;
      if (answer == null && fallback != null) {
        answer = fallback.apply(request);
      }
      if (answer == null) {
        answer = FakeResponse.status(500).body(
            "FakePlatform: no response scripted for " + exchange.getRequestMethod() + " " + uri.getRawPath());
      }
      if (!answer.delay().isZero()) {
        Thread.sleep(answer.delay().toMillis());
      }
      if (!answer.dropsConnection()) {
        respond(exchange, answer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientWentAway) {
      // The client timed out or closed first; the exchange is closed below either way.
    } finally {
      // Before headers are sent this closes the socket without a response: a dropped connection.
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, FakeResponse answer) throws IOException {
    for (Map.Entry<String, String> header : answer.headers()) {
      exchange.getResponseHeaders().add(header.getKey(), header.getValue());
    }
    byte[] body = answer.bodyBytes();
    boolean noBody = body.length == 0 || answer.statusCode() == 204 || answer.statusCode() == 304;
    exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
