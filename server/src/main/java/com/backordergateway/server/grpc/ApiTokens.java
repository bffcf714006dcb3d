package com.backordergateway.server.grpc;

import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Scope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API tokens, looked up by the token a caller presents: the gRPC services check
 * bearer tokens with it, the dashboard checks sign-ins.
 *
 * <p>Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}: constant time,
 * and independent of the presented token's length. Every token is compared (no early exit), so
 * timing says nothing about which one matched.
 */
@Singleton
public final class ApiTokens {

  /** A configured token that matched: its name and scopes (never the token itself). */
  public record Holder(String name, Set<Scope> scopes) {
    public boolean may(Scope scope) {
      return scopes.contains(scope);
    }
  }

  private record Credential(Holder holder, byte[] digest) {}

  private final List<Credential> credentials;

  @Inject
  ApiTokens(GatewayConfig config) {
    this.credentials = config.auth().tokens().stream()
        .map(t -> new Credential(new Holder(t.name(), t.scopes()), digest(t.token())))
        .toList();
  }

  /** The holder of {@code presented}, if it is a configured token. */
  public Optional<Holder> holderOf(String presented) {
    byte[] digest = digest(presented);
    Holder match = null;
    for (Credential credential : credentials) {
      if (MessageDigest.isEqual(credential.digest(), digest)) {
        match = credential.holder();
      }
    }
    return Optional.ofNullable(match);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
