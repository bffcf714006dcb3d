package com.backordergateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.testing.TlsTesting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder validation, and channels built for each transport without connecting anywhere. */
class BackorderClientBuilderTest {

  private static final String TOKEN = "s3cret-T0ken";

  @TempDir
  Path dir;

  @Test
  void rejectsNullArguments() {
    BackorderClientBuilder builder = BackorderClient.builder();

    assertThatThrownBy(() -> builder.target(null))
        .isInstanceOf(NullPointerException.class).hasMessage("target is null");
    assertThatThrownBy(() -> builder.token(null))
        .isInstanceOf(NullPointerException.class).hasMessage("token is null");
    assertThatThrownBy(() -> builder.deadline(null))
        .isInstanceOf(NullPointerException.class).hasMessage("deadline is null");
    assertThatThrownBy(() -> builder.channel(null))
        .isInstanceOf(NullPointerException.class).hasMessage("channel is null");
    assertThatThrownBy(() -> builder.tls(null))
        .isInstanceOf(NullPointerException.class).hasMessage("trustedCertsPem is null");
    assertThatThrownBy(() -> builder.clientCertificate(null, dir))
        .isInstanceOf(NullPointerException.class).hasMessage("certChain is null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "localhost", "localhost:", ":9090", "localhost:0",
      "localhost:65536", "localhost:http", "local host:9090", "::1:9090", "host:9090\n"})
  void rejectsBadTargets(String target) {
    assertThatThrownBy(() -> BackorderClient.builder().target(target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:9090", "127.0.0.1:1", "[::1]:9090", "gateway.internal:443",
      "dns:///gateway.internal:9090"})
  void acceptsHostPortAndTargetUris(String target) {
    BackorderClient client = BackorderClient.builder().target(target).build();
    client.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "with space", "line\nbreak", "tab\tbed", "caf\u00e9"})
  void rejectsBadTokensWithoutEchoingThem(String token) {
    assertThatThrownBy(() -> BackorderClient.builder().token(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("token")
        .satisfies(e -> {
          if (!token.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(token);
          }
        });
  }

  @Test
  void rejectsDeadlinesThatAreNotPositiveOrTooLong() {
    BackorderClientBuilder builder = BackorderClient.builder();

    assertThatThrownBy(() -> builder.deadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> builder.deadline(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> builder.deadline(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
  }

  @Test
  void requiresTargetOrChannel() {
    assertThatThrownBy(() -> BackorderClient.builder().token(TOKEN).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("target is required")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }

  @Test
  void rejectsChannelCombinedWithTargetOrTls() {
    ManagedChannel channel = InProcessChannelBuilder.forName("unused").build();
    try {
      assertThatThrownBy(
              () -> BackorderClient.builder().channel(channel).target("localhost:1").build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("channel(...)");
      assertThatThrownBy(() -> BackorderClient.builder().channel(channel).tls().build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("channel(...)");
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void rejectsMissingCertificateFiles() {
    Path missing = dir.resolve("missing.pem");

    assertThatThrownBy(() -> BackorderClient.builder().tls(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trustedCertsPem is not a readable file: " + missing);
    assertThatThrownBy(() -> BackorderClient.builder().clientCertificate(dir, missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("certChain is not a readable file: " + dir);
  }

  @Test
  void clientCertificateNeedsTls() throws IOException {
    Path cert = testCert("client.pem");
    Path key = testCert("client.key");

    assertThatThrownBy(() -> BackorderClient.builder()
            .target("localhost:1").clientCertificate(cert, key).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientCertificate needs tls()");
  }

  @Test
  void buildsPlaintextChannelToTarget() {
    try (BackorderClient client = BackorderClient.builder().target("localhost:1").build()) {
      assertThat(client.channel().authority()).isEqualTo("localhost:1");
      assertThat(client.toString()).contains("target=localhost:1", "transport=plaintext");
    }
  }

  @Test
  void buildsTlsChannelWithDefaultTrust() {
    try (BackorderClient client =
        BackorderClient.builder().target("localhost:1").tls().token(TOKEN).build()) {
      assertThat(client.toString()).contains("transport=tls", "token=set").doesNotContain(TOKEN);
    }
  }

  @Test
  void buildsMutualTlsChannelFromPemFiles() throws IOException {
    BackorderClientBuilder builder = BackorderClient.builder()
        .target("localhost:1")
        .tls(testCert("ca.pem"))
        .clientCertificate(testCert("client.pem"), testCert("client.key"))
        .token(TOKEN);

    assertThat(builder.toString()).contains("tls=true").doesNotContain(TOKEN);
    try (BackorderClient client = builder.build()) {
      assertThat(client.toString()).contains("transport=tls");
    }
  }

  @Test
  void rejectsTrustFileThatIsNotPem() throws IOException {
    Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate");

    assertThatThrownBy(() -> BackorderClient.builder().target("localhost:1").tls(notPem).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot set up TLS from trustedCertsPem=" + notPem);
  }

  @Test
  void rejectsClientCertificateThatIsNotPem() throws IOException {
    Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate");

    assertThatThrownBy(() -> BackorderClient.builder()
            .target("localhost:1").tls().clientCertificate(notPem, testCert("client.key")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("certChain=" + notPem);
  }

  /** Copies one of grpc-testing's test certificates or keys into the temp dir. */
  private Path testCert(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = TlsTesting.loadCert(name)) {
      Files.copy(in, file);
    }
    return file;
  }
}
