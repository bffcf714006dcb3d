package com.backordergateway.plugins.pipedrive;

import com.backordergateway.connector.api.RetryableDeliveryException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps one token's calls inside Pipedrive's limits, from the headers every answer carries, so a
 * delivery's four or five calls are not split by a 429 halfway (a retry would write its note
 * twice). Shared by the session's concurrent deliveries, as the limits are per token; nothing is
 * logged.
 *
 * <ul>
 *   <li>{@code x-ratelimit-remaining: 0}: the 2-second window is used up, so the next call waits
 *       for {@code x-ratelimit-reset} (at most the window's 2 s) instead of being refused.
 *   <li>{@code x-daily-requests-left: 0}: the API token's POST/PUT allowance is used up until
 *       midnight UTC, and Pipedrive may block a token that keeps going; the delivery in progress
 *       finishes, and the next ones are retried after midnight without calling Pipedrive.
 * </ul>
 */
final class RequestPacing {

  /** Pipedrive's rate-limit window. */
  static final Duration WINDOW = Duration.ofSeconds(2);

  private final Clock clock;
  /** When the next call may go, on {@link System#nanoTime()}: waits are real time, whatever the host's clock says. */
  private volatile long windowOpensAt = System.nanoTime();
  private final AtomicReference<Instant> writesResumeAt = new AtomicReference<>(Instant.EPOCH);

  RequestPacing(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock is null");
  }

  /**
   * Before a delivery writes anything.
   *
   * @throws RetryableDeliveryException until midnight UTC once the daily POST/PUT allowance is used up
   */
  void requireWritesLeft() throws RetryableDeliveryException {
    Instant resume = writesResumeAt.get();
    Instant now = clock.instant();
    if (now.isBefore(resume)) {
      throw new RetryableDeliveryException("Pipedrive: this API token has no POST/PUT requests left today "
          + "(x-daily-requests-left: 0); not calling Pipedrive again before " + resume, Duration.between(now, resume),
          null);
    }
  }

  /** Before each call: waits out a used-up window. */
  void awaitWindow() throws RetryableDeliveryException {
    long wait = windowOpensAt - System.nanoTime();
    if (wait <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableDeliveryException("interrupted while waiting for Pipedrive's rate-limit window", null, e);
    }
  }

  /** After each call: reads the budget the answer reports. */
  void observe(HttpResponse<?> answer) {
    if (PipedriveAnswers.windowLeft(answer).orElse(1) <= 0) {
      Duration reset = PipedriveAnswers.windowReset(answer).filter(d -> d.compareTo(WINDOW) <= 0).orElse(WINDOW);
      windowOpensAt = System.nanoTime() + reset.toNanos();
    }
    if (PipedriveAnswers.dailyLeft(answer).orElse(1) <= 0) {
      writesResumeAt.set(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1)
          .atStartOfDay(ZoneOffset.UTC).toInstant());
    }
  }
}
