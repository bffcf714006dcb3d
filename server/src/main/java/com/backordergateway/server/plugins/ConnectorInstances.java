package com.backordergateway.server.plugins;

import com.backordergateway.api.v1.ConnectorInstance;
import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.server.GatewayVersion;
import com.backordergateway.server.config.ConnectorMode;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Secrets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured connector instances, each bound to the plugin that serves its type when one
 * is loaded. Deliveries go through {@link #deliver}; the plugin lifecycle binds and unbinds
 * sessions through {@link #bind} and {@link #drain}.
 */
@Singleton
public final class ConnectorInstances {

  private static final Logger log = LoggerFactory.getLogger(ConnectorInstances.class);

  private final Map<String, InstanceSlot> slots = new LinkedHashMap<>();
  private final HttpClient http = HostPlatformHttp.newSharedClient();
  private final Clock clock;
  private final ConnectorHttpMetrics metrics;
  private final List<BiConsumer<String, Boolean>> servingListeners = new CopyOnWriteArrayList<>();
  private final RoutedAudiences audiences;

  @Inject
  public ConnectorInstances(GatewayConfig config, Clock clock, ConnectorHttpMetrics metrics) {
    this.clock = clock;
    this.metrics = metrics;
    this.audiences = new RoutedAudiences(config.routes());
    List<GatewayConfig.Connector> connectors = config.connectors();
    for (int i = 0; i < connectors.size(); i++) {
      slots.put(connectors.get(i).id(), new InstanceSlot(i, connectors.get(i)));
    }
  }

  /** Hears (instance id, serving) whenever an instance starts or stops serving. */
  public void onServingChange(BiConsumer<String, Boolean> listener) {
    servingListeners.add(listener);
    slots.values().forEach(s -> listener.accept(s.id(), serving(s)));
  }

  /**
   * Delivers through the instance's current session. Blocks while its plugin is being swapped.
   *
   * @throws ConnectorUnavailableException if no plugin serves the instance, or it is disabled
   */
  public DeliveryReceipt deliver(String instanceId, Notification notification)
      throws DeliveryException, ConnectorUnavailableException {
    InstanceSlot slot = slot(instanceId);
    slot.lock.readLock().lock();
    try {
      ConnectorSession session = slot.session;
      if (!slot.enabled) {
        throw new ConnectorUnavailableException("connector " + instanceId + " is disabled");
      }
      if (session == null) {
        throw new ConnectorUnavailableException("connector " + instanceId + " is not loaded: " + slot.lastError);
      }
      if (!RoutedAudiences.accepts(slot.descriptor, notification.audience())) {
        throw new PermanentDeliveryException("connector " + instanceId + " (type " + slot.descriptor.type()
            + ") does not take " + notification.audience().name().toLowerCase(Locale.ROOT) + " notices");
      }
      return session.deliver(notification);
    } finally {
      slot.lock.readLock().unlock();
    }
  }

  /** Whether the instance can take deliveries now: its plugin loaded and opened, and enabled. */
  public boolean isServing(String instanceId) {
    return serving(slot(instanceId));
  }

  /** The mode of an instance; dry-run instances render and record without calling anyone. */
  public boolean isDryRun(String instanceId) {
    return slot(instanceId).config.mode() == ConnectorMode.DRY_RUN;
  }

  /** The platform's documented rate, from the loaded plugin; empty while none is loaded. */
  public Optional<com.backordergateway.connector.api.RateLimit> defaultRateLimit(String instanceId) {
    ConnectorDescriptor descriptor = slot(instanceId).descriptor;
    return Optional.ofNullable(descriptor).map(ConnectorDescriptor::defaultRateLimit);
  }

  /** The plugin serving an instance, for logs; empty while none is loaded. */
  public Optional<String> pluginOf(String instanceId) {
    return Optional.ofNullable(slot(instanceId).pluginId);
  }

  public boolean exists(String instanceId) {
    return slots.containsKey(instanceId);
  }

  public ConnectorInstance status(String instanceId) {
    return describe(slot(instanceId));
  }

  public List<ConnectorInstance> statuses() {
    return slots.values().stream().map(ConnectorInstances::describe).toList();
  }

  public ConnectorInstance setEnabled(String instanceId, boolean enabled) {
    InstanceSlot slot = slot(instanceId);
    slot.enabled = enabled;
    announce(slot);
    return describe(slot);
  }

  // ---- plugin lifecycle side (one thread) ----

  /** Instances whose type is {@code type}. */
  Collection<InstanceSlot> ofType(String type) {
    return slots.values().stream().filter(s -> s.config.type().equals(type)).toList();
  }

  /**
   * Takes the write lock of every instance served by {@code pluginId}: waits for their
   * deliveries in flight and holds new ones. Close the returned drain to let them go.
   */
  Drain drain(String pluginId) {
    List<InstanceSlot> held = new ArrayList<>();
    for (InstanceSlot slot : slots.values()) {
      if (pluginId.equals(slot.pluginId)) {
        slot.lock.writeLock().lock();
        held.add(slot);
      }
    }
    return new Drain(held);
  }

  /** Opens a session for every instance of the connector's type. */
  void bind(String pluginId, String pluginVersion, Connector connector) {
    ConnectorDescriptor descriptor = connector.descriptor();
    String userAgent = "BackorderGateway/" + GatewayVersion.VERSION + " " + pluginId + "/" + pluginVersion;
    for (InstanceSlot slot : ofType(descriptor.type())) {
      slot.lock.writeLock().lock();
      try {
        closeSession(slot);
        slot.pluginId = pluginId;
        slot.descriptor = descriptor;
        open(slot, connector, descriptor, userAgent);
      } finally {
        slot.lock.writeLock().unlock();
      }
      announce(slot);
    }
  }

  private void open(InstanceSlot slot, Connector connector, ConnectorDescriptor descriptor, String userAgent) {
    slot.configProblem = false;
    try {
      descriptor.settings().stream().filter(s -> s.secret())
          .forEach(s -> Optional.ofNullable(slot.config.settings().get(s.key())).ifPresent(Secrets.global()::register));
      Optional<String> misroute = audiences.misroute(slot.id(), descriptor);
      if (misroute.isPresent()) {
        failConfig(slot, misroute.get());
        return;
      }
      ConnectorSettings settings = ConnectorSettings.of(slot.config.settings(), descriptor.settings());
      boolean dryRun = slot.config.mode() == ConnectorMode.DRY_RUN;
      Logger logger = LoggerFactory.getLogger("connector." + slot.id());
      slot.session = connector.open(settings, new HostConnectorContext(
          slot.id(), new HostPlatformHttp(http, slot.id(), userAgent, dryRun, metrics, logger), clock, logger));
      slot.state = ConnectorState.CONNECTOR_STATE_STARTED;
      slot.lastError = "";
    } catch (InvalidSettingsException e) {
      failConfig(slot, "connectors[" + slot.index + "].settings." + e.key() + ": " + problem(e));
    } catch (RuntimeException | LinkageError e) {
      fail(slot, "open failed: " + e);
    }
  }

  /** A failure the operator's config causes: at start-up it stops the gateway. */
  private static void failConfig(InstanceSlot slot, String reason) {
    fail(slot, reason);
    slot.configProblem = true;
  }

  private static String problem(InvalidSettingsException e) {
    return e.getMessage().substring(e.key().length() + 2);
  }

  private static void fail(InstanceSlot slot, String reason) {
    slot.session = null;
    slot.state = ConnectorState.CONNECTOR_STATE_FAILED;
    slot.lastError = Secrets.global().redact(reason);
    log.warn("connector {} failed: {}", slot.id(), slot.lastError);
  }

  /** Closes the sessions of a plugin's instances; call while holding its {@link Drain}. */
  void unbind(String pluginId, String reason) {
    for (InstanceSlot slot : slots.values()) {
      if (pluginId.equals(slot.pluginId)) {
        closeSession(slot);
        slot.pluginId = null;
        slot.descriptor = null;
        slot.state = ConnectorState.CONNECTOR_STATE_NOT_LOADED;
        slot.lastError = reason;
        announce(slot);
      }
    }
  }

  /** Says why instances of {@code type} have no plugin, where none serves them now. */
  void explainUnloaded(String type, String reason) {
    for (InstanceSlot slot : ofType(type)) {
      if (slot.session == null && slot.state != ConnectorState.CONNECTOR_STATE_FAILED) {
        slot.lastError = reason;
      }
    }
  }

  /**
   * Instances refused for their configuration (settings their plugin's specs or {@code open}
   * refused, routes sending an audience the connector does not take): start-up treats these as
   * config errors.
   */
  public List<String> settingsProblems() {
    return slots.values().stream()
        .filter(s -> s.state == ConnectorState.CONNECTOR_STATE_FAILED && s.configProblem)
        .map(s -> s.lastError)
        .toList();
  }

  private static void closeSession(InstanceSlot slot) {
    ConnectorSession session = slot.session;
    slot.session = null;
    if (session != null) {
      try {
        session.close();
      } catch (Exception | LinkageError e) {
        log.warn("connector {} did not close cleanly: {}", slot.id(), e.toString());
      }
    }
  }

  private void announce(InstanceSlot slot) {
    boolean serving = serving(slot);
    servingListeners.forEach(l -> l.accept(slot.id(), serving));
  }

  private static boolean serving(InstanceSlot slot) {
    return slot.enabled && slot.state == ConnectorState.CONNECTOR_STATE_STARTED;
  }

  private InstanceSlot slot(String instanceId) {
    InstanceSlot slot = slots.get(instanceId);
    if (slot == null) {
      throw new IllegalArgumentException("no connector instance " + instanceId);
    }
    return slot;
  }

  private static ConnectorInstance describe(InstanceSlot slot) {
    ConnectorInstance.Builder out =
        ConnectorInstance.newBuilder()
            .setId(slot.id())
            .setType(slot.config.type())
            .setMode(slot.config.mode().yamlName())
            .setState(slot.visibleState())
            .setLastError(slot.lastError == null ? "" : slot.lastError);
    ConnectorDescriptor descriptor = slot.descriptor;
    slot.config.settings().forEach((key, value) -> {
      boolean secret = descriptor != null
          ? descriptor.setting(key).map(s -> s.secret()).orElse(true)
          : Secrets.isSecretKey(key);
      out.putSettings(key, secret ? Secrets.MASK : Secrets.global().redact(value));
    });
    return out.build();
  }

  /** Write locks held on a plugin's instances while it is swapped or removed. */
  static final class Drain implements AutoCloseable {
    private final List<InstanceSlot> held;

    private Drain(List<InstanceSlot> held) {
      this.held = held;
    }

    @Override
    public void close() {
      held.forEach(s -> s.lock.writeLock().unlock());
    }
  }
}
