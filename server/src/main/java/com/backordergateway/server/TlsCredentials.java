package com.backordergateway.server;

import com.backordergateway.server.config.GatewayConfig;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Server credentials from the TLS section: plaintext without it, TLS with it, mTLS with a client CA. */
final class TlsCredentials {

  private TlsCredentials() {}

  static ServerCredentials serverCredentials(GatewayConfig.Tls tls) {
    if (tls == null) {
      return InsecureServerCredentials.create();
    }
    try {
      TlsServerCredentials.Builder builder =
          TlsServerCredentials.newBuilder().keyManager(new File(tls.certChain()), new File(tls.privateKey()));
      if (tls.clientCa() != null) {
        builder.trustManager(new File(tls.clientCa())).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TLS files named in server.tls", e);
    }
  }
}
