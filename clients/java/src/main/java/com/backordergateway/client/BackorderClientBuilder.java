package com.backordergateway.client;

import static java.util.Objects.requireNonNull;

import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Configures a {@link BackorderClient}: where the gateway is, how the connection is secured,
 * which bearer token to send and the default deadline of unary calls.
 *
 * <p>Either {@link #target(String)} (a new Netty channel is made) or {@link
 * #channel(ManagedChannel)} (an existing channel is wrapped, e.g. an in-process one in tests) is
 * required. Setters check their argument at once ({@link NullPointerException} for {@code null},
 * {@link IllegalArgumentException} for a bad value); {@link #build()} throws {@link
 * IllegalStateException} for options that do not fit together. No message ever contains the token.
 */
public final class BackorderClientBuilder {

  /** A gRPC target URI such as {@code dns:///host:port}: a scheme followed by ":/". */
  private static final Pattern TARGET_URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");

  private String target;
  private String token;
  private boolean tls;
  private Path trustedCertsPem;
  private Path clientCertChain;
  private Path clientPrivateKey;
  private Duration deadline = BackorderClient.DEFAULT_DEADLINE;
  private int maxAttempts = RetryServiceConfig.DEFAULT_MAX_ATTEMPTS;
  private ManagedChannel channel;

  BackorderClientBuilder() {}

  /**
   * The gateway's address as {@code host:port} (e.g. {@code localhost:9090}, {@code
   * [::1]:9090}), or a gRPC target URI such as {@code dns:///gateway.internal:9090}.
   */
  public BackorderClientBuilder target(String target) {
    requireNonNull(target, "target is null");
    if (target.isBlank()) {
      throw new IllegalArgumentException("target is blank");
    }
    if (target.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("target must not contain whitespace, was: " + target);
    }
    if (!TARGET_URI.matcher(target).matches() && !isHostAndPort(target)) {
      throw new IllegalArgumentException(
          "target must be host:port or a gRPC target URI, was: " + target);
    }
    this.target = target;
    return this;
  }

  /**
   * The bearer token sent as {@code authorization: Bearer <token>} on every call. Without it no
   * {@code authorization} header is sent. With {@link #plaintext()} the token travels unencrypted:
   * use {@link #tls()} for anything but a local gateway.
   */
  public BackorderClientBuilder token(String token) {
    requireNonNull(token, "token is null");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("token is empty");
    }
    if (token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException("token must be printable ASCII without whitespace");
    }
    this.token = token;
    return this;
  }

  /** Connects without TLS (the default); meant for a gateway on the same host or in tests. */
  public BackorderClientBuilder plaintext() {
    this.tls = false;
    this.trustedCertsPem = null;
    return this;
  }

  /** Connects with TLS, trusting the JDK's default certificate authorities. */
  public BackorderClientBuilder tls() {
    this.tls = true;
    this.trustedCertsPem = null;
    return this;
  }

  /** Connects with TLS, trusting only the CA certificates in the given PEM file. */
  public BackorderClientBuilder tls(Path trustedCertsPem) {
    this.trustedCertsPem = readableFile(trustedCertsPem, "trustedCertsPem");
    this.tls = true;
    return this;
  }

  /**
   * Presents a client certificate (mutual TLS). Needs {@link #tls()} or {@link #tls(Path)}.
   *
   * @param certChain PEM file with the client certificate chain
   * @param privateKey PEM file with the client's PKCS#8 private key
   */
  public BackorderClientBuilder clientCertificate(Path certChain, Path privateKey) {
    this.clientCertChain = readableFile(certChain, "certChain");
    this.clientPrivateKey = readableFile(privateKey, "privateKey");
    return this;
  }

  /**
   * The deadline of every unary call that sets none itself; 10 seconds unless set. Server-streaming
   * calls such as {@code WatchEvents} get no default deadline.
   */
  public BackorderClientBuilder deadline(Duration deadline) {
    requireNonNull(deadline, "deadline is null");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, was: " + deadline);
    }
    try {
      deadline.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("deadline is too long: " + deadline, e);
    }
    this.deadline = deadline;
    return this;
  }

  /**
   * How many times a call answered {@code UNAVAILABLE} is tried in all, the first included: 1 (no
   * retries) to 5; 4 unless set. Retries stay within the call's deadline. See {@link
   * RetryServiceConfig}. Applies to channels the builder makes, not to a wrapped {@link
   * #channel(ManagedChannel)}.
   */
  public BackorderClientBuilder maxAttempts(int maxAttempts) {
    if (maxAttempts < 1 || maxAttempts > 5) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 5, was: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    return this;
  }

  /**
   * Wraps an existing channel instead of making one; {@link #target(String)}, {@link #tls()} and
   * {@link #clientCertificate} then do not apply. The client takes the channel over and shuts it
   * down on {@link BackorderClient#close()}.
   */
  public BackorderClientBuilder channel(ManagedChannel channel) {
    this.channel = requireNonNull(channel, "channel is null");
    return this;
  }

  /** Makes the client; a new channel connects lazily, on the first call. */
  public BackorderClient build() {
    if (clientCertChain != null && !tls) {
      throw new IllegalStateException("clientCertificate needs tls()");
    }
    if (channel != null && (target != null || tls)) {
      throw new IllegalStateException("channel(...) cannot be combined with target(...) or"
          + " tls(...): configure the wrapped channel itself");
    }
    if (channel == null && target == null) {
      throw new IllegalStateException(
          "target is required (or wrap an existing channel with channel(...))");
    }
    ManagedChannel built = channel != null ? channel : newNettyChannel();
    CallCredentials credentials = token == null ? null : new BearerTokenCredentials(token);
    return new BackorderClient(built, describe(), credentials, deadline);
  }

  /** What is configured; never the token itself. */
  @Override
  public String toString() {
    return "BackorderClientBuilder{target=" + target
        + ", tls=" + tls
        + ", trustedCertsPem=" + trustedCertsPem
        + ", clientCertChain=" + clientCertChain
        + ", token=" + (token != null ? "set" : "none")
        + ", deadline=" + deadline
        + ", maxAttempts=" + maxAttempts
        + ", channel=" + (channel != null ? channel.authority() : null)
        + "}";
  }

  /** For {@link BackorderClient#toString()}: where, how, whether a token is set. */
  private String describe() {
    return (channel != null ? "channel=" + channel.authority() + ", transport=channel"
            : "target=" + target + ", transport=" + (tls ? "tls" : "plaintext"))
        + ", token=" + (token != null ? "set" : "none")
        + ", deadline=" + deadline;
  }

  /** Bad PEM files surface here, as an IllegalArgumentException naming the files. */
  private ManagedChannel newNettyChannel() {
    if (!tls) {
      return withRetries(NettyChannelBuilder.forTarget(target, InsecureChannelCredentials.create()))
          .build();
    }
    try {
      return withRetries(NettyChannelBuilder.forTarget(target, tlsCredentials())).build();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot set up TLS from trustedCertsPem=" + trustedCertsPem
          + ", certChain=" + clientCertChain + ", privateKey=" + clientPrivateKey
          + ": " + e.getMessage(), e);
    }
  }

  private NettyChannelBuilder withRetries(NettyChannelBuilder builder) {
    if (maxAttempts == 1) {
      return builder.disableRetry();
    }
    return builder.defaultServiceConfig(RetryServiceConfig.unavailable(maxAttempts)).enableRetry();
  }

  private ChannelCredentials tlsCredentials() throws IOException {
    TlsChannelCredentials.Builder credentials = TlsChannelCredentials.newBuilder();
    if (trustedCertsPem != null) {
      credentials.trustManager(trustedCertsPem.toFile());
    }
    if (clientCertChain != null) {
      credentials.keyManager(clientCertChain.toFile(), clientPrivateKey.toFile());
    }
    return credentials.build();
  }

  private static Path readableFile(Path path, String name) {
    requireNonNull(path, name + " is null");
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException(name + " is not a readable file: " + path);
    }
    return path;
  }

  /** {@code host:port} with a non-empty host and a port from 1 to 65535. */
  private static boolean isHostAndPort(String target) {
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      return false;
    }
    String host = target.substring(0, colon);
    String port = target.substring(colon + 1);
    if (host.indexOf(':') >= 0 && !(host.startsWith("[") && host.endsWith("]"))) {
      return false;
    }
    if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int number = Integer.parseInt(port);
    return number >= 1 && number <= 65535;
  }
}
