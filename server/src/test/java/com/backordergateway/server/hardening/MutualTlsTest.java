package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.TestCertificates;
import com.backordergateway.server.testing.TestCertificates.Issued;
import com.backordergateway.server.testing.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server.tls.client-ca}: gRPC refuses every caller without a certificate that chains to
 * it. On HTTP, where platforms post webhooks without one, the REST API and {@code /metrics} answer
 * 401 without such a certificate, while webhooks and the probes stay open.
 */
class MutualTlsTest {

  static final String SECRET = "shop-signing-secret-123";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  @TempDir static Path work;
  static Issued serverCa;
  static Issued client;
  static Issued stranger;
  static Path serverCaPem;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    serverCa = TestCertificates.authority("Backorder Test CA");
    Issued server = TestCertificates.server(serverCa);
    Issued clientCa = TestCertificates.authority("Backorder Client CA");
    client = TestCertificates.client(clientCa, "warehouse-app");
    stranger = TestCertificates.client(TestCertificates.authority("Unrelated CA"), "stranger");
    serverCaPem = serverCa.writeCertificate(work.resolve("ca.pem"));
    client.writeCertificate(work.resolve("client.pem"));
    client.writeKey(work.resolve("client-key.pem"));
    TestPlugins.testshop(work).writeTo(TestGateway.pluginsDir(dir).resolve("testshop.jar"));
    String tls = "tls: {cert-chain: \"%s\", private-key: \"%s\", client-ca: \"%s\"}".formatted(
        server.writeCertificate(work.resolve("server.pem")), server.writeKey(work.resolve("server-key.pem")),
        clientCa.writeCertificate(work.resolve("client-ca.pem")));
    gateway = TestGateway.startListening(dir, tls,
        new TestGateway.Options("sources: [{id: main-store, type: testshop, settings: {secret: %s}}]".formatted(SECRET),
            false, false));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void grpcAnswersOnlyACallerWhoseCertificateChainsToTheClientCa() throws Exception {
    assertThat(listEvents(trustingServerCa()
        .keyManager(work.resolve("client.pem").toFile(), work.resolve("client-key.pem").toFile()).build()))
        .as("the client CA's certificate, from PEM files").isEqualTo(Status.Code.OK);
    assertThat(listEvents(trustingServerCa().keyManager(client.keyManager()).build()))
        .as("the same, offered as the stranger's is below").isEqualTo(Status.Code.OK);
    assertThat(listEvents(trustingServerCa().build())).as("no certificate").isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(listEvents(trustingServerCa().keyManager(stranger.keyManager()).build()))
        .as("another CA's certificate").isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void theRestApiAndMetricsNeedAClientCertificateAndTheBearerTokenStill() throws Exception {
    HttpClient anonymous = https(null);
    HttpClient certified = https(client);
    String token = "Bearer " + TestGateway.ALL_SCOPES_TOKEN;

    HttpResponse<String> refused = get(anonymous, "/v1/events", "Authorization", token);
    assertThat(refused.statusCode()).isEqualTo(401);
    JsonNode status = JSON.readTree(refused.body());
    assertThat(status.get("code").asInt()).as("UNAUTHENTICATED, as the shim reports auth errors").isEqualTo(16);
    assertThat(status.get("message").asText()).contains("client certificate is required");
    assertThat(get(anonymous, "/metrics").statusCode()).isEqualTo(401);

    assertThat(get(certified, "/v1/events", "Authorization", token).statusCode()).isEqualTo(200);
    assertThat(get(certified, "/metrics").body()).contains("# TYPE");
    HttpResponse<String> noToken = get(certified, "/v1/events");
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(noToken.body()).get("message").asText()).doesNotContain("certificate");
  }

  @Test
  void webhooksAndProbesNeedNoClientCertificate() throws Exception {
    HttpClient platform = https(null);
    String body = "{\"order\":\"1001\",\"email\":\"maya@example.com\",\"skus\":[\"EMB-HOOP-6\"]}";
    HttpResponse<String> webhook = platform.send(HttpRequest.newBuilder(uri("/webhooks/testshop/main-store"))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("X-Test-Signature", WebhookSignatures.hmacSha256Base64(SECRET, body.getBytes(StandardCharsets.UTF_8)))
        .header("X-Test-Delivery", "wh-mtls-1").header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(webhook.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(webhook.body()).get("triggered").asBoolean()).isTrue();

    assertThat(get(platform, "/healthz").body()).isEqualTo("ok");
    assertThat(get(platform, "/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void aCertificateFromAnotherAuthorityEndsTheHttpsHandshake() {
    // Asked for, not required: no certificate is let through to the open paths, a wrong one is not.
    assertThat(catchThrowable(() -> get(https(stranger), "/healthz"))).isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("certificate_unknown");
  }

  private static TlsChannelCredentials.Builder trustingServerCa() throws IOException {
    return TlsChannelCredentials.newBuilder().trustManager(serverCaPem.toFile());
  }

  private static Status.Code listEvents(ChannelCredentials credentials) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", gateway.grpcPort(), credentials).build();
    try {
      BackorderServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(TestGateway.bearer(TestGateway.ALL_SCOPES_TOKEN))
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .listEvents(ListEventsRequest.getDefaultInstance());
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    } finally {
      channel.shutdownNow();
    }
  }

  private static HttpClient https(Issued certificate) {
    return HttpClient.newBuilder().sslContext(TestCertificates.clientContext(serverCa, certificate)).build();
  }

  private static URI uri(String path) {
    return URI.create("https://localhost:" + gateway.httpPort() + path);
  }

  private static HttpResponse<String> get(HttpClient http, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
