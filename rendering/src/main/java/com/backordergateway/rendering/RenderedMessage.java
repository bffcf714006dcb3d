package com.backordergateway.rendering;

/**
 * A rendered template: an optional first line {@code Subject: …} becomes the subject (email,
 * tickets); the rest, after one blank line, is the body.
 */
public record RenderedMessage(String subject, String body) {

  static RenderedMessage parse(String text) {
    String normalized = text.replace("\r\n", "\n").strip();
    if (normalized.regionMatches(true, 0, "subject:", 0, 8)) {
      int end = normalized.indexOf('\n');
      String subject = (end < 0 ? normalized.substring(8) : normalized.substring(8, end)).strip();
      String body = end < 0 ? "" : normalized.substring(end + 1).strip();
      return new RenderedMessage(subject, body);
    }
    return new RenderedMessage("", normalized);
  }
}
