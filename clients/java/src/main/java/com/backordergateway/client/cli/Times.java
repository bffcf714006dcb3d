package com.backordergateway.client.cli;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.TypeConversionException;

/** Times on the command line: ISO-8601 with an offset, or a date (midnight UTC). */
final class Times {

  private Times() {}

  /** {@code 2026-05-01T14:00:00Z}, {@code 2026-05-01T09:00:00-05:00} or {@code 2026-05-01}. */
  static Timestamp parse(String text) {
    Instant instant;
    try {
      instant = text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + text + "' is not a time like 2026-05-01T14:00:00Z or a date like 2026-05-01");
    }
    return Timestamps.fromMillis(instant.toEpochMilli());
  }

  /** A set timestamp to the second in UTC, e.g. {@code 2026-05-01T14:00:00Z}; unset as "". */
  static String format(Timestamp timestamp) {
    if (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0) {
      return "";
    }
    return Instant.ofEpochSecond(timestamp.getSeconds()).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
