package com.backordergateway.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every scenario needs to know, from the command line (or the smoke test's tiny numbers).
 *
 * @param workDir scratch folder: one sub-folder (SQLite file, config) per gateway started
 * @param pluginsDir plugins folder holding at least the webhook plugin
 * @param callers closed loop: concurrent callers; open loop: how calls spread over channels
 * @param inFlight closed loop: calls each caller keeps outstanding
 * @param channels HTTP/2 connections the callers share
 * @param duration measured time of each closed-loop run
 * @param warmup unmeasured run before each measurement (zero: none)
 * @param burstEvents events fired at once in the deliveries/s scenario
 * @param eventsPerSecond open-loop rate of the intake-to-delivered scenario
 * @param latencyDuration measured time of the intake-to-delivered scenario
 * @param startupRuns how often the gateway process is started and timed
 * @param rssLoad how long the gateway process is loaded while its RSS is sampled
 * @param gatewayCommand how to launch the gateway process, without {@code --config}
 * @param processPluginsDir plugins folder of the gateway process (every plugin, in the distribution)
 * @param python the Python that runs the Apprise peer (one that can {@code import apprise})
 */
public record BenchSettings(
    Path workDir, Path pluginsDir, int callers, int inFlight, int channels, Duration duration, Duration warmup,
    int burstEvents, double eventsPerSecond, Duration latencyDuration, int startupRuns, Duration rssLoad,
    List<String> gatewayCommand, Path processPluginsDir, String python) {

  LoadPlan closedLoop(Duration d) {
    return LoadPlan.closed(callers, inFlight, d);
  }

  boolean warms() {
    return !warmup.isZero();
  }

  /** A fresh sub-folder of the work folder for one gateway. */
  Path folder(String name) {
    return workDir.resolve(name + "-" + System.nanoTime());
  }
}
