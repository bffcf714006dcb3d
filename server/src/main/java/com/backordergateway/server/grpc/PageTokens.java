package com.backordergateway.server.grpc;

import com.backordergateway.server.errors.InvalidRequestException;
import com.google.protobuf.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque keyset page tokens: the position of the last row served plus a fingerprint of the
 * filters, so a token cannot be replayed with other filters. Rows added while a client pages
 * land before the first page and never shift later pages.
 */
final class PageTokens {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  private PageTokens() {}

  static int pageSize(int requested) {
    if (requested < 0) {
      throw InvalidRequestException.of("page_size", "must not be negative");
    }
    return requested == 0 ? DEFAULT_SIZE : Math.min(requested, MAX_SIZE);
  }

  /** The position to continue before, or {@code Long.MAX_VALUE} for the first page. */
  static long position(String token, Message filters) {
    if (token.isEmpty()) {
      return Long.MAX_VALUE;
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
      if (parts.length == 2 && parts[1].equals(fingerprint(filters))) {
        return Long.parseLong(parts[0]);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the same answer as a fingerprint mismatch
    }
    throw InvalidRequestException.of("page_token", "not a token from this listing with these filters");
  }

  static String next(long lastSeq, boolean more, Message filters) {
    if (!more) {
      return "";
    }
    String raw = lastSeq + ":" + fingerprint(filters);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String fingerprint(Message filters) {
    Message.Builder b = filters.toBuilder();
    b.clearField(filters.getDescriptorForType().findFieldByName("page_token"));
    b.clearField(filters.getDescriptorForType().findFieldByName("page_size"));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.build().toByteArray());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
