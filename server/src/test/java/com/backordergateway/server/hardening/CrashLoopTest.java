package com.backordergateway.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.ListEventsResponse;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.server.plugins.TestPlugins;
import com.backordergateway.server.testing.GatewayProcess;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as a real process, killed with SIGKILL ten times at random points — while
 * callers send events, while deliveries flow, while a new build of its plugin is dropped in —
 * and started again each time on the same SQLite file. Afterwards nothing answered is lost:
 * every event whose call answered OK is stored with the deliveries it planned, every planned
 * delivery reached the platform and is DELIVERED, and a delivery reached it twice only when it
 * was in flight at a kill (the poster sends the delivery id, which the platform can deduplicate
 * by). Callers send idempotency keys and retry what failed at a kill once the gateway is back;
 * a call answered before the kill answers the same again, as a duplicate.
 *
 * <p>The kill points come from a seeded {@link Random}; the seed is printed, and
 * {@code -Dcrashloop.seed=...} runs the same schedule again.
 */
class CrashLoopTest {

  static final int CYCLES = 10;
  static final int CALLERS = 4;
  /** Calls per intake phase, at most: the kill usually comes first. */
  static final int INTAKE_CALLS = 240;
  /** Calls that queue deliveries before a dispatch or replace phase starts its kill timer. */
  static final int BACKLOG_CALLS = 100;
  static final int LANE_CONCURRENCY = 4;
  static final Duration PLATFORM_DELAY = Duration.ofMillis(15);
  static final int REPLAYS_PER_START = 5;
  static final List<String> REPLACEMENT_VERSIONS = List.of("1.1.0", "1.2.0", "1.3.0");

  enum Phase { INTAKE, DISPATCH, REPLACE }

  /** One request as the platform received it: which build of the plugin sent it, from which process. */
  record Sent(String deliveryId, String pluginVersion, long senderPid, long atNanos) {}

  @TempDir Path dir;
  @TempDir Path work;

  private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
  private final Map<Integer, IntakeResponse> answered = new ConcurrentHashMap<>();
  private final Queue<Integer> unanswered = new ConcurrentLinkedQueue<>();
  private final List<String> unexpected = new CopyOnWriteArrayList<>();
  /** The pids of the gateway processes, in the order they were started. */
  private final List<Long> pids = new ArrayList<>();
  private final AtomicInteger nextCall = new AtomicInteger();
  private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
  private final long began = System.nanoTime();
  private int recoveredAnswers;
  /** The kill points; a run with the same seed kills at the same points. */
  private Random schedule;
  /** Which answered calls are sent again after a restart. */
  private Random sampling;
  private Path config;
  private int grpcPort;
  /** The build of the poster last dropped into the plugins folder. */
  private String pluginVersion = "1.0.0";

  @Test
  void tenKillsLoseNothingAnswered() throws Exception {
    long seed = Long.getLong("crashloop.seed", System.nanoTime());
    System.out.println("crash loop seed: " + seed + " (rerun with -Dcrashloop.seed=" + seed + ")");
    schedule = new Random(seed);
    sampling = new Random(seed + 1);
    try (FakePlatform platform = FakePlatform.start()) {
      platform.answering(request -> {
        sent.add(new Sent(request.json().get("delivery_id").asText(), request.json().path("version").asText(),
            request.json().path("sender").asLong(), System.nanoTime()));
        return FakeResponse.json(201, "{}").delayedBy(PLATFORM_DELAY);
      });
      TestPlugins.poster(work).writeTo(dir.resolve("plugins/poster.jar"));
      List<Path> replacements = new ArrayList<>();
      for (String version : REPLACEMENT_VERSIONS) {
        replacements.add(TestPlugins.poster(work, version).writeTo(work.resolve("poster-" + version + ".jar")));
      }
      grpcPort = GatewayProcess.freePort();
      config = GatewayProcess.writeConfig(dir, grpcPort, GatewayProcess.freePort(), "loop.db", true, """
          delivery: {lease: 2s, workers: 8}
          connectors:
            - {id: poster, type: poster, max-concurrency: %d, settings: {url: "%s"}}
          routes:
            - {name: everyone, send: [poster]}
          """.formatted(LANE_CONCURRENCY, platform.url("/deliveries")));

      for (int cycle = 0; cycle < CYCLES; cycle++) {
        Phase phase = Phase.values()[cycle % Phase.values().length];
        int replacement = cycle / Phase.values().length;
        killDuring(cycle, phase, () -> {
          copyThenRename(replacements.get(replacement), dir.resolve("plugins/poster.jar"));
          pluginVersion = REPLACEMENT_VERSIONS.get(replacement);
        });
      }
      try {
        startAndCheckEverything();
        // A database left locked or damaged by a kill, or a claim or outcome that failed and
        // was retried, shows here even when the retry made up for it.
        try (Stream<String> log = Files.lines(dir.resolve("gateway.log"))) {
          assertThat(log.filter(line -> line.contains(" ERROR ")).toList()).as("errors the gateway logged").isEmpty();
        }
      } finally {
        callers.shutdownNow();
      }
    }
  }

