package com.backordergateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the DESIGN §12 benchmark scenarios and prints each result as it comes, then a Markdown
 * table of figures and targets. Everything runs on loopback; every loop is bounded by time or count.
 */
@Command(name = "backorder-bench", mixinStandardHelpOptions = true,
    description = "Benchmarks the Backorder Gateway: echo ceiling, intake, deliveries/s (and Apprise's, for the ratio),"
        + " latency, start-up and RSS; on request, deliveries/s with 1 and 2 replicas on PostgreSQL.")
public final class Bench implements Callable<Integer> {

  /** Scenario names; {@code intake} is both {@code intake-sale} and {@code intake-count}. */
  static final Set<String> SCENARIOS =
      Set.of("echo", "intake", "intake-sale", "intake-count", "deliveries", "apprise", "latency", "isolation", "startup",
          "pg");

  @Option(names = "--scenarios", split = ",", defaultValue = "echo,intake,deliveries,apprise,latency,isolation,startup",
      description = "Which to run, comma-separated: ${DEFAULT-VALUE}; intake-sale or intake-count run half of intake;"
          + " pg (not by default: a few minutes more) runs the deliveries burst on PostgreSQL with 1 and 2 replicas.")
  List<String> scenarios;

  @Option(names = "--duration", defaultValue = "20s", description = "Measured time of each closed-loop run (${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--warmup", defaultValue = "5s", description = "Unmeasured run before each measurement; 0s for none (${DEFAULT-VALUE}).")
  String warmup;

  @Option(names = "--callers", defaultValue = "32", description = "Concurrent callers (${DEFAULT-VALUE}).")
  int callers;

  @Option(names = "--in-flight", defaultValue = "4", description = "Closed loop: calls each caller keeps outstanding (${DEFAULT-VALUE}).")
  int inFlight;

  @Option(names = "--channels", defaultValue = "2", description = "HTTP/2 connections the callers share (${DEFAULT-VALUE}).")
  int channels;

  @Option(names = "--burst", defaultValue = "10000", description = "Events fired for deliveries/s, 2 deliveries each (${DEFAULT-VALUE}).")
  int burst;

  @Option(names = "--rate", defaultValue = "500", description = "Open-loop events/s for intake->delivered (${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--latency-duration", defaultValue = "20s", description = "Measured time of the open-loop run (${DEFAULT-VALUE}).")
  String latencyDuration;

  @Option(names = "--startup-runs", defaultValue = "5", description = "Timed process starts (${DEFAULT-VALUE}).")
  int startupRuns;

  @Option(names = "--rss-load", defaultValue = "20s", description = "Load on the process while sampling RSS (${DEFAULT-VALUE}).")
  String rssLoad;

  @Option(names = "--distribution", defaultValue = "distribution/target/backorder-gateway",
      description = "Built distribution: backorder-server.jar, lib/, plugins/ (${DEFAULT-VALUE}); without it the"
          + " process runs from this class path with the bench plugins folder.")
  Path distribution;

  @Option(names = "--gateway-jvm-args", split = " ", defaultValue = "-XX:+UseSerialGC -Xmx128m -XX:ReservedCodeCacheSize=48m",
      description = "JVM options for the gateway process: as the README starts it (${DEFAULT-VALUE}); \"\" for the JVM's defaults.")
  List<String> gatewayJvmArgs = new ArrayList<>();

  @Option(names = "--python", defaultValue = "/usr/bin/python3",
      description = "Python with the apprise module, for the apprise scenario (${DEFAULT-VALUE}: Debian's, where the"
          + " apprise package installs it); without it the scenario is skipped.")
  String python;

  @Option(names = "--plugins-dir", description = "Folder with the webhook plugin (default: bench-plugins beside the bench jar).")
  Path pluginsDir;

  @Option(names = "--work-dir", description = "Scratch folder (default: a new temporary folder, deleted at the end).")
  Path workDir;

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "bench-logback.xml");
    }
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (!SCENARIOS.containsAll(scenarios)) {
      System.err.println("--scenarios: choose from " + SCENARIOS);
      return 2;
    }
    boolean temporary = workDir == null;
    Path work = temporary ? Files.createTempDirectory("backorder-bench") : Files.createDirectories(workDir);
    try {
      Summary summary = run(settings(work), Set.copyOf(scenarios));
      System.out.println();
      System.out.println(summary.markdown());
      return 0;
    } finally {
      if (temporary) {
        deleteTree(work);
      }
    }
  }

  private BenchSettings settings(Path work) {
    Path plugins = pluginsDir != null ? pluginsDir : besideJar("bench-plugins");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(gatewayJvmArgs.stream().filter(a -> !a.isBlank()).toList());
    Path processPlugins;
    Path jar = distribution.resolve("backorder-server.jar");
    if (Files.isRegularFile(jar)) {
      command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
      processPlugins = distribution.resolve("plugins");
    } else {
      // The start-up scenario configures every connector; only the distribution has all their plugins.
      processPlugins = Files.isDirectory(distribution.resolve("plugins")) ? distribution.resolve("plugins") : plugins;
      System.out.println("note: no " + jar + "; the gateway process runs from this class path with " + processPlugins);
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.backordergateway.server.Main"));
    }
    return new BenchSettings(work, plugins, callers, inFlight, channels, Durations.parse(duration),
        Durations.parse(warmup), burst, rate, Durations.parse(latencyDuration), startupRuns, Durations.parse(rssLoad),
        command, processPlugins, python);
  }

  /** Runs the chosen scenarios in a fixed order, printing each result as it comes. */
  static Summary run(BenchSettings s, Set<String> chosen) throws InterruptedException {
    Summary summary = new Summary();
    summary.eventsPerSecond = s.eventsPerSecond();
    System.out.printf(Locale.ROOT, "%d cores; %d callers x %d in flight over %d channels; warm-up %s%n",
        Runtime.getRuntime().availableProcessors(), s.callers(), s.inFlight(), s.channels(), Durations.text(s.warmup()));
    if (chosen.contains("echo")) {
      summary.echo = print(EchoCeiling.run(s));
    }
    if (chosen.contains("intake") || chosen.contains("intake-sale")) {
      summary.sales = IntakeThroughput.sales(s);
      System.out.println(summary.sales.line());
    }
    if (chosen.contains("intake") || chosen.contains("intake-count")) {
      summary.counts = IntakeThroughput.counts(s);
      System.out.println(summary.counts.line());
    }
    if (chosen.contains("deliveries")) {
      summary.deliveries = DeliveryThroughput.run(s);
      System.out.println(summary.deliveries.line());
    }
    if (chosen.contains("apprise")) {
      summary.apprise = ApprisePeer.run(s);
      System.out.println(summary.apprise.line());
    }
    if (chosen.contains("latency")) {
      summary.latency = IntakeToDelivered.run(s);
      System.out.println(summary.latency.line());
      print(summary.latency.intake());
    }
    if (chosen.contains("isolation")) {
      summary.isolation = BacklogIsolation.run(s);
      System.out.println(summary.isolation.line());
    }
    if (chosen.contains("startup")) {
      summary.startup = StartupAndMemory.run(s);
      System.out.println(summary.startup.line());
    }
    if (chosen.contains("pg")) {
      summary.replicas = ReplicaScaling.run(s);
      System.out.println(summary.replicas.line());
    }
    return summary;
  }

  private static LoadResult print(LoadResult r) {
    System.out.println(r.line());
    return r;
  }

  private static Path besideJar(String name) {
    try {
      Path code = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getParent().resolve(name);
    } catch (java.net.URISyntaxException e) {
      return Path.of(name);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
