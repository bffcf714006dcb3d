package com.backordergateway.server.grpc;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.server.config.Scope;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * Bearer-token check for the gateway's own services: no token → UNAUTHENTICATED, a token
 * without the method's scope → PERMISSION_DENIED. Health and reflection stay open so probes
 * and {@code grpcurl} work without credentials.
 *
 * <p>Tokens are looked up in constant time by {@link ApiTokens}.
 */
@Singleton
final class AuthInterceptor implements ServerInterceptor {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  /**
   * Whether the call carried a valid token. IngestPlatformEvent may come without one: a raw
   * webhook is authenticated by the platform's signature instead (checked by its source plugin).
   */
  static final Context.Key<Boolean> TOKEN_VERIFIED = Context.key("backorder-token-verified");
  private static final String TOKEN_OPTIONAL = BackorderServiceGrpc.getIngestPlatformEventMethod().getFullMethodName();
  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final Map<String, Scope> scopeByMethod = new HashMap<>();

  @Inject
  AuthInterceptor(ApiTokens tokens) {
    this.tokens = tokens;
    requireScopes(BackorderServiceGrpc.getServiceDescriptor(), null);
    requireScopes(AdminServiceGrpc.getServiceDescriptor(), Scope.ADMIN);
  }

  /** Reads (Get, List, Watch) need {@code read}; other BackorderService calls need {@code intake}. */
  private void requireScopes(ServiceDescriptor service, Scope fixed) {
    for (MethodDescriptor<?, ?> method : service.getMethods()) {
      String name = method.getBareMethodName();
      Scope scope = fixed != null ? fixed
          : name.startsWith("Get") || name.startsWith("List") || name.startsWith("Watch") ? Scope.READ : Scope.INTAKE;
      scopeByMethod.put(method.getFullMethodName(), scope);
    }
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    Scope needed = scopeByMethod.get(call.getMethodDescriptor().getFullMethodName());
    if (needed == null) {
      return next.startCall(call, headers);
    }
    String header = headers.get(AUTHORIZATION);
    if (header == null && call.getMethodDescriptor().getFullMethodName().equals(TOKEN_OPTIONAL)) {
      return Contexts.interceptCall(Context.current().withValue(TOKEN_VERIFIED, false), call, headers, next);
    }
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return reject(call, Status.UNAUTHENTICATED.withDescription("a bearer token is required"));
    }
    ApiTokens.Holder match = tokens.holderOf(header.substring(BEARER.length()).trim()).orElse(null);
    if (match == null) {
      return reject(call, Status.UNAUTHENTICATED.withDescription("unknown bearer token"));
    }
    if (!match.may(needed)) {
      return reject(call, Status.PERMISSION_DENIED.withDescription(
          "token '" + match.name() + "' lacks the " + needed.name().toLowerCase(java.util.Locale.ROOT) + " scope"));
    }
    return Contexts.interceptCall(Context.current().withValue(TOKEN_VERIFIED, true), call, headers, next);
  }

  private static <Q, A> ServerCall.Listener<Q> reject(ServerCall<Q, A> call, Status status) {
    call.close(status, new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
