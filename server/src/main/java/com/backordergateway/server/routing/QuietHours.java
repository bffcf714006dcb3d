package com.backordergateway.server.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Quiet hours in the recipient's own time zone: a notice planned inside the window waits
 * until it ends (deferred, never dropped). Windows may wrap midnight, e.g. 21:00–08:00.
 */
public final class QuietHours {

  private QuietHours() {}

  /** When a notice planned at {@code now} may go out: {@code now}, or the end of the window. */
  public static Instant release(Instant now, ZoneId zone, LocalTime from, LocalTime to) {
    ZonedDateTime local = now.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean wraps = from.isAfter(to);
    boolean quiet = wraps ? !time.isBefore(from) || time.isBefore(to) : !time.isBefore(from) && time.isBefore(to);
    if (!quiet) {
      return now;
    }
    LocalDate endDay = wraps && !time.isBefore(from) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
    return ZonedDateTime.of(endDay, to, zone).toInstant();
  }
}