  /** Something a phase does at a random point before the kill. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  /**
   * One cycle: start, catch up, then run the phase and kill the process after a random delay:
   * while callers send, while the backlog flows, or shortly after {@code replace} drops a new
   * plugin build in.
   */
  private void killDuring(int cycle, Phase phase, Step replace) throws Exception {
    long starting = System.nanoTime();
    GatewayProcess gateway = start();
    ManagedChannel channel = channel(grpcPort);
    try {
      afterStart(channel);
      long upMillis = (System.nanoTime() - starting) / 1_000_000;
      int answeredBefore = answered.size();
      if (phase != Phase.INTAKE) {
        awaitAll(intake(channel, BACKLOG_CALLS));
      }
      long killAfter = 150 + schedule.nextInt(1350);
      List<Future<?>> running = List.of();
      switch (phase) {
        case INTAKE -> {
          running = intake(channel, INTAKE_CALLS);
          Thread.sleep(killAfter);
        }
        case DISPATCH -> Thread.sleep(killAfter);
        case REPLACE -> {
          long replaceAfter = schedule.nextInt((int) killAfter);
          Thread.sleep(replaceAfter);
          replace.run();
          Thread.sleep(killAfter - replaceAfter);
        }
      }
      gateway.kill();
      awaitAll(running);
      System.out.printf("cycle %d %s: up in %d ms, killed pid %d after %d ms; %d calls answered, %d unanswered;"
              + " requests by plugin build %s%n", cycle + 1, phase, upMillis, gateway.pid(), killAfter,
          answered.size() - answeredBefore, unanswered.size(), sentBy(gateway.pid()));
    } finally {
      channel.shutdownNow();
      gateway.kill();
    }
  }

