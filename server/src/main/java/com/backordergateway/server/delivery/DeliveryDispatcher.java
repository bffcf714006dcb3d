package com.backordergateway.server.delivery;

import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.server.cluster.ReplicaRegistry;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.errors.StoreCannotWriteException;
import com.backordergateway.server.plugins.ConnectorInstances;
import com.backordergateway.server.routing.FallbackPlanner;
import com.backordergateway.server.routing.RoutePlanner;
import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.DeliveryWakeups;
import com.backordergateway.server.store.DeliveryClaims;
import com.backordergateway.server.store.GroupCommitWriter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims due deliveries under a lease, queues each in its connector
 * instance's lane, and records the outcome of each attempt. Claims and outcomes are conditional
 * database updates, so any number of gateway replicas can dispatch from one database, and a
 * crashed node's deliveries are claimed again once its leases expire. At least once to the
 * platform; the delivery id is the platform's idempotency key where it has one.
 *
 * <p>With replicas sharing a PostgreSQL store, claims skip rows another replica has locked, each
 * connector instance's rate limit is split among the live replicas (the limit is the platform
 * account's), and a joining replica waits until the others have shrunk their share. Circuit
 * breakers stay per replica: each learns for itself that a platform is down, within N failures.
 */
@Singleton
public final class DeliveryDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
  /** How often to look for retries falling due when nothing wakes the dispatcher. */
  static final long POLL_MILLIS = 250;

  private final GatewayConfig config;
  private final ConnectorInstances instances;
  private final GroupCommitWriter writer;
  private final DeliveryWakeups wakeups;
  private final Clock clock;
  private final String owner;
  private final ReplicaRegistry replicas;
  private final DeliveryAttempt attempts;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final Map<String, InstanceLane> lanes = new ConcurrentHashMap<>();
  private final RoutePlanner routes;
  /** The configured instance ids: claims are made per instance, for what its lane has room for. */
  private final List<String> configured;
  /** Deliveries of connector ids an earlier config had are settled once, at start. */
  private volatile boolean unconfiguredSettled;
  /** Ids handed to lanes whose outcome is not committed yet. */
  private final Set<String> attempting = ConcurrentHashMap.newKeySet();
  private volatile boolean running;
  private Thread loop;

  @Inject
  public DeliveryDispatcher(GatewayConfig config, ConnectorInstances instances, GroupCommitWriter writer,
      Database database, FallbackPlanner fallbacks, RoutePlanner routes, DeliveryWakeups wakeups, DeliveryMetrics metrics,
      Clock clock, ReplicaRegistry replicas) {
    this.config = config;
    this.instances = instances;
    this.writer = writer;
    this.wakeups = wakeups;
    this.clock = clock;
    this.routes = routes;
    this.configured = config.connectors().stream().map(GatewayConfig.Connector::id).toList();
    this.replicas = replicas;
    this.owner = replicas.owner();
    GatewayConfig.Delivery engine = config.delivery();
    this.attempts = new DeliveryAttempt(instances, writer, database, fallbacks, routes,
        new RetryPolicy(engine, () -> ThreadLocalRandom.current().nextDouble()), metrics, clock, owner, engine.lease(),
        engine.unavailableRecheck());
    AtomicInteger n = new AtomicInteger();
    // Connector calls block on the platform's answer; the pool bounds how many run at once
    // across all instances, each lane bounds its own.
    this.workers = Executors.newFixedThreadPool(engine.workers(), r -> {
      Thread t = new Thread(r, "delivery-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "delivery-pacing");
      t.setDaemon(true);
      return t;
    });
  }

  public synchronized void start() {
    running = true;
    loop = new Thread(this::loop, "delivery-dispatcher");
    loop.setDaemon(true);
    loop.start();
  }

  /** The breaker of one instance, for status and tests. */
  public CircuitBreaker breaker(String instanceId) {
    return lane(instanceId).breaker();
  }

  /** This replica's pace for one instance: its share of the platform account's rate limit. */
  public RateLimit pace(String instanceId) {
    return lane(instanceId).pace();
  }

  /** Claims once now; returns how many deliveries it handed to lanes (tests drive it directly). */
  public int dispatchOnce() {
    Map<String, Integer> room = new LinkedHashMap<>();
    for (String id : configured) {
      int free = lane(id).room();
      if (free > 0) {
        room.put(id, free);
      }
    }
    boolean settleUnconfigured = !unconfiguredSettled;
    if (room.isEmpty() && !settleUnconfigured) {
      return 0;
    }
    Instant now = clock.instant();
    Instant leaseUntil = now.plus(config.delivery().lease());
    List<DeliveryClaims.Claimed> claimed = writer.submit(h -> {
      List<DeliveryClaims.Claimed> taken = new ArrayList<>(DeliveryClaims.claim(h, owner, now, leaseUntil, room));
      if (settleUnconfigured) {
        taken.addAll(DeliveryClaims.claimUnconfigured(h, configured, owner, now, leaseUntil,
            config.delivery().batchSize()));
      }
      return taken;
    }).join();
    if (settleUnconfigured && claimed.stream().allMatch(c -> configured.contains(c.delivery().getConnector()))) {
      unconfiguredSettled = true; // none left from an earlier config; routes plan only configured ones
    }
    // Alerts of one coalescing route claimed together make one digest; anything else goes alone.
    Map<String, List<DeliveryClaims.Claimed>> units = new LinkedHashMap<>();
    for (DeliveryClaims.Claimed c : claimed) {
      var d = c.delivery();
      if (!attempting.add(d.getId())) {
        // Its lease ran out while this node still waits for the platform (slower than the lease,
        // or a plugin swap holding the call): the claim only renewed the lease; never send it twice.
        continue;
      }
      String key = DeliveryAttempt.coalesces(routes, d) ? d.getConnector() + "\n" + d.getRoute() : d.getId();
      units.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    units.values().forEach(unit -> lane(unit.get(0).delivery().getConnector()).offer(unit));
    return claimed.size();
  }

  private void loop() {
    try {
      replicas.awaitSettled();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    while (running) {
      try {
        if (dispatchOnce() == 0) {
          wakeups.await(POLL_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!StoreCannotWriteException.isCause(e)) {
          log.error("claiming deliveries failed; retrying", e);
        }
        sleepQuietly();
      }
    }
  }

  private InstanceLane lane(String instanceId) {
    return lanes.computeIfAbsent(instanceId, id -> {
      GatewayConfig.Connector connector = config.connectors().stream().filter(c -> c.id().equals(id)).findFirst()
          .orElseGet(() -> new GatewayConfig.Connector(id, "", null, null, null, null, null, null, null, null, null));
      InstanceLane.Instance instance = new InstanceLane.Instance() {
        @Override
        public RateLimit defaultRate() {
          return instances.exists(id) ? instances.defaultRateLimit(id).orElse(InstanceLane.FALLBACK_RATE)
              : InstanceLane.FALLBACK_RATE;
        }

        @Override
        public boolean serving() {
          return instances.exists(id) && instances.isServing(id);
        }
      };
      return new InstanceLane(connector, config.delivery(), instance, clock, workers, timer, wakeups::signal,
          this::attempt, replicas::live);
    });
  }

  /**
   * Calls the platform on this worker; the future completes once the outcome is committed. Never
   * throws: the lane and {@link #attempting} both rely on the future to give their place back.
   */
  private CompletableFuture<?> attempt(List<DeliveryClaims.Claimed> unit) {
    CompletableFuture<?> recorded;
    try {
      recorded = attempts.run(unit, lane(unit.get(0).delivery().getConnector()).breaker());
    } catch (RuntimeException | Error e) {
      recorded = CompletableFuture.failedFuture(e);
    }
    return recorded.whenComplete((ok, error) -> {
      // After the outcome's commit: from now on a claim finds the delivery in its new state.
      unit.forEach(c -> attempting.remove(c.delivery().getId()));
      if (error != null && !StoreCannotWriteException.isCause(error)) { // a store outage is logged once, by the store
        log.error("recording the outcome of delivery {} failed; its lease will expire and it is claimed again",
            unit.get(0).delivery().getId(), error);
      }
    });
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops claiming, hands back what was claimed but not started, and lets attempts in progress
   * finish (their outcomes are recorded before the store closes).
   */
  @Override
  public void close() {
    running = false;
    Thread current;
    synchronized (this) {
      current = loop;
    }
    if (current != null) {
      current.interrupt();
      try {
        current.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    timer.shutdownNow();
    Instant now = clock.instant();
    for (InstanceLane lane : lanes.values()) {
      for (DeliveryClaims.Claimed c : lane.drainQueued()) {
        writer.submit(h -> DeliveryClaims.retryLater(h, c.delivery().getId(), owner, c.delivery().getAttempts(), now,
            "handed back: gateway stopping", now));
      }
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
