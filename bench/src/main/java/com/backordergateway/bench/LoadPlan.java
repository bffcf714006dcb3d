package com.backordergateway.bench;

import java.time.Duration;

/**
 * How a {@link LoadGenerator} run drives its target. Every run is bounded twice: it stops
 * starting calls at {@code maxCalls} or after {@code duration}, whichever comes first.
 *
 * @param closedLoop true: each of {@code callers} keeps {@code inFlight} calls outstanding, a new
 *     one starting as soon as one answers; false (open loop): calls start on a fixed schedule of
 *     {@code ratePerSecond}, answered or not, spread over the callers
 * @param callers concurrent callers (closed loop: call chains; both: how calls spread over channels)
 * @param inFlight calls each caller keeps outstanding (closed loop only)
 * @param ratePerSecond schedule of the open loop (ignored by the closed loop)
 * @param maxCalls at most this many calls are started
 * @param duration no call is started after this
 */
public record LoadPlan(
    boolean closedLoop, int callers, int inFlight, double ratePerSecond, long maxCalls, Duration duration) {

  /** Open loop: above this many unanswered calls, scheduled calls are skipped and counted as errors. */
  static final int MAX_OUTSTANDING = 20_000;

  public LoadPlan {
    if (callers < 1 || inFlight < 1) {
      throw new IllegalArgumentException("callers and in-flight must be at least 1");
    }
    if (!closedLoop && !(ratePerSecond > 0)) {
      throw new IllegalArgumentException("an open loop needs a positive rate");
    }
    if (maxCalls < 1 || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a run needs a positive call count and duration");
    }
  }

  /** Closed loop for {@code duration}, unbounded in count. */
  public static LoadPlan closed(int callers, int inFlight, Duration duration) {
    return new LoadPlan(true, callers, inFlight, 0, Long.MAX_VALUE, duration);
  }

  /** Closed loop for exactly {@code calls} calls (or {@code limit}, if that comes first). */
  public static LoadPlan closedCount(int callers, int inFlight, long calls, Duration limit) {
    return new LoadPlan(true, callers, inFlight, 0, calls, limit);
  }

  /** Open loop at {@code ratePerSecond} for {@code duration}. */
  public static LoadPlan open(int callers, double ratePerSecond, Duration duration) {
    return new LoadPlan(false, callers, 1, ratePerSecond, Long.MAX_VALUE, duration);
  }

  String describe() {
    return closedLoop
        ? "closed loop, " + callers + " callers x " + inFlight + " in flight, " + Durations.text(duration)
        : "open loop, " + (long) ratePerSecond + "/s, " + Durations.text(duration);
  }
}
