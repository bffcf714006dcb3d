package com.backordergateway.connector.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A webhook exactly as received: headers (matched case-insensitively) and the raw body. */
public final class WebhookRequest {

  private final Map<String, String> headers;
  private final byte[] body;

  public WebhookRequest(Map<String, String> headers, byte[] body) {
    TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    this.headers = byName;
    this.body = body.clone();
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public byte[] body() {
    return body.clone();
  }
}
