package com.backordergateway.connector.testkit;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PlatformHttp;
import com.backordergateway.connector.api.RetryableDeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link PlatformHttp} over the JDK's {@code java.net.http} client, as the host provides it:
 * connect and request timeouts set here (a request's own timeout may only be shorter), redirects
 * not followed, connection failures and timeouts turned into {@link RetryableDeliveryException}, and
 * the {@code User-Agent} set as the host sets it (replacing any the connector set).
 *
 * <p>Error messages name the method and the host only: the path or query of a platform URL may
 * itself be a secret (Slack and Teams webhook URLs, Trello's key and token).
 */
public final class JavaNetPlatformHttp implements PlatformHttp {

  private final HttpClient client;
  private final Duration requestTimeout;
  private final String userAgent;

  public JavaNetPlatformHttp(Duration connectTimeout, Duration requestTimeout, HttpClient.Version version,
      String userAgent) {
    Objects.requireNonNull(connectTimeout, "connectTimeout is null");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout is null");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent is null");
    Objects.requireNonNull(version, "version is null");
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(version)
        .build();
  }

  @Override
  public HttpResponse<String> send(HttpRequest request) throws DeliveryException {
    Objects.requireNonNull(request, "request is null");
    HttpRequest bounded = asTheHostSendsIt(request);
    try {
      return client.send(bounded, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new RetryableDeliveryException(
          describe(request) + " timed out after " + bounded.timeout().orElse(requestTimeout).toMillis() + " ms", null, e);
    } catch (IOException e) {
      throw new RetryableDeliveryException(describe(request) + " failed: " + e, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableDeliveryException(describe(request) + " was interrupted", null, e);
    }
  }

  private HttpRequest asTheHostSendsIt(HttpRequest request) {
    Duration timeout = request.timeout().filter(own -> own.compareTo(requestTimeout) <= 0).orElse(requestTimeout);
    return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("User-Agent"))
        .header("User-Agent", userAgent)
        .timeout(timeout)
        .build();
  }

  private static String describe(HttpRequest request) {
    URI uri = request.uri();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return request.method() + " " + uri.getScheme() + "://" + uri.getHost() + port;
  }
}
