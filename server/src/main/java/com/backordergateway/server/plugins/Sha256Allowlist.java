package com.backordergateway.server.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code plugins.require-sha256}: only jars listed in {@code SHA256SUMS} (the format
 * {@code sha256sum} writes: hex digest, two spaces or " *", file name) with a matching digest
 * load. The file is re-read on every check, so ops can add a line and then drop the jar.
 */
final class Sha256Allowlist {

  static final String FILE_NAME = "SHA256SUMS";

  private final Path sumsFile;

  Sha256Allowlist(Path pluginsDir) {
    this.sumsFile = pluginsDir.resolve(FILE_NAME);
  }

  /** Empty if the jar may load; otherwise why not. */
  Optional<String> refusal(Path jar) {
    Map<String, String> sums;
    try {
      sums = read();
    } catch (IOException e) {
      return Optional.of("cannot read " + FILE_NAME + ": " + e.getMessage());
    }
    String expected = sums.get(jar.getFileName().toString());
    if (expected == null) {
      return Optional.of("not listed in " + FILE_NAME);
    }
    try {
      return expected.equals(sha256(jar)) ? Optional.empty() : Optional.of("SHA-256 does not match " + FILE_NAME);
    } catch (IOException e) {
      return Optional.of("cannot read jar: " + e.getMessage());
    }
  }

  private Map<String, String> read() throws IOException {
    Map<String, String> sums = new HashMap<>();
    if (!Files.exists(sumsFile)) {
      return sums;
    }
    for (String line : Files.readAllLines(sumsFile)) {
      String trimmed = line.strip();
      int space = trimmed.indexOf(' ');
      if (trimmed.isEmpty() || trimmed.startsWith("#") || space < 0) {
        continue;
      }
      String name = trimmed.substring(space).strip();
      sums.put(name.startsWith("*") ? name.substring(1) : name, trimmed.substring(0, space).toLowerCase(Locale.ROOT));
    }
    return sums;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buffer = new byte[64 * 1024];
      while (in.read(buffer) >= 0) {
        // reading drives the digest
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
