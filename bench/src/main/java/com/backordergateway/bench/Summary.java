package com.backordergateway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one bench run next to the DESIGN §12 targets, as a Markdown table. */
final class Summary {

  LoadResult echo;
  IntakeThroughput.Outcome sales;
  IntakeThroughput.Outcome counts;
  DeliveryThroughput.Outcome deliveries;
  ApprisePeer.Outcome apprise;
  IntakeToDelivered.Outcome latency;
  BacklogIsolation.Outcome isolation;
  StartupAndMemory.Outcome startup;
  ReplicaScaling.Outcome replicas;
  double eventsPerSecond;

  String markdown() {
    List<String> rows = new ArrayList<>();
    rows.add("| figure | measured | target (DESIGN §12) | met |");
    rows.add("|---|---|---|---|");
    if (echo != null) {
      rows.add(row("(a) echo ceiling, closed loop", rate(echo.perSecond(), "calls/s") + ", p99 " + p99(echo),
          "reference", "—"));
    }
    intakeRow(rows, "(b) intake SALE to zero (case + 2 deliveries)", sales, 0.25);
    intakeRow(rows, "(b) intake COUNT (plans nothing)", counts, 0.8);
    if (deliveries != null) {
      rows.add(row("(c) deliveries to the sink",
          rate(deliveries.burst().overallPerSecond(), "deliveries/s") + " ("
              + rate(deliveries.burst().afterBurstPerSecond(), "/s") + " after the burst was accepted)", "≥ 5,000/s",
          met(deliveries.burst().overallPerSecond() >= 5000)));
    }
    appriseRows(rows);
    if (latency != null) {
      var h = latency.endToEndMicros();
      rows.add(row("(d) intake→delivered at " + (long) eventsPerSecond + " events/s",
          "p50 " + Durations.millis(h.getValueAtPercentile(50)) + " ms, p99 " + Durations.millis(h.getValueAtPercentile(99))
              + " ms (" + latency.missing() + " missing)",
          "p99 < 100 ms", met(latency.missing() == 0 && h.getValueAtPercentile(99) < 100_000)));
    }
    if (isolation != null) {
      var h = isolation.latency().endToEndMicros();
      rows.add(row("(f) idle CPU, " + isolation.backlog() + " deliveries waiting on a 1 req/s instance",
          String.format(Locale.ROOT, "%.1f %% of a core (store-writer %.1f %%); %.1f %% with no backlog",
              isolation.waiting().cores() * 100, isolation.waiting().writerCores() * 100, isolation.empty().cores() * 100),
          "< 5 % of a core", met(isolation.waiting().cores() < 0.05)));
      rows.add(row("(f) intake→delivered at " + (long) eventsPerSecond + " events/s beside that backlog",
          "p50 " + Durations.millis(h.getValueAtPercentile(50)) + " ms, p99 " + Durations.millis(h.getValueAtPercentile(99))
              + " ms (" + isolation.latency().missing() + " missing)",
          "p99 < 100 ms", met(isolation.latency().missing() == 0 && h.getValueAtPercentile(99) < 100_000)));
    }
    if (startup != null) {
      rows.add(row("(e) start-up to SERVING, " + startup.pluginsStarted() + " plugins",
          "median " + startup.median().toMillis() + " ms, max " + startup.max().toMillis() + " ms",
          "≤ 3 s", met(startup.max().toMillis() <= 3000)));
      rows.add(row("(e) RSS under load (process)", startup.peakRssKib() / 1024 + " MiB peak VmRSS",
          "≤ 300 MB", met(startup.peakRssKib() * 1024 <= 300_000_000L)));
    }
    replicaRows(rows);
    return String.join("\n", rows);
  }

  /** @param target the share of the echo ceiling the issue asks for */
  private void intakeRow(List<String> rows, String name, IntakeThroughput.Outcome outcome, double target) {
    if (outcome == null) {
      return;
    }
    double rate = outcome.load().perSecond();
    String ratio = echo == null ? "" : String.format(Locale.ROOT, " = %.2f × echo", rate / echo.perSecond());
    rows.add(row(name, rate(rate, "calls/s") + ratio + ", p99 " + p99(outcome.load()),
        String.format(Locale.ROOT, "≥ %s × echo", target), echo == null ? "?" : met(rate >= target * echo.perSecond())));
  }

  /** The peer's figures, and the (c) ratio against its best when both ran. */
  private void appriseRows(List<String> rows) {
    if (apprise == null) {
      return;
    }
    if (!apprise.ran()) {
      rows.add(row("(c) peer: Apprise to the same sink", "skipped: " + apprise.skipped(), "reference", "—"));
      if (deliveries != null) {
        rows.add(row("(c) deliveries/s ÷ best Apprise deliveries/s", "— (Apprise skipped)", "≥ 15 × Apprise", "?"));
      }
      return;
    }
    String figures = String.join(", ", apprise.runs().stream()
        .map(r -> rate(r.perSecond(), "deliveries/s") + " with " + r.targets() + (r.targets() == 1 ? " target" : " targets"))
        .toList());
    rows.add(row("(c) peer: Apprise " + apprise.version() + " to the same sink", figures, "reference", "—"));
    if (deliveries != null) {
      double best = apprise.bestPerSecond();
      double ratio = deliveries.burst().overallPerSecond() / Math.max(1e-9, best);
      rows.add(row("(c) deliveries/s ÷ best Apprise deliveries/s",
          String.format(Locale.ROOT, "%,.0f ÷ %,.0f = %.1f ×", deliveries.burst().overallPerSecond(), best, ratio),
          "≥ 15 × Apprise", met(best > 0 && ratio >= 15)));
    }
  }

  /** Each replica count's deliveries on PostgreSQL, and two replicas' against one's. */
  private void replicaRows(List<String> rows) {
    if (replicas == null) {
      return;
    }
    String commits = replicas.durability().durable() ? "durable commits" : "commits not durable";
    for (ReplicaScaling.Run run : replicas.runs()) {
      DeliveryBurst.Measured burst = run.burst();
      rows.add(row("(g) deliveries on local PostgreSQL (" + commits + "), " + run.replicas()
              + (run.replicas() == 1 ? " replica" : " replicas"),
          rate(burst.overallPerSecond(), "deliveries/s") + " (" + rate(burst.afterBurstPerSecond(), "/s")
              + " after the burst was accepted), intake " + rate(burst.intake().perSecond(), "events/s")
              + " (" + burst.arrived() + "/" + burst.planned() + " arrived)", "reference", "—"));
    }
    boolean complete = replicas.runs().stream().allMatch(run -> run.burst().complete());
    rows.add(row("(g) 2 replicas ÷ 1 replica, deliveries/s",
        String.format(Locale.ROOT, "%,.0f ÷ %,.0f = %.2f × (intake %.2f ×)", replicas.two().burst().overallPerSecond(),
            replicas.one().burst().overallPerSecond(), replicas.deliveriesRatio(), replicas.intakeRatio()),
        String.format(Locale.ROOT, "≥ %s × 1 replica", ReplicaScaling.TARGET_RATIO),
        met(complete && replicas.deliveriesRatio() >= ReplicaScaling.TARGET_RATIO)));
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  private static String rate(double perSecond, String unit) {
    return String.format(Locale.ROOT, "%,.0f %s", perSecond, unit);
  }

  private static String p99(LoadResult r) {
    return Durations.millis(r.micros(99)) + " ms";
  }

  private static String met(boolean ok) {
    return ok ? "yes" : "**no**";
  }
}
