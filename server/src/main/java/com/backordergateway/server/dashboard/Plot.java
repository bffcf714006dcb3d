package com.backordergateway.server.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The frame every dashboard chart shares: where the plot area lies, its axes, legend and day labels. */
final class Plot {

  static final double LEFT = 62;
  static final double RIGHT = Svg.WIDTH - 8;
  static final double TOP = 32;
  static final double BOTTOM = Svg.HEIGHT - 30;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
  private static final String AXIS = "#767676";

  private Plot() {}

  /** The width each of {@code n} bars or points has across the plot area. */
  static double slot(int n) {
    return (RIGHT - LEFT) / n;
  }

  /** How tall {@code value} stands on a scale whose top is {@code max}. */
  static double height(double value, double max) {
    return value * (BOTTOM - TOP) / max;
  }

  static void axes(Svg svg, String maxLabel, String midLabel) {
    svg.line("grid", AXIS, LEFT, TOP, RIGHT, TOP)
        .line("axis", AXIS, LEFT, BOTTOM, RIGHT, BOTTOM)
        .text("y-label", LEFT - 4, TOP + 4, "end", maxLabel)
        .text("y-label", LEFT - 4, BOTTOM + 4, "end", "0");
    if (midLabel != null) {
      svg.text("y-label", LEFT - 4, (TOP + BOTTOM) / 2 + 4, "end", midLabel);
    }
  }

  static void legend(Svg svg, String[] names, String[] colours) {
    double x = LEFT;
    for (int i = 0; i < names.length; i++) {
      svg.rect("key " + names[i].replace(' ', '-'), colours[i], x, 8, 12, 12, null)
          .text("key-label", x + 16, 18, "start", names[i]);
      x += 30 + names[i].length() * 7;
    }
  }

  /** A date under every seventh day, counted back from the last (today, flush with the right edge). */
  static void dayLabels(Svg svg, List<LocalDate> days) {
    double slot = (RIGHT - LEFT) / days.size();
    for (int i = days.size() - 1; i >= 0; i -= 7) {
      boolean last = i == days.size() - 1;
      svg.text("x-label", last ? RIGHT : LEFT + (i + 0.5) * slot, BOTTOM + 20, last ? "end" : "middle",
          DAY.format(days.get(i)));
    }
  }
}
