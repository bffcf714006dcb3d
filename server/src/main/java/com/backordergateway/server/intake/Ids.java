package com.backordergateway.server.intake;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids such as {@code evt_01JD4Y8R1M6Q3V0Z6C9T2K5B7N}: a prefix naming the kind, then a ULID —
 * millisecond time first, so ids sort by creation, and 80 random bits, so replicas never clash.
 */
public final class Ids {

  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final Clock clock;

  public Ids(Clock clock) {
    this.clock = clock;
  }

  public String next(String prefix) {
    long time = clock.millis();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong() & 0xFFFFL; // 16 random bits
    long low = random.nextLong(); // 64 random bits
    long upper = (time << 16) | high; // the 128-bit value in two halves: time(48)|high(16), then low(64)
    char[] out = new char[26];
    // 130 bits in 26 characters of 5: the first holds only the top 3 bits.
    for (int i = 0; i < 26; i++) {
      int below = 125 - i * 5; // bits to the right of this character's five
      out[i] = CROCKFORD[(int) (shiftRight(upper, low, below) & 31)];
    }
    return prefix + "_" + new String(out);
  }

  /** The 128-bit value {@code upper|lower} shifted right by {@code n}, its low 64 bits. */
  private static long shiftRight(long upper, long lower, int n) {
    if (n >= 64) {
      return upper >>> (n - 64);
    }
    return n == 0 ? lower : (lower >>> n) | (upper << (64 - n));
  }
}
