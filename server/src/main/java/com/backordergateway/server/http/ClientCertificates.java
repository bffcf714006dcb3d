package com.backordergateway.server.http;

import com.backordergateway.server.tls.ServerTls;
import io.grpc.Status;
import io.javalin.http.Handler;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Which HTTP paths need a client certificate when {@code server.tls.client-ca} is set. gRPC then
 * refuses every caller without one; on HTTP the REST API and {@code /metrics} do the same with a
 * 401, while webhooks (which their platform signs, and which cannot carry a certificate) and the
 * probes stay open. The bearer token is still checked behind the REST shim.
 */
final class ClientCertificates {

  /** Where the servlet request holds the certificates the handshake verified. */
  private static final String PEER_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  private final boolean checked;

  ClientCertificates(Optional<ServerTls> tls) {
    this.checked = tls.flatMap(ServerTls::clientCa).isPresent();
  }

  /** The handler, answering 401 first to a caller without a verified client certificate. */
  Handler required(Handler handler) {
    if (!checked) {
      return handler;
    }
    return ctx -> {
      if (ctx.req().getAttribute(PEER_CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
        handler.handle(ctx);
      } else {
        HttpErrors.respond(ctx, 401, Status.Code.UNAUTHENTICATED,
            "a client certificate is required: present one issued by the gateway's client CA");
      }
    };
  }
}
