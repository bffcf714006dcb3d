package com.backordergateway.bench;

import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one {@link LoadGenerator} run measured: answered calls, failures by status, and the
 * latency histogram in microseconds. Throughput counts answered calls over the time from the
 * first start to the last answer.
 */
public record LoadResult(String name, String plan, Histogram latencyMicros, Map<String, Long> errors, long elapsedNanos) {

  /** Calls that were answered successfully. */
  public long ok() {
    return latencyMicros.getTotalCount();
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  public double perSecond() {
    return ok() * 1e9 / elapsedNanos;
  }

  /** Latency at {@code percentile} (0-100), in microseconds. */
  public long micros(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile);
  }

  public long maxMicros() {
    return latencyMicros.getMaxValue();
  }

  /** One line: rate, count, errors, p50/p90/p99/max in milliseconds. */
  public String line() {
    return String.format(Locale.ROOT, "%-28s %9.0f calls/s  ok=%d errors=%d%s  p50=%s p90=%s p99=%s max=%s ms  [%s]",
        name, perSecond(), ok(), errorCount(), errors.isEmpty() ? "" : " " + errors,
        Durations.millis(micros(50)), Durations.millis(micros(90)), Durations.millis(micros(99)),
        Durations.millis(maxMicros()), plan);
  }
}
