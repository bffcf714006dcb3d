package com.backordergateway.connector.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scripted answer of a {@link FakePlatform}: a status with headers and a body, optionally
 * after a delay, or a dropped connection (the request is read, then the socket closes with no
 * status line). Immutable: every {@code with}-style method returns a new answer.
 */
public final class FakeResponse {

  private final int status;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final Duration delay;
  private final boolean dropConnection;

  private FakeResponse(int status, List<Map.Entry<String, String>> headers, byte[] body, Duration delay, boolean drop) {
    this.status = status;
    this.headers = List.copyOf(headers);
    this.body = body;
    this.delay = delay;
    this.dropConnection = drop;
  }

  /** An answer with this status, no headers and an empty body. */
  public static FakeResponse status(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status must be 200-599: " + status);
    }
    return new FakeResponse(status, List.of(), new byte[0], Duration.ZERO, false);
  }

  /** An answer with this status and a JSON body ({@code Content-Type: application/json}). */
  public static FakeResponse json(int status, String json) {
    return status(status).jsonBody(json);
  }

  /** Reads the request, then closes the connection without answering. */
  public static FakeResponse dropConnection() {
    return new FakeResponse(0, List.of(), new byte[0], Duration.ZERO, true);
  }

  /** Adds a response header (repeat for several values). */
  public FakeResponse header(String name, String value) {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(value, "value is null");
    requireAnswer("header");
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new FakeResponse(status, more, body, delay, dropConnection);
  }

  /** The body as UTF-8 text; set a Content-Type with {@link #header} if the platform sends one. */
  public FakeResponse body(String text) {
    Objects.requireNonNull(text, "text is null");
    requireAnswer("body");
    return new FakeResponse(status, headers, text.getBytes(StandardCharsets.UTF_8), delay, dropConnection);
  }

  /** A JSON body with {@code Content-Type: application/json}. */
  public FakeResponse jsonBody(String json) {
    return header("Content-Type", "application/json").body(json);
  }

  /** Waits this long before answering (or dropping); the wait ends early if the fake closes. */
  public FakeResponse delayedBy(Duration wait) {
    Objects.requireNonNull(wait, "wait is null");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait is negative: " + wait);
    }
    return new FakeResponse(status, headers, body, wait, dropConnection);
  }

  int statusCode() {
    return status;
  }

  List<Map.Entry<String, String>> headers() {
    return headers;
  }

  byte[] bodyBytes() {
    return body.clone();
  }

  Duration delay() {
    return delay;
  }

  boolean dropsConnection() {
    return dropConnection;
  }

  private void requireAnswer(String what) {
    if (dropConnection) {
      throw new IllegalStateException("a dropped connection has no " + what);
    }
  }

  @Override
  public String toString() {
    String what = dropConnection ? "drop connection" : "HTTP " + status + " (" + body.length + " bytes)";
    return delay.isZero() ? what : what + " after " + delay;
  }
}
