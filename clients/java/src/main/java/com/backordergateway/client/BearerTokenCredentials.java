package com.backordergateway.client;

import static java.util.Objects.requireNonNull;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/**
 * Sends {@code authorization: Bearer <token>} on every call it is attached to.
 *
 * <p>The gateway authorizes each RPC by the scopes of this token ({@code intake}, {@code read},
 * {@code admin}). The token is kept out of {@link #toString()} so that it cannot leak into logs.
 */
final class BearerTokenCredentials extends CallCredentials {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String headerValue;

  /** The token must already be validated by the builder: printable ASCII, no whitespace. */
  BearerTokenCredentials(String token) {
    this.headerValue = "Bearer " + requireNonNull(token, "token is null");
  }

  @Override
  public void applyRequestMetadata(
      RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, headerValue);
    applier.apply(headers);
  }

  @Override
  public String toString() {
    return "BearerTokenCredentials{token=<redacted>}";
  }
}
