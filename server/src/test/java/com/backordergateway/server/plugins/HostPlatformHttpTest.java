package com.backordergateway.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HostPlatformHttpTest {

  HttpServer server;
  final AtomicInteger hits = new AtomicInteger();
  final PrometheusRegistry registry = new PrometheusRegistry();
  final ConnectorHttpMetrics metrics = new ConnectorHttpMetrics(registry);
  final java.util.List<String> userAgents = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      hits.incrementAndGet();
      userAgents.addAll(exchange.getRequestHeaders().getOrDefault("User-Agent", java.util.List.of()));
      if (exchange.getRequestURI().getPath().contains("slow")) {
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] body = "{\"sid\":\"SM1\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(201, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  HostPlatformHttp http(boolean dryRun) {
    return new HostPlatformHttp(HostPlatformHttp.newSharedClient(), "sms", "BackorderGateway/1.2.3 twilio/4.5.6", dryRun,
        metrics, LoggerFactory.getLogger("test"));
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  String scrape() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PrometheusTextFormatWriter(false).write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void returnsTheResponseAndCountsIt() throws Exception {
    HttpResponse<String> response = http(false).send(HttpRequest.newBuilder(url("/messages")).POST(HttpRequest.BodyPublishers.ofString("x")).build());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).contains("SM1");
    assertThat(scrape())
        .contains("backorder_connector_http_requests_total{connector=\"sms\",outcome=\"201\"} 1.0")
        .contains("backorder_connector_http_request_duration_seconds_count{connector=\"sms\"} 1");
  }

  @Test
  void everyRequestCarriesTheHostsUserAgentInsteadOfThePluginsOwn() throws Exception {
    http(false).send(HttpRequest.newBuilder(url("/a")).GET().build());
    http(false).send(HttpRequest.newBuilder(url("/b")).header("User-Agent", "Twilio-Plugin/0.9").GET().build());
    assertThat(userAgents).containsExactly("BackorderGateway/1.2.3 twilio/4.5.6", "BackorderGateway/1.2.3 twilio/4.5.6");
  }

  @Test
  void aDryRunInstanceNeverReachesTheNetwork() {
    PermanentDeliveryException e = catchThrowableOfType(PermanentDeliveryException.class,
        () -> http(true).send(HttpRequest.newBuilder(url("/services/T000/B000/secret-path")).GET().build()));

    assertThat(e.getMessage()).contains("dry-run").doesNotContain("secret-path");
    assertThat(hits.get()).isZero();
  }

  @Test
  void timeoutsAndRefusedConnectionsAreRetryableAndNameOnlyTheHost() throws Exception {
    RetryableDeliveryException slow = catchThrowableOfType(RetryableDeliveryException.class,
        () -> http(false).send(HttpRequest.newBuilder(url("/slow/secret-token")).timeout(Duration.ofMillis(200)).GET().build()));
    assertThat(slow.getMessage()).contains("timed out").doesNotContain("secret-token");

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RetryableDeliveryException refused = catchThrowableOfType(RetryableDeliveryException.class,
        () -> http(false).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/x?token=abc")).GET().build()));
    assertThat(refused.getMessage()).contains("cannot reach http://127.0.0.1:" + closedPort).doesNotContain("abc");

    assertThat(scrape()).contains("outcome=\"timeout\"} 1.0").contains("outcome=\"connection_error\"} 1.0");
  }
}
