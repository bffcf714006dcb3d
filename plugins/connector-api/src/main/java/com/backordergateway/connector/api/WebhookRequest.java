package com.backordergateway.connector.api;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook exactly as received: headers (matched case-insensitively), query parameters (since
 * 1.2; a URL secret, say) and the raw body.
 */
public final class WebhookRequest {

  private final Map<String, String> headers;
  private final Map<String, String> query;
  private final byte[] body;

  public WebhookRequest(Map<String, String> headers, byte[] body) {
    this(headers, Map.of(), body);
  }

  /** Since 1.2. */
  public WebhookRequest(Map<String, String> headers, Map<String, String> query, byte[] body) {
    TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    this.headers = byName;
    this.query = Map.copyOf(query);
    this.body = body.clone();
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** A query parameter of the URL the platform called (since 1.2); names are case-sensitive. */
  public Optional<String> queryParameter(String name) {
    return Optional.ofNullable(query.get(name));
  }

  public byte[] body() {
    return body.clone();
  }
}
