package com.backordergateway.bench;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ListConnectorsResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scenario (e): launch the gateway process with an instance of every plugin, time launch to
 * health SERVING, stop it, several times over (each on a fresh database, so every start runs the
 * migrations); then start it once more and load it (SALE intake, deliveries to the sink) while
 * sampling its resident memory.
 */
final class StartupAndMemory {

  private static final long SAMPLE_MILLIS = 100;

  /**
   * @param startups launch-to-SERVING of each run
   * @param pluginsStarted plugins the gateway reported started (ListConnectors)
   * @param load the intake load applied while sampling
   * @param peakRssKib highest VmRSS sampled under load
   * @param hwmKib VmHWM (the kernel's own peak) at the end
   */
  record Outcome(List<Duration> startups, int pluginsStarted, int instancesStarted, LoadResult load, long peakRssKib,
      long hwmKib, long delivered) {

    Duration median() {
      List<Duration> sorted = startups.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }

    Duration max() {
      return startups.stream().max(Duration::compareTo).orElseThrow();
    }

    String line() {
      return String.format(Locale.ROOT,
          "(e) start-up                  median %d ms, max %d ms over %s; %d plugins, %d instances started%n"
              + "(e) RSS under load            peak VmRSS %d MiB, VmHWM %d MiB; %d deliveries arrived%n%s",
          median().toMillis(), max().toMillis(), startups.stream().map(d -> d.toMillis() + "").toList(), pluginsStarted,
          instancesStarted, peakRssKib / 1024, hwmKib / 1024, delivered, load.line().trim());
    }
  }

  private StartupAndMemory() {}

  static Outcome run(BenchSettings s) throws InterruptedException {
    List<Duration> startups = new ArrayList<>();
    try (DeliverySink sink = DeliverySink.start(4)) {
      for (int i = 0; i < s.startupRuns(); i++) {
        try (GatewayProcess gateway = launch(s, sink)) {
          startups.add(gateway.awaitServing());
        }
      }
      try (GatewayProcess gateway = launch(s, sink)) {
        gateway.awaitServing();
        return underLoad(s, sink, gateway, startups);
      }
    }
  }

  private static Outcome underLoad(BenchSettings s, DeliverySink sink, GatewayProcess gateway, List<Duration> startups) {
    IntakeRequests requests = new IntakeRequests();
    AtomicLong peak = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(gateway.statusKib("VmRSS"), Math::max), 0, SAMPLE_MILLIS,
        TimeUnit.MILLISECONDS);
    try (ClientPool clients = new ClientPool(gateway.port, s.channels())) {
      ListConnectorsResponse connectors = clients.admin().listConnectors(ListConnectorsRequest.getDefaultInstance());
      LoadGenerator<IntakeResponse> load = new LoadGenerator<>("(e) load on the process",
          (caller, seq, answer) -> clients.stub(caller).reportInventoryLevel(requests.sale(seq), answer));
      LongAdder planned = new LongAdder();
      LoadResult result = load.run(s.closedLoop(s.rssLoad()),
          (seq, start, answer) -> planned.add(answer.getPlannedDeliveriesCount()));
      sink.awaitReceived((int) planned.sum(), Duration.ofSeconds(60));
      sampler.shutdown();
      sampler.awaitTermination(1, TimeUnit.SECONDS);
      peak.accumulateAndGet(gateway.statusKib("VmRSS"), Math::max);
      return new Outcome(startups,
          (int) connectors.getPluginsList().stream().filter(p -> p.getState() == ConnectorState.CONNECTOR_STATE_STARTED).count(),
          (int) connectors.getInstancesList().stream().filter(p -> p.getState() == ConnectorState.CONNECTOR_STATE_STARTED).count(),
          result, peak.get(), gateway.statusKib("VmHWM"), sink.received());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      sampler.shutdownNow();
    }
  }

  private static GatewayProcess launch(BenchSettings s, DeliverySink sink) {
    Path folder = s.folder("process");
    int port = GatewayProcess.freePort();
    try {
      Files.createDirectories(folder);
      Path config = Files.writeString(folder.resolve("gateway.yaml"), GatewayYaml.of(folder,
          s.processPluginsDir().toAbsolutePath(), sink.url(), port, false, GatewayYaml.EVERY_PLUGIN_DRY_RUN));
      return GatewayProcess.launch(s.gatewayCommand(), config, port, folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
