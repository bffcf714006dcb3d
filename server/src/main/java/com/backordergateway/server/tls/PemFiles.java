package com.backordergateway.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files {@code server.tls} names, as grpc and OpenSSL write them: X.509
 * certificates, and an unencrypted PKCS#8 RSA or EC key. What cannot be used is added to the
 * problems under the file's key, with what to do about it; nothing is thrown.
 */
final class PemFiles {

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC");

  private PemFiles() {}

  /** The certificates in the file, in order; empty when there is a problem. */
  static List<X509Certificate> certificates(String key, String file, List<String> problems) {
    Optional<byte[]> bytes = read(key, file, problems);
    if (bytes.isEmpty()) {
      return List.of();
    }
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher block = BLOCK.matcher(new String(bytes.get(), StandardCharsets.US_ASCII));
    while (block.find()) {
      if (!block.group(1).equals("CERTIFICATE")) {
        continue;
      }
      try {
        certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(block.group(2)))));
      } catch (CertificateException | IllegalArgumentException e) {
        problems.add(key + ": certificate " + (certificates.size() + 1) + " in " + file + " is not readable ("
            + e.getMessage() + ")");
        return List.of();
      }
    }
    if (certificates.isEmpty()) {
      problems.add(key + ": " + file + " holds no certificate; expected PEM (-----BEGIN CERTIFICATE-----)");
    }
    return certificates;
  }

  /** The first private key in the file; empty when there is a problem. */
  static Optional<PrivateKey> privateKey(String key, String file, List<String> problems) {
    Optional<byte[]> bytes = read(key, file, problems);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    String convert = "; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out " + file + ".pk8";
    Matcher block = BLOCK.matcher(new String(bytes.get(), StandardCharsets.US_ASCII));
    while (block.find()) {
      switch (block.group(1)) {
        case "PRIVATE KEY":
          return pkcs8(key, file, block.group(2), problems);
        case "RSA PRIVATE KEY":
          problems.add(key + ": " + file + " is a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY); the gateway reads PKCS#8"
              + " (BEGIN PRIVATE KEY)" + convert);
          return Optional.empty();
        case "EC PRIVATE KEY":
          problems.add(key + ": " + file + " is a SEC1 EC key (BEGIN EC PRIVATE KEY); the gateway reads PKCS#8"
              + " (BEGIN PRIVATE KEY)" + convert);
          return Optional.empty();
        case "ENCRYPTED PRIVATE KEY":
          problems.add(key + ": " + file + " is encrypted; the gateway reads an unencrypted PKCS#8 key" + convert);
          return Optional.empty();
        default:
          // a certificate or parameters block next to the key: look further
      }
    }
    problems.add(key + ": " + file + " holds no PEM private key; expected -----BEGIN PRIVATE KEY----- (PKCS#8)");
    return Optional.empty();
  }

  private static Optional<PrivateKey> pkcs8(String key, String file, String base64, List<String> problems) {
    PKCS8EncodedKeySpec spec;
    try {
      spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + file + " is not valid PEM (" + e.getMessage() + ")");
      return Optional.empty();
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(spec));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next
      }
    }
    problems.add(key + ": " + file + " is not an RSA or EC private key the gateway can read");
    return Optional.empty();
  }

  private static Optional<byte[]> read(String key, String file, List<String> problems) {
    if (file == null || file.isBlank()) {
      problems.add(key + ": required when tls is set");
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(Path.of(file)));
    } catch (NoSuchFileException e) {
      problems.add(key + ": no file " + file);
    } catch (AccessDeniedException e) {
      problems.add(key + ": cannot read " + file + " (permission denied)");
    } catch (IOException | InvalidPathException e) {
      problems.add(key + ": cannot read " + file + " (" + e.getMessage() + ")");
    }
    return Optional.empty();
  }
}
