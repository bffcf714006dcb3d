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
    char[] out = new char[26];
    // 128 bits = 48 time + 80 random, written 5 bits at a time from the top.
    for (int i = 0; i < 26; i++) {
      int bitFromTop = i * 5 - 2; // the first character holds only 3 bits
      out[i] = CROCKFORD[bits(time, high, low, bitFromTop)];
    }
    return prefix + "_" + new String(out);
  }

  /** Five bits starting at {@code bitFromTop} of the 128-bit value time(48)|high(16)|low(64). */
  private static int bits(long time, long high, long low, int bitFromTop) {
    int value = 0;
    for (int b = 0; b < 5; b++) {
      int pos = bitFromTop + b;
      int bit = pos < 0 ? 0 : bitAt(time, high, low, pos);
      value = (value << 1) | bit;
    }
    return value;
  }

  private static int bitAt(long time, long high, long low, int pos) {
    if (pos < 48) {
      return (int) (time >>> (47 - pos)) & 1;
    }
    if (pos < 64) {
      return (int) (high >>> (63 - pos)) & 1;
    }
    return (int) (low >>> (127 - pos)) & 1;
  }
}
