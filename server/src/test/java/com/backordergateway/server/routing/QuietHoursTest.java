package com.backordergateway.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final LocalTime NINE_PM = LocalTime.of(21, 0);
  static final LocalTime EIGHT_AM = LocalTime.of(8, 0);

  @Test
  void aNightWindowDefersToTheMorningInTheRecipientsZone() {
    // 23:30 in New York (EDT) is 03:30 UTC the next day.
    assertThat(QuietHours.release(Instant.parse("2026-06-02T03:30:00Z"), NEW_YORK, NINE_PM, EIGHT_AM))
        .isEqualTo(Instant.parse("2026-06-02T12:00:00Z"));
    // 06:00 in New York: still quiet, same morning.
    assertThat(QuietHours.release(Instant.parse("2026-06-02T10:00:00Z"), NEW_YORK, NINE_PM, EIGHT_AM))
        .isEqualTo(Instant.parse("2026-06-02T12:00:00Z"));
    // 21:00 exactly starts the window; 08:00 exactly ends it.
    assertThat(QuietHours.release(Instant.parse("2026-06-02T01:00:00Z"), NEW_YORK, NINE_PM, EIGHT_AM))
        .isEqualTo(Instant.parse("2026-06-02T12:00:00Z"));
    assertThat(QuietHours.release(Instant.parse("2026-06-02T12:00:00Z"), NEW_YORK, NINE_PM, EIGHT_AM))
        .isEqualTo(Instant.parse("2026-06-02T12:00:00Z"));
  }

  @Test
  void daytimeGoesOutAtOnce() {
    Instant noon = Instant.parse("2026-06-02T16:00:00Z");
    assertThat(QuietHours.release(noon, NEW_YORK, NINE_PM, EIGHT_AM)).isEqualTo(noon);
  }

  @Test
  void aWindowWithinOneDay() {
    LocalTime lunch = LocalTime.of(12, 0);
    LocalTime afterLunch = LocalTime.of(13, 0);
    assertThat(QuietHours.release(Instant.parse("2026-06-02T16:30:00Z"), NEW_YORK, lunch, afterLunch))
        .isEqualTo(Instant.parse("2026-06-02T17:00:00Z"));
    assertThat(QuietHours.release(Instant.parse("2026-06-02T18:30:00Z"), NEW_YORK, lunch, afterLunch))
        .isEqualTo(Instant.parse("2026-06-02T18:30:00Z"));
  }
}
