package com.backordergateway.server.plugins;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformHttp;
import com.backordergateway.connector.api.RetryableDeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * The HTTP client connectors get: the host's one {@link HttpClient}, a request timeout the
 * plugin cannot exceed, metrics per instance, a log line per call naming only scheme, host and port (webhook URLs of
 * Slack, Teams and Zapier are secrets in their path; Trello and Pipedrive put credentials in the
 * query), the dry-run guard, and the User-Agent: {@code BackorderGateway/<version> <plugin>/<version>},
 * so platforms' logs name the gateway and the plugin build that called them.
 */
final class HostPlatformHttp implements PlatformHttp {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient client;
  private final String instanceId;
  private final String userAgent;
  private final boolean dryRun;
  private final ConnectorHttpMetrics metrics;
  private final Logger log;

  HostPlatformHttp(HttpClient client, String instanceId, String userAgent, boolean dryRun, ConnectorHttpMetrics metrics,
      Logger log) {
    this.client = client;
    this.instanceId = instanceId;
    this.userAgent = userAgent;
    this.dryRun = dryRun;
    this.metrics = metrics;
    this.log = log;
  }

  static HttpClient newSharedClient() {
    return HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/1.1: plain-http endpoints (tests, on-prem receivers) get no h2c upgrade headers.
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  @Override
  public HttpResponse<String> send(HttpRequest request) throws DeliveryException {
    String target = hostOnly(request.uri());
    if (dryRun) {
      throw new PermanentDeliveryException("dry-run instance: refused to call " + target);
    }
    Duration timeout = request.timeout().filter(t -> t.compareTo(MAX_REQUEST_TIMEOUT) <= 0).orElse(MAX_REQUEST_TIMEOUT);
    HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("User-Agent"))
        .header("User-Agent", userAgent)
        .timeout(timeout)
        .build();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = client.send(bounded, HttpResponse.BodyHandlers.ofString());
      metrics.record(instanceId, Integer.toString(response.statusCode()), System.nanoTime() - start);
      log.debug("{} {} -> {} in {} ms", request.method(), target, response.statusCode(), elapsedMillis(start));
      return response;
    } catch (HttpTimeoutException e) {
      metrics.record(instanceId, "timeout", System.nanoTime() - start);
      log.debug("{} {} timed out after {} ms", request.method(), target, elapsedMillis(start));
      throw new RetryableDeliveryException("timed out calling " + target, null, e);
    } catch (IOException e) {
      metrics.record(instanceId, "connection_error", System.nanoTime() - start);
      log.debug("{} {} failed: {}", request.method(), target, e.toString());
      throw new RetryableDeliveryException("cannot reach " + target + ": " + e.getClass().getSimpleName(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableDeliveryException("interrupted calling " + target, null, e);
    }
  }

  private static long elapsedMillis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  static String hostOnly(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
