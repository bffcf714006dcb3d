package com.backordergateway.connector.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request exactly as a {@link FakePlatform} received it: method, raw path and query, headers
 * (looked up case-insensitively, as HTTP does) and the raw body bytes, with the readers a
 * platform would apply (JSON, form fields, query parameters).
 */
public final class RecordedRequest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    this.method = Objects.requireNonNull(method, "method is null");
    this.path = Objects.requireNonNull(path, "path is null");
    this.query = query == null ? "" : query;
    TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(byName);
    this.body = Objects.requireNonNull(body, "body is null").clone();
  }

  public String method() {
    return method;
  }

  /** The raw (still percent-encoded) path, e.g. {@code /2010-04-01/Accounts/AC1/Messages.json}. */
  public String path() {
    return path;
  }

  /** The raw query string without {@code ?}; empty if none. */
  public String query() {
    return query;
  }

  /** All headers by name (case-insensitive keys). */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, if sent. */
  public Optional<String> header(String name) {
    return headerValues(name).stream().findFirst();
  }

  /** Every value of a header, in the order received; empty if not sent. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The exact body bytes received. */
  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body parsed as JSON; fails the test if it is not JSON. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("request body is not JSON: " + bodyText(), e);
    }
  }

  /** The body read as {@code application/x-www-form-urlencoded} fields, in order. */
  public Map<String, List<String>> form() {
    return decodePairs(bodyText());
  }

  /** The first value of a form field, if sent. */
  public Optional<String> formValue(String name) {
    return form().getOrDefault(name, List.of()).stream().findFirst();
  }

  /** The query string's parameters, decoded, in order. */
  public Map<String, List<String>> queryParameters() {
    return decodePairs(query);
  }

  /** The first value of a query parameter, if sent. */
  public Optional<String> queryParameter(String name) {
    return queryParameters().getOrDefault(name, List.of()).stream().findFirst();
  }

  private static Map<String, List<String>> decodePairs(String encoded) {
    Map<String, List<String>> pairs = new LinkedHashMap<>();
    if (encoded.isEmpty()) {
      return pairs;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      pairs.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return pairs;
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " (" + body.length + " bytes)";
  }
}
