package com.backordergateway.server.dashboard;

import com.backordergateway.server.config.GatewayConfig;
import com.google.protobuf.Timestamp;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** How the dashboard writes times, ages and enum values: in the store's time zone, in words staff read. */
@Singleton
final class DashboardText {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  /** Pages write hundreds of labels: each enum constant's is worked out once. */
  private static final Map<Enum<?>, String> LABELS = new ConcurrentHashMap<>();
  private static final Pattern CAMEL_HUMPS = Pattern.compile("([a-z])([A-Z])");

  private final ZoneId zone;
  private final Clock clock;

  @Inject
  DashboardText(GatewayConfig config, Clock clock) {
    this.zone = ZoneId.of(config.triggers().defaultTimeZone());
    this.clock = clock;
  }

  ZoneId zone() {
    return zone;
  }

  Instant now() {
    return clock.instant();
  }

  String time(Instant at) {
    return at == null ? "" : MINUTE.format(at.atZone(zone));
  }

  String time(Timestamp at) {
    return at == null || at.getSeconds() == 0 ? "" : time(Instant.ofEpochSecond(at.getSeconds(), at.getNanos()));
  }

  String day(Timestamp at) {
    return at == null || at.getSeconds() == 0 ? "" : DAY.format(Instant.ofEpochSecond(at.getSeconds()).atZone(zone));
  }

  /** How long ago: "4 min", "5 h 12 min", "3 d 4 h". */
  String age(Instant since) {
    Duration d = Duration.between(since, now());
    if (d.isNegative() || d.toMinutes() < 1) {
      return "under a minute";
    }
    if (d.toHours() < 1) {
      return d.toMinutes() + " min";
    }
    if (d.toDays() < 1) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    return d.toDays() + " d " + d.toHoursPart() + " h";
  }

  /** {@code TRIGGER_STOCK_DEPLETED} → "stock depleted". */
  static String label(Enum<?> value) {
    return LABELS.computeIfAbsent(value, v -> {
      String name = v.name();
      String prefix = CAMEL_HUMPS.matcher(v.getDeclaringClass().getSimpleName()).replaceAll("$1_$2").toUpperCase(Locale.ROOT)
          + "_";
      return (name.startsWith(prefix) ? name.substring(prefix.length()) : name).toLowerCase(Locale.ROOT).replace('_', ' ');
    });
  }
}
