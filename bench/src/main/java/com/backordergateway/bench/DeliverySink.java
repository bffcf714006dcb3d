package com.backordergateway.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The receiving end of the webhook connector: a loopback HTTP server that answers every POST
 * with 200 {@code {"id": <delivery id>}} at once and records when each
 * {@code X-Backorder-Delivery-Id} first arrived ({@link System#nanoTime()}); repeats of an id
 * (at-least-once) are counted, not recorded again.
 *
 * <p>A peer that sends no delivery id (Apprise) posts to {@link #PEER_PATH} on the same server
 * instead: every POST there is answered 200 and counted, so both are measured against the same
 * HTTP server, threads and answers.
 */
public final class DeliverySink implements AutoCloseable {

  static final String PATH = "/deliveries";
  static final String PEER_PATH = "/peer";
  static final String DELIVERY_ID = "X-Backorder-Delivery-Id";

  static {
    // Without TCP_NODELAY the JDK server's small responses can wait out the client's delayed
    // ACK (tens of ms) and the sink, not the gateway, would set the latency.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
  private final LongAdder repeats = new LongAdder();
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
  private final LongAdder peerCount = new LongAdder();
  private final AtomicLong peerFirst = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong peerLast = new AtomicLong(Long.MIN_VALUE);

  private DeliverySink(HttpServer server, ExecutorService pool) {
    this.server = server;
    this.pool = pool;
  }

  /**
   * Listens on a free loopback port with {@code threads} handler threads: answering takes
   * microseconds, so a few threads keep up with the gateway's connections.
   */
  public static DeliverySink start(int threads) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sink-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
      DeliverySink sink = new DeliverySink(server, pool);
      server.createContext(PATH, sink::handle);
      server.createContext(PEER_PATH, sink::handlePeer);
      server.setExecutor(pool);
      server.start();
      return sink;
    } catch (IOException e) {
      pool.shutdownNow();
      throw new UncheckedIOException("cannot start the delivery sink", e);
    }
  }

  /** The URL to give the webhook connector. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.transferTo(OutputStream.nullOutputStream());
      long now = System.nanoTime();
      String id = exchange.getRequestHeaders().getFirst(DELIVERY_ID);
      if (id == null) {
        answer(exchange, 400, "{\"error\":\"no " + DELIVERY_ID + "\"}");
        return;
      }
      if (arrivals.putIfAbsent(id, now) == null) {
        last.accumulateAndGet(now, Math::max);
      } else {
        repeats.increment();
      }
      answer(exchange, 200, "{\"id\":\"" + id + "\"}");
    } finally {
      exchange.close();
    }
  }

  private void handlePeer(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.transferTo(OutputStream.nullOutputStream());
      long now = System.nanoTime();
      peerCount.increment();
      peerFirst.compareAndSet(Long.MIN_VALUE, now);
      peerLast.accumulateAndGet(now, Math::max);
      answer(exchange, 200, "{}");
    } finally {
      exchange.close();
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** The URL to give a peer; any path below it is counted too. */
  public String peerUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PEER_PATH;
  }

  /**
   * POSTs to the peer path since the last {@link #resetPeer()}.
   *
   * @param firstNanos {@link System#nanoTime()} of the first, {@link Long#MIN_VALUE} if none
   * @param lastNanos the same for the last
   */
  public record PeerArrivals(long count, long firstNanos, long lastNanos) {}

  public PeerArrivals peerArrivals() {
    return new PeerArrivals(peerCount.sum(), peerFirst.get(), peerLast.get());
  }

  /** Starts the peer count afresh; only while no peer POST is in flight, or that one may be lost. */
  public void resetPeer() {
    peerCount.reset();
    peerFirst.set(Long.MIN_VALUE);
    peerLast.set(Long.MIN_VALUE);
  }

  /** Distinct deliveries received so far. */
  public int received() {
    return arrivals.size();
  }

  /** Deliveries that arrived more than once. */
  public long repeats() {
    return repeats.sum();
  }

  /** When {@code deliveryId} first arrived, or null. */
  public Long arrival(String deliveryId) {
    return arrivals.get(deliveryId);
  }

  public long lastArrivalNanos() {
    return last.get();
  }

  /** Waits until {@code count} distinct deliveries arrived; false on timeout. */
  public boolean awaitReceived(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(2);
    }
    return true;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
