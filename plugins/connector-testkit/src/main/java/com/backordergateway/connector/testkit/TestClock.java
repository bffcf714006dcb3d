package com.backordergateway.connector.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so Retry-After dates, timestamps in
 * payloads and token expiry come out exactly as the test expects.
 */
public final class TestClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public TestClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start is null")), ZoneOffset.UTC);
  }

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant is null"));
  }

  /** Moves the clock forward (or back, for a negative duration). */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration is null");
    now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same moving time seen in another zone: moving either moves both. */
  @Override
  public Clock withZone(ZoneId other) {
    return new TestClock(now, Objects.requireNonNull(other, "zone is null"));
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + ", " + zone + "]";
  }
}
