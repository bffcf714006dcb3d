package com.backordergateway.server.dashboard;

import java.time.Instant;

/**
 * One connector's delivery moves per minute over the last hour, as {@link ChartQueries} counts them:
 * slot 0 is the minute starting at {@code firstMinute}, slot 59 the minute now is in. A failed try
 * is an attempt that failed and will be retried. The arrays are the query's own, not copies.
 */
public record ConnectorMinutes(String connector, Instant firstMinute, int[] delivered, int[] failedTries,
    int[] dead) {

  public int deliveredTotal() {
    return sum(delivered);
  }

  public int failedTriesTotal() {
    return sum(failedTries);
  }

  public int deadTotal() {
    return sum(dead);
  }

  /** The tallest stacked bar, at least 1 so a scale can divide by it. */
  public int maxPerMinute() {
    int max = 1;
    for (int i = 0; i < delivered.length; i++) {
      max = Math.max(max, delivered[i] + failedTries[i] + dead[i]);
    }
    return max;
  }

  private static int sum(int[] counts) {
    int sum = 0;
    for (int count : counts) {
      sum += count;
    }
    return sum;
  }
}
