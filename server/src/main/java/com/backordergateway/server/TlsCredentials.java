package com.backordergateway.server;

import com.backordergateway.server.tls.ServerTls;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.util.Optional;

/**
 * gRPC server credentials from the TLS material: plaintext without it, TLS with it, and mTLS
 * when it has a client CA — on gRPC every caller must then present a certificate that chains to it.
 */
final class TlsCredentials {

  private TlsCredentials() {}

  static ServerCredentials serverCredentials(Optional<ServerTls> tls) {
    if (tls.isEmpty()) {
      return InsecureServerCredentials.create();
    }
    TlsServerCredentials.Builder builder = TlsServerCredentials.newBuilder().keyManager(tls.get().keyManagers());
    tls.get().clientCaTrust().ifPresent(trust ->
        builder.trustManager(trust).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE));
    return builder.build();
  }
}
