package com.backordergateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The README's first command for real: the assembled distribution as a process on
 * {@code config/demo.yaml}, in a folder of its own (the demo's relative data and plugins paths
 * resolve there), on free ports. {@code edit} changes the demo config's text before it starts
 * (a test points one connector at a fake platform).
 */
final class DemoGateway implements AutoCloseable {

  static final Path DISTRIBUTION = Path.of("../distribution/target/backorder-gateway").toAbsolutePath().normalize();
  static final Path DEMO_CONFIG = Path.of("../config/demo.yaml").toAbsolutePath().normalize();
  static final String ADMIN_TOKEN = "demo-token-change-me";
  static final String VIEWER_TOKEN = "demo-viewer-token-change-me";

  private final Process process;
  private final int httpPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private DemoGateway(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  static DemoGateway start(Path workDir, java.util.function.UnaryOperator<String> edit) throws Exception {
    Path jar = DISTRIBUTION.resolve("backorder-server.jar");
    assertThat(jar).as("./mvnw verify assembles the distribution before this module's tests").exists();
    Path plugins = Files.createDirectories(workDir.resolve("distribution/target/backorder-gateway/plugins"));
    try (var jars = Files.list(DISTRIBUTION.resolve("plugins"))) {
      for (Path plugin : (Iterable<Path>) jars::iterator) {
        Files.copy(plugin, plugins.resolve(plugin.getFileName()));
      }
    }
    Path config = Files.writeString(workDir.resolve("demo.yaml"), edit.apply(Files.readString(DEMO_CONFIG)));
    int httpPort = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx128m", "-XX:ReservedCodeCacheSize=48m",
            "-jar", jar.toString(), "--config", config.toString(),
            "--grpc-port", Integer.toString(freePort()), "--http-port", Integer.toString(httpPort))
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("gateway.log").toFile())
        .start();
    DemoGateway gateway = new DemoGateway(process, httpPort);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
        .until(() -> gateway.get("/readyz").statusCode() == 200);
    return gateway;
  }

  String url(String path) {
    return "http://localhost:" + httpPort + path;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A REST call with a bearer token, as the README's curl examples make it. */
  HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response;
  }

  /** A form POST from outside the browser, with the given cookie header (or none). */
  HttpResponse<String> postForm(String path, String cookie, String form) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
