package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.config.ConfigException;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestCertificates;
import com.backordergateway.server.testing.TestCertificates.Issued;
import com.backordergateway.server.testing.TestGateway;
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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server.tls} secures both ports with one certificate chain and key: gRPC and HTTPS
 * clients trusting the CA get through, plaintext ones do not. Files that cannot serve stop
 * start-up as configuration errors naming their key, before either port opens.
 */
class TlsTest {

  @TempDir static Path certs;
  static Issued ca;
  static Path caPem;
  static Path serverPem;
  static Path serverKey;

  @TempDir Path dir;

  @BeforeAll
  static void issue() {
    ca = TestCertificates.authority("Backorder Test CA");
    Issued server = TestCertificates.server(ca);
    caPem = ca.writeCertificate(certs.resolve("ca.pem"));
    serverPem = server.writeCertificate(certs.resolve("server.pem"));
    serverKey = server.writeKey(certs.resolve("server-key.pem"));
  }

  static String tls(Path chain, Path key) {
    return "tls: {cert-chain: \"%s\", private-key: \"%s\"}".formatted(chain, key);
  }

  TestGateway start(String server) {
    return TestGateway.startListening(dir, server, new TestGateway.Options("", false, false));
  }

  @Test
  void grpcAnswersOverTlsToAClientTrustingTheCaAndNotToAPlaintextOne() throws Exception {
    try (TestGateway gateway = start(tls(serverPem, serverKey))) {
      ChannelCredentials trustingCa = TlsChannelCredentials.newBuilder().trustManager(caPem.toFile()).build();
      ManagedChannel tls = NettyChannelBuilder.forAddress("localhost", gateway.grpcPort(), trustingCa).build();
      ManagedChannel plaintext = NettyChannelBuilder.forAddress("localhost", gateway.grpcPort()).usePlaintext().build();
      try {
        assertThat(stub(tls).reportInventoryLevel(Requests.sale("PAINT-RED", 0, "1001")).getTrigger())
            .isEqualTo(Trigger.TRIGGER_STOCK_DEPLETED);

        Throwable refused = catchThrowable(() -> stub(plaintext).listEvents(ListEventsRequest.getDefaultInstance()));
        assertThat(refused).isInstanceOf(StatusRuntimeException.class);
        assertThat(((StatusRuntimeException) refused).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      } finally {
        tls.shutdownNow();
        plaintext.shutdownNow();
      }
    }
  }

  @Test
  void overHttpsTheDashboardsCookiesAreSecure() throws Exception {
    try (TestGateway gateway = start(tls(serverPem, serverKey))) {
      HttpClient trustingCa = HttpClient.newBuilder().sslContext(TestCertificates.clientContext(ca, null)).build();
      HttpResponse<String> signIn = get(trustingCa, "https://localhost:" + gateway.httpPort() + "/dashboard/sign-in");
      assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
          .contains("HttpOnly", "SameSite=Strict").endsWith("; Secure"));
    }
  }

  @Test
  void theHttpPortServesHttpsWithTheSameCertificateAndRefusesPlaintext() throws Exception {
    try (TestGateway gateway = start(tls(serverPem, serverKey))) {
      HttpClient trustingCa = HttpClient.newBuilder().sslContext(TestCertificates.clientContext(ca, null)).build();
      int port = gateway.httpPort();
      assertThat(get(trustingCa, "https://localhost:" + port + "/v1/events").statusCode()).isEqualTo(200);
      assertThat(get(trustingCa, "https://127.0.0.1:" + port + "/healthz").body())
          .as("by address: the certificate names 127.0.0.1").isEqualTo("ok");

      HttpClient plain = HttpClient.newHttpClient();
      assertThat(catchThrowable(() -> get(plain, "http://127.0.0.1:" + port + "/healthz")))
          .as("plaintext HTTP").isInstanceOf(IOException.class);
      assertThat(catchThrowable(() -> get(plain, "https://localhost:" + port + "/healthz")))
          .as("a client that does not trust the CA").isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void tlsFilesThatCannotServeStopStartUpNamingTheirKey() {
    Issued stranger = TestCertificates.client(TestCertificates.authority("Unrelated CA"), "stranger");
    Path otherKey = stranger.writeKey(dir.resolve("other-key.pem"));
    Path pkcs1 = TestCertificates.server(ca).writeTraditionalKey(dir.resolve("server-rsa.pem"));
    Path missing = dir.resolve("no-such-chain.pem");

    assertThat(problems(tls(serverPem, otherKey))).containsExactly("server.tls.private-key: " + otherKey
        + " is not the key of the first certificate in server.tls.cert-chain (" + serverPem + "); give the key that"
        + " certificate was issued for, and list the server's own certificate first");
    assertThat(problems(tls(missing, serverKey))).containsExactly("server.tls.cert-chain: no file " + missing);
    assertThat(problems(tls(serverPem, pkcs1))).containsExactly("server.tls.private-key: " + pkcs1
        + " is a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY); the gateway reads PKCS#8 (BEGIN PRIVATE KEY);"
        + " convert it with: openssl pkcs8 -topk8 -nocrypt -in " + pkcs1 + " -out " + pkcs1 + ".pk8");
    assertThat(problems("tls: {cert-chain: \"%s\", private-key: \"%s\", client-ca: \"%s\"}"
        .formatted(serverKey, serverPem, missing))).as("files swapped, a client CA missing").containsExactly(
        "server.tls.cert-chain: " + serverKey + " holds no certificate; expected PEM (-----BEGIN CERTIFICATE-----)",
        "server.tls.private-key: " + serverPem
            + " holds no PEM private key; expected -----BEGIN PRIVATE KEY----- (PKCS#8)",
        "server.tls.client-ca: no file " + missing);
  }

  private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
        .header("Authorization", "Bearer " + TestGateway.ALL_SCOPES_TOKEN).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private List<String> problems(String server) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> start(server).close());
    assertThat(e).as("a configuration error, not a stack trace").isNotNull();
    return e.problems();
  }

  private static BackorderServiceGrpc.BackorderServiceBlockingStub stub(ManagedChannel channel) {
    return BackorderServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestGateway.bearer(TestGateway.ALL_SCOPES_TOKEN))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }
}
