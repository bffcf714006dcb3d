package com.backordergateway.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids are ULIDs: 26 Crockford characters, the creation millisecond in the top 48 bits. */
class IdsTest {

  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  @Test
  void carriesItsMillisecondOnTopAndEightyRandomBitsBelow() {
    long millis = Instant.parse("2026-04-14T09:30:00.123Z").toEpochMilli();
    Ids ids = new Ids(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    Set<BigInteger> randomParts = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String id = ids.next("dlv");
      assertThat(id).startsWith("dlv_").hasSize(4 + 26);
      BigInteger value = decode(id.substring(4));
      assertThat(value.bitLength()).isLessThanOrEqualTo(128);
      assertThat(value.shiftRight(80).longValueExact()).isEqualTo(millis);
      randomParts.add(value.subtract(value.shiftRight(80).shiftLeft(80)));
    }
    assertThat(randomParts).hasSize(1_000);
  }

  @Test
  void sortsByCreationTime() {
    String earlier = new Ids(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC)).next("evt");
    String later = new Ids(Clock.fixed(Instant.ofEpochMilli(1_001), ZoneOffset.UTC)).next("evt");
    assertThat(earlier).isLessThan(later);
  }

  private static BigInteger decode(String ulid) {
    BigInteger value = BigInteger.ZERO;
    for (char c : ulid.toCharArray()) {
      int digit = CROCKFORD.indexOf(c);
      assertThat(digit).as("a Crockford base-32 character: %s", c).isNotNegative();
      value = value.shiftLeft(5).add(BigInteger.valueOf(digit));
    }
    return value;
  }
}
