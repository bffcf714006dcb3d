package com.backordergateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario (c), peer: the issue measures the gateway's deliveries/s against Apprise, the library
 * a team would otherwise script notifications with, in the same run and on the same kind of
 * sink. A Python driver (the {@code apprise_peer.py} resource, run by {@code --python}) holds one
 * {@code Apprise} object with T {@code json://} targets on a {@link DeliverySink}'s peer path and
 * calls {@code notify} in a closed loop for the measured time, after a warm-up; the deliveries
 * are the POSTs the sink counted, over the time from the start of the measurement to the last
 * of them. Once with 1 target and once with 5: Apprise 1.x sends to the targets of one notify
 * concurrently (asyncio, each target's blocking POST on an executor thread), so 5 shows what
 * that buys. Without Apprise the scenario is skipped, never failed.
 */
final class ApprisePeer {

  static final List<Integer> TARGETS = List.of(1, 5);
  static final String NOT_INSTALLED = "apprise not installed (apt-get install apprise)";
  private static final String DRIVER = "apprise_peer.py";
  /** Python start-up and import, beyond the warm-up and the measured time. */
  private static final Duration START_LIMIT = Duration.ofSeconds(60);
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\\s*(?:\"([^\"]*)\"|([-+0-9.eE]+))");

  /**
   * @param notifications notify calls the driver made in the measured time
   * @param failures those that reported a failed target
   * @param deliveries POSTs the sink received in the measured time
   * @param seconds from the start of the measurement to the last of those POSTs
   */
  record Run(int targets, long notifications, long failures, long deliveries, double seconds, double perSecond) {
    String text() {
      return String.format(Locale.ROOT, "%d target%s %.0f deliveries/s (%d POSTs from %d notifications, %d failed,"
          + " in %.2f s)", targets, targets == 1 ? "" : "s", perSecond, deliveries, notifications, failures, seconds);
    }
  }

  /** @param skipped why Apprise did not run, or null when it did */
  record Outcome(String version, List<Run> runs, String skipped) {
    static Outcome skipped(String why) {
      return new Outcome(null, List.of(), why);
    }

    boolean ran() {
      return skipped == null;
    }

    double bestPerSecond() {
      return runs.stream().mapToDouble(Run::perSecond).max().orElse(0);
    }

    String line() {
      if (!ran()) {
        return "(c) apprise peer              skipped: " + skipped;
      }
      List<String> parts = runs.stream().map(Run::text).toList();
      return String.format(Locale.ROOT, "(c) apprise peer              %9.0f deliveries/s best; Apprise %s to the same sink: %s",
          bestPerSecond(), version, String.join("; ", parts));
    }
  }

  private ApprisePeer() {}

  static Outcome run(BenchSettings s) throws InterruptedException {
    String version = version(s.python());
    if (version == null) {
      return Outcome.skipped(NOT_INSTALLED);
    }
    Path folder = s.folder("apprise");
    Path driver = folder.resolve(DRIVER);
    try (InputStream script = ApprisePeer.class.getResourceAsStream("/" + DRIVER)) {
      Files.createDirectories(folder);
      Files.copy(script, driver, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + driver, e);
    }
    List<Run> runs = new ArrayList<>();
    try (DeliverySink sink = DeliverySink.start(4)) {
      for (int targets : TARGETS) {
        runs.add(measure(s, driver, sink, targets));
      }
    }
    return new Outcome(version, runs, null);
  }

  /** The version Apprise reports under {@code python}, or null when it cannot be imported there. */
  static String version(String python) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(python, "-c", "import apprise; print(apprise.__version__)")
          .redirectErrorStream(true).start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return null;
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return process.exitValue() == 0 && !out.isEmpty() ? out : null;
    } catch (IOException noSuchPython) {
      return null;
    }
  }

  /**
   * One driver process: it warms up and says so, the sink's peer count starts afresh, the driver
   * is told to go, and its last line comes after its last notify returned, so after its last POST.
   */
  private static Run measure(BenchSettings s, Path driver, DeliverySink sink, int targets) throws InterruptedException {
    Path log = driver.resolveSibling("apprise-" + targets + "-targets.log");
    List<String> command = List.of(s.python(), driver.toString(), "--sink", sink.peerUrl(),
        "--targets", Integer.toString(targets), "--seconds", seconds(s.duration()), "--warmup", seconds(s.warmup()));
    Duration limit = s.warmup().plus(s.duration()).plus(START_LIMIT);
    Process process;
    try {
      process = new ProcessBuilder(command).directory(driver.getParent().toFile())
          .redirectError(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    CompletableFuture<Void> watchdog = CompletableFuture.runAsync(process::destroyForcibly,
        CompletableFuture.delayedExecutor(limit.toNanos(), TimeUnit.NANOSECONDS));
    try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
        Writer in = process.outputWriter(StandardCharsets.UTF_8)) {
      awaitPhase(out, "warmed", targets, limit, log);
      sink.resetPeer();
      long mark = System.nanoTime();
      in.write("go\n");
      in.flush();
      String done = awaitPhase(out, "done", targets, limit, log);
      DeliverySink.PeerArrivals arrivals = sink.peerArrivals();
      double seconds = arrivals.count() == 0 ? Double.parseDouble(field(done, "seconds"))
          : (arrivals.lastNanos() - mark) / 1e9;
      return new Run(targets, Long.parseLong(field(done, "notifications")), Long.parseLong(field(done, "failures")),
          arrivals.count(), seconds, arrivals.count() / Math.max(1e-9, seconds));
    } catch (IOException e) {
      throw new UncheckedIOException("the Apprise driver with " + targets + " targets failed:\n" + tail(log), e);
    } finally {
      watchdog.cancel(false);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** The driver's next line of {@code phase}; its other output goes to the log. */
  private static String awaitPhase(BufferedReader out, String phase, int targets, Duration limit, Path log)
      throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (phase.equals(field(line, "phase"))) {
        return line;
      }
    }
    throw new IllegalStateException("the Apprise driver with " + targets + " targets ended (or passed "
        + Durations.text(limit) + ") before \"" + phase + "\":\n" + tail(log));
  }

  /** A string or number field of the driver's one-line JSON, or null. */
  static String field(String json, String name) {
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2) != null ? m.group(2) : m.group(3);
      }
    }
    return null;
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
