package com.backordergateway.server.tls;

import com.backordergateway.server.config.ConfigException;
import com.backordergateway.server.config.GatewayConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate chain and private key both listeners present, and the CA that client
 * certificates must chain to, read once from {@code server.tls} before either port opens. A file
 * that is missing or unreadable, holds no usable PEM, or a key that is not the certificate's own
 * is a {@link ConfigException} naming its key — never a handshake failure later.
 */
public final class ServerTls {

  static final String CERT_CHAIN = "server.tls.cert-chain";
  static final String PRIVATE_KEY = "server.tls.private-key";
  static final String CLIENT_CA = "server.tls.client-ca";

  private final KeyStore identity;
  /** The in-memory store's password: it guards nothing and is never written anywhere. */
  private final String identityPassword;
  private final Optional<KeyStore> clientCa;

  private ServerTls(KeyStore identity, String identityPassword, Optional<KeyStore> clientCa) {
    this.identity = identity;
    this.identityPassword = identityPassword;
    this.clientCa = clientCa;
  }

  /** Empty without a TLS section (plaintext); otherwise the checked material, or every problem at once. */
  public static Optional<ServerTls> load(GatewayConfig.Tls tls) {
    if (tls == null) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    List<X509Certificate> chain = PemFiles.certificates(CERT_CHAIN, tls.certChain(), problems);
    Optional<PrivateKey> key = PemFiles.privateKey(PRIVATE_KEY, tls.privateKey(), problems);
    List<X509Certificate> authorities =
        tls.clientCa() == null ? List.of() : PemFiles.certificates(CLIENT_CA, tls.clientCa(), problems);
    if (!chain.isEmpty() && key.isPresent() && !ownKey(key.get(), chain.get(0))) {
      problems.add(PRIVATE_KEY + ": " + tls.privateKey() + " is not the key of the first certificate in "
          + CERT_CHAIN + " (" + tls.certChain() + "); give the key that certificate was issued for,"
          + " and list the server's own certificate first");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    try {
      String password = UUID.randomUUID().toString();
      KeyStore identity = emptyStore();
      identity.setKeyEntry("gateway", key.get(), password.toCharArray(), chain.toArray(new Certificate[0]));
      Optional<KeyStore> clientCa = Optional.empty();
      if (!authorities.isEmpty()) {
        KeyStore trusted = emptyStore();
        for (int i = 0; i < authorities.size(); i++) {
          trusted.setCertificateEntry("client-ca-" + i, authorities.get(i));
        }
        clientCa = Optional.of(trusted);
      }
      return Optional.of(new ServerTls(identity, password, clientCa));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot hold the TLS material in memory", e);
    }
  }

  /** The chain and key, for Jetty. */
  public KeyStore identity() {
    return identity;
  }

  public String identityPassword() {
    return identityPassword;
  }

  /** The certificates of {@code client-ca}, when client certificates are checked. */
  public Optional<KeyStore> clientCa() {
    return clientCa;
  }

  /** The chain and key, for grpc. */
  public KeyManager[] keyManagers() {
    try {
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(identity, identityPassword.toCharArray());
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot use the TLS key held in memory", e);
    }
  }

  /** Trust in {@code client-ca} alone, for grpc. */
  public Optional<TrustManager[]> clientCaTrust() {
    return clientCa.map(store -> {
      try {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot use the client CA held in memory", e);
      }
    });
  }

  /** Whether the key signs what the certificate's public key verifies. */
  private static boolean ownKey(PrivateKey key, X509Certificate certificate) {
    if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
      return false;
    }
    String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      return verifier.verify(signer.sign());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }
}
