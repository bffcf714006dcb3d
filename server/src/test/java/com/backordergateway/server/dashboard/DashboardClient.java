package com.backordergateway.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's view of the dashboard over plain HTTP: cookies kept, forms posted, no redirects followed. */
final class DashboardClient {

  private static final Pattern HIDDEN = Pattern.compile("name=\"(nonce|csrf)\" value=\"([^\"]*)\"");

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  DashboardClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Signs in with {@code token} as the sign-in form does; returns the answer to the form's POST. */
  HttpResponse<String> signIn(String token) throws IOException, InterruptedException {
    String nonce = hidden(get("/dashboard/sign-in").body(), "nonce");
    return post("/dashboard/sign-in", "nonce=" + nonce + "&token=" + encode(token));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return post(path, form, null);
  }

  /** A form POST; {@code origin} is the Origin header a browser would send, null for none. */
  HttpResponse<String> post(String path, String form, String origin) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The session's CSRF token, as every signed-in page carries it. */
  String csrf() throws IOException, InterruptedException {
    return hidden(get("/dashboard").body(), "csrf");
  }

  String base() {
    return base;
  }

  HttpClient http() {
    return http;
  }

  static String hidden(String html, String name) {
    Matcher m = HIDDEN.matcher(html);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    throw new AssertionError("no " + name + " field in " + html);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static void assertSeeOther(HttpResponse<String> response, String location) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(location));
  }
}
