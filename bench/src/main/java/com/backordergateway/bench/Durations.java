package com.backordergateway.bench;

import java.time.Duration;
import java.util.Locale;

/** Reads {@code 500ms}, {@code 20s}, {@code 2m} flags and prints durations and nanosecond spans back. */
final class Durations {

  private Durations() {}

  static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      default -> throw new IllegalArgumentException("duration must end in ms, s or m: " + text);
    };
  }

  static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** Microseconds as milliseconds with one decimal, e.g. {@code 1.3}. */
  static String millis(long micros) {
    return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
  }
}
