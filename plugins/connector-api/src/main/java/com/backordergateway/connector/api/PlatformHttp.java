package com.backordergateway.connector.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The host's HTTP client, as connectors see it. */
public interface PlatformHttp {

  /**
   * Sends a request and returns the response whatever its status; classify it with {@link
   * PlatformResponses}. Connection failures and timeouts become {@link
   * RetryableDeliveryException}; an instance in dry-run mode never reaches the network and gets
   * {@link PermanentDeliveryException}.
   */
  HttpResponse<String> send(HttpRequest request) throws DeliveryException;
}
