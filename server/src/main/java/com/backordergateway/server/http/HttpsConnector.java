package com.backordergateway.server.http;

import com.backordergateway.server.tls.ServerTls;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTP port's only connector when {@code server.tls} is set: HTTPS with the certificate chain
 * and key gRPC presents. With a client CA it asks callers for a certificate without demanding one
 * (platforms posting webhooks have none); the handshake accepts only certificates that chain to
 * the client CA, and {@link ClientCertificates} decides which paths need one.
 */
final class HttpsConnector {

  private HttpsConnector() {}

  static ServerConnector create(Server server, HttpConfiguration plain, ServerTls tls, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(tls.identity());
    ssl.setKeyStorePassword(tls.identityPassword());
    tls.clientCa().ifPresent(clientCa -> {
      ssl.setTrustStore(clientCa);
      ssl.setWantClientAuth(true);
    });
    HttpConfiguration https = new HttpConfiguration(plain);
    // Marks requests secure and hands the verified client certificates to the request.
    https.addCustomizer(new SecureRequestCustomizer());
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
