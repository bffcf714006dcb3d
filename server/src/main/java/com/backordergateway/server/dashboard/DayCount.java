package com.backordergateway.server.dashboard;

import java.time.LocalDate;

/** Cases open at the end of {@code day} (for today: now). */
public record DayCount(LocalDate day, int count) {}