  /** After the last kill: everything answered is stored, and delivered, and repeats are explained. */
  private void startAndCheckEverything() throws Exception {
    GatewayProcess last = start();
    ManagedChannel channel = channel(grpcPort);
    try {
      afterStart(channel);
      Set<String> planned = answered.values().stream()
          .flatMap(r -> r.getPlannedDeliveriesList().stream()).map(Delivery::getId).collect(Collectors.toSet());
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
          .until(() -> sentIds().containsAll(planned));
      // A delivery the platform answered just before a kill is claimed again once its lease expires.
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> GatewayProcess.statuses(channel).keySet().equals(Set.of(DeliveryStatus.DELIVERY_STATUS_DELIVERED)));

      assertThat(unexpected).as("calls that failed other than by the gateway going away").isEmpty();
      assertEveryAnsweredEventIsStored(channel);
      List<Delivery> stored = GatewayProcess.deliveries(channel);
      assertThat(stored).extracting(Delivery::getId).as("every stored delivery was answered to a caller")
          .containsExactlyInAnyOrderElementsOf(planned);
      assertThat(stored).allMatch(d -> d.getStatus() == DeliveryStatus.DELIVERY_STATUS_DELIVERED);
      int[] repeatsPerKill = repeatsPerKill();
      assertThat(Arrays.stream(repeatsPerKill).max().orElse(0))
          .as("repeats per kill: at most what one lane has in flight").isLessThanOrEqualTo(LANE_CONCURRENCY);
      assertThat(sent).as("after the last restart the newest plugin build delivers")
          .filteredOn(s -> s.senderPid() == last.pid())
          .extracting(Sent::pluginVersion).containsOnly(pluginVersion);

      System.out.printf("crash loop: %d cycles, %d events accepted (%d answers recovered by retry), %d deliveries,"
              + " %d requests, %d repeats (per kill %s), %.1f s%n", CYCLES, answered.size(), recoveredAnswers,
          planned.size(), sent.size(), sent.size() - planned.size(), Arrays.toString(repeatsPerKill),
          (System.nanoTime() - began) / 1e9);
    } finally {
      channel.shutdownNow();
      last.close();
    }
  }

  private GatewayProcess start() throws Exception {
    GatewayProcess gateway = GatewayProcess.start(dir, config);
    pids.add(gateway.pid());
    return gateway;
  }

  private static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  private static BackorderServiceGrpc.BackorderServiceBlockingStub backorder(ManagedChannel channel) {
    return BackorderServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestGateway.bearer(TestGateway.ALL_SCOPES_TOKEN));
  }

  /**
   * Once SERVING: the plugin last dropped in serves; calls the kill left unanswered are sent
   * again with the same key; a few answered ones too, which must answer the same as before.
   */
  private void afterStart(ManagedChannel channel) {
    GatewayProcess.awaitServing(channel);
    var admin = AdminServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestGateway.bearer(TestGateway.ALL_SCOPES_TOKEN));
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
      var connectors = admin.withDeadlineAfter(5, TimeUnit.SECONDS).listConnectors(ListConnectorsRequest.getDefaultInstance());
      assertThat(connectors.getPluginsList()).singleElement().satisfies(p -> {
        assertThat(p.getVersion()).isEqualTo(pluginVersion);
        assertThat(p.getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED);
      });
      assertThat(connectors.getInstancesList()).singleElement()
          .satisfies(i -> assertThat(i.getState()).isEqualTo(ConnectorState.CONNECTOR_STATE_STARTED));
    });

    var stub = backorder(channel);
    List<Integer> before = new ArrayList<>(answered.keySet());
    for (Integer n; (n = unanswered.poll()) != null; ) {
      IntakeResponse answer = send(stub, n);
      if (answer.getDuplicate()) {
        recoveredAnswers++; // committed before the kill; its answer was lost with the connection
      }
      answered.put(n, answer);
    }
    for (int i = 0; i < REPLAYS_PER_START && !before.isEmpty(); i++) {
      int n = before.get(sampling.nextInt(before.size()));
      IntakeResponse again = send(stub, n);
      assertThat(again.getDuplicate()).as("call %d sent again", n).isTrue();
      assertThat(again.getEventId()).isEqualTo(answered.get(n).getEventId());
      assertThat(deliveryIds(again.getPlannedDeliveriesList())).isEqualTo(deliveryIds(answered.get(n).getPlannedDeliveriesList()));
    }
  }

  /** {@code calls} new calls spread over the callers, each stopping at its first failure. */
  private List<Future<?>> intake(ManagedChannel channel, int calls) {
    int end = nextCall.get() + calls;
    var stub = backorder(channel);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CALLERS; c++) {
      running.add(callers.submit(() -> {
        for (int n = nextCall.getAndIncrement(); n < end; n = nextCall.getAndIncrement()) {
          try {
            IntakeResponse answer = send(stub, n);
            if (answer.getDuplicate()) {
              unexpected.add("call " + n + " answered as a duplicate the first time");
            }
            answered.put(n, answer);
          } catch (StatusRuntimeException e) {
            unanswered.add(n);
            if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
              unexpected.add("call " + n + ": " + e.getStatus());
            }
            return; // the gateway is gone
          }
        }
      }));
    }
    return running;
  }

  private static void awaitAll(List<Future<?>> running) throws Exception {
    for (Future<?> f : running) {
      f.get(60, TimeUnit.SECONDS);
    }
  }

  /**
   * The {@code n}-th call of the run, built the same way every time so that a retry is the same
   * request: a sale taking a SKU of its own to zero, or every third one a SKU marked
   * unavailable with two open orders.
   */
  private static IntakeResponse send(BackorderServiceGrpc.BackorderServiceBlockingStub stub, int n) {
    var deadline = stub.withDeadlineAfter(10, TimeUnit.SECONDS);
    String key = "crash-loop-" + n;
    if (n % 3 == 2) {
      return deadline.markUnavailable(MarkUnavailableRequest.newBuilder()
          .setSku("LOOP-" + n).setReason("water damage").setActor("warehouse")
          .addAffectedOrders(Requests.order("MU-" + n + "-A")).addAffectedOrders(Requests.order("MU-" + n + "-B"))
          .setIdempotencyKey(key).build());
    }
    return deadline.reportInventoryLevel(Requests.sale("LOOP-" + n, 0, "O-" + n).toBuilder().setIdempotencyKey(key).build());
  }

  /** Copies {@code jar} next to the running one under a hidden name, then renames it over it. */
  private static void copyThenRename(Path jar, Path running) throws Exception {
    Path staged = running.resolveSibling("." + running.getFileName() + ".tmp");
    Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
    Files.move(staged, running, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private void assertEveryAnsweredEventIsStored(ManagedChannel channel) {
    Map<String, Event> events = new HashMap<>();
    String token = "";
    do {
      ListEventsResponse page = backorder(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .listEvents(ListEventsRequest.newBuilder().setPageSize(500).setPageToken(token).build());
      page.getEventsList().forEach(e -> events.put(e.getId(), e));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    answered.forEach((n, answer) -> {
      assertThat(events).as("event of call %d", n).containsKey(answer.getEventId());
      assertThat(deliveryIds(events.get(answer.getEventId()).getDeliveriesList()))
          .as("deliveries of call %d", n).isEqualTo(deliveryIds(answer.getPlannedDeliveriesList()));
    });
    assertThat(events).as("no event nobody was answered for").hasSameSizeAs(answered);
  }

  private static Set<String> deliveryIds(Collection<Delivery> deliveries) {
    return deliveries.stream().map(Delivery::getId).collect(Collectors.toSet());
  }

  /** How many requests the process sent, by plugin build. */
  private Map<String, Long> sentBy(long pid) {
    return new TreeMap<>(sent.stream().filter(s -> s.senderPid() == pid)
        .collect(Collectors.groupingBy(Sent::pluginVersion, Collectors.counting())));
  }

  private Set<String> sentIds() {
    return sent.stream().map(Sent::deliveryId).collect(Collectors.toSet());
  }

  /**
   * Ties every repeated request to the kill of the process that sent it first (the sender's pid
   * is in the request: the platform may read a request written just before a kill only after
   * it): a delivery sent again by the same process fails the test. Returns how many repeats
   * each kill caused.
   */
  private int[] repeatsPerKill() {
    int[] perKill = new int[CYCLES];
    List<String> unexplained = new ArrayList<>();
    Map<String, List<Sent>> byDelivery = sent.stream().collect(Collectors.groupingBy(Sent::deliveryId));
    byDelivery.forEach((id, sends) -> {
      sends.sort(Comparator.comparingLong(Sent::atNanos));
      for (int i = 1; i < sends.size(); i++) {
        long first = sends.get(i - 1).senderPid();
        if (first == sends.get(i).senderPid()) {
          unexplained.add(id + ": " + sends.stream().map(this::describe).collect(Collectors.joining(", ")));
        } else {
          perKill[pids.indexOf(first)]++;
        }
      }
    });
    assertThat(unexplained).as("deliveries sent twice by one process").isEmpty();
    return perKill;
  }

  private String describe(Sent s) {
    return String.format("by %s in process %d at %.3f s", s.pluginVersion(), pids.indexOf(s.senderPid()) + 1,
        (s.atNanos() - began) / 1e9);
  }
}
