package com.backordergateway.server.plugins;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorApi;
import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSource;
import com.backordergateway.rendering.TemplateException;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.server.routing.NotificationTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.VersionManager;
import org.pf4j.DefaultVersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the loaded plugins in step with the jars in the plugins folder: loads new jars,
 * replaces changed ones after draining their deliveries, unloads removed ones, and refuses bad
 * ones with a reason, never taking the gateway down.
 *
 * <p>PF4J is not thread-safe, so every call into it runs on one thread, {@code plugin-lifecycle}.
 */
public final class PluginHost implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

  /** Size and modification time: a jar rewritten in place gets a new one. */
  private record Fingerprint(long size, long modified) {}

  private record Installed(Path jar, Fingerprint fingerprint, PluginStatus status) {}

  /** Why a jar was refused; carries the descriptor fields known by then. */
  private static final class Refusal extends Exception {
    Refusal(String reason) {
      super(reason);
    }
  }

  private final Path dir;
  private final ConnectorInstances instances;
  private final NotificationTemplates templates;
  private final Sha256Allowlist allowlist;
  private final GatewayPluginManager manager;
  private final PluginHistory history;
  private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "plugin-lifecycle");
    t.setDaemon(true);
    return t;
  });
  // Lifecycle thread only.
  private final Map<Path, Installed> installed = new HashMap<>();
  private final Map<Path, Fingerprint> refusedAt = new HashMap<>();
  private final Map<Path, PluginStatus> refused = new HashMap<>();
  // Read from any thread.
  private final Map<String, OfferedSource> webhookSources = new ConcurrentHashMap<>();
  private final Map<String, OfferedType> offered = new ConcurrentHashMap<>();
  private volatile List<PluginStatus> statuses = List.of();

  PluginHost(Path dir, boolean requireSha256, ConnectorInstances instances, NotificationTemplates templates,
      PluginHistory history) {
    this.dir = dir.toAbsolutePath().normalize();
    this.history = history;
    this.instances = instances;
    this.templates = templates;
    this.allowlist = requireSha256 ? new Sha256Allowlist(this.dir) : null;
    this.manager = call(() -> new GatewayPluginManager(this.dir));
  }

  public Path dir() {
    return dir;
  }

  /** Brings the loaded plugins in step with the folder now; returns every jar's status. */
  public List<PluginStatus> scan() {
    return call(() -> {
      scanOnLifecycleThread();
      return statuses;
    });
  }

  public List<PluginStatus> plugins() {
    return statuses;
  }

  /** The connector types the loaded plugins offer, by type name. */
  public List<OfferedType> connectorTypes() {
    return offered.values().stream().sorted(Comparator.comparing(o -> o.descriptor().type())).toList();
  }

  /** The webhook source types the loaded plugins offer. */
  public java.util.SortedSet<String> sourceTypes() {
    return new java.util.TreeSet<>(webhookSources.keySet());
  }

  /** The loaded webhook source for a platform, e.g. {@code shopify}, with the plugin that offers it. */
  public Optional<OfferedSource> webhookSource(String source) {
    return Optional.ofNullable(webhookSources.get(source));
  }

  private void scanOnLifecycleThread() {
    Map<Path, Fingerprint> present = jarsInFolder();
    for (Installed gone : new ArrayList<>(installed.values())) {
      if (!present.containsKey(gone.jar())) {
        uninstall(gone, "plugin " + gone.status().pluginId() + " was removed from the plugins folder");
        refusedAt.clear(); // a jar refused as a duplicate may load now
      }
    }
    refused.keySet().removeIf(jar -> !present.containsKey(jar));
    refusedAt.keySet().removeIf(jar -> !present.containsKey(jar));
    present.forEach((jar, fingerprint) -> {
      Installed current = installed.get(jar);
      boolean unchanged = current != null && current.fingerprint().equals(fingerprint);
      if (!unchanged && !fingerprint.equals(refusedAt.get(jar))) {
        install(jar, fingerprint);
      }
    });
    List<PluginStatus> all = new ArrayList<>();
    installed.values().forEach(i -> all.add(i.status()));
    all.addAll(refused.values());
    // Stable sort: for a jar whose new version was refused, the running one comes first.
    all.sort((a, b) -> a.jar().compareTo(b.jar()));
    statuses = List.copyOf(all);
  }

  /** Plugin jars: {@code *.jar}, not hidden, not a temporary name — copy, then rename into place. */
  private Map<Path, Fingerprint> jarsInFolder() {
    Map<Path, Fingerprint> jars = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (PluginFolderWatcher.isPluginJarName(name) && Files.isRegularFile(file)) {
          jars.put(file, new Fingerprint(Files.size(file), Files.getLastModifiedTime(file).toMillis()));
        }
      }
    } catch (IOException e) {
      log.error("cannot list the plugins folder {}", dir, e);
    }
    return jars;
  }

  private void install(Path jar, Fingerprint fingerprint) {
    String jarName = jar.getFileName().toString();
    PluginDescriptor descriptor;
    try {
      descriptor = readDescriptor(jar);
    } catch (Refusal r) {
      refuse(jar, fingerprint, PluginStatus.failed(jarName, "", "", r.getMessage()));
      return;
    }
    String id = descriptor.getPluginId();
    String version = descriptor.getVersion();
    try {
      checkCompatible(descriptor);
    } catch (Refusal r) {
      // Refused before the running version (if any) is touched: it keeps serving.
      refuse(jar, fingerprint, PluginStatus.failed(jarName, id, version, r.getMessage()));
      return;
    }
    Installed previous = installed.values().stream()
        .filter(i -> i.status().pluginId().equals(id)).findFirst().orElse(null);
    if (previous != null && !previous.jar().equals(jar)) {
      refuse(jar, fingerprint, PluginStatus.failed(jarName, id, version,
          "plugin " + id + " is already loaded from " + previous.jar().getFileName()
              + "; replace that file instead (copy, then rename over it)"));
      return;
    }
    try (ConnectorInstances.Drain drain = instances.drain(id)) {
      if (previous != null) {
        log.info("replacing plugin {} {} with {}", id, previous.status().version(), version);
        unloadPlugin(previous, "plugin " + id + " is being replaced");
      }
      PluginStatus status = start(jar, id, version);
      installed.put(jar, new Installed(jar, fingerprint, status));
      refused.remove(jar);
      refusedAt.remove(jar);
      log.info("plugin {} {} serving {} from {}", id, version, status.connectorTypes(), jarName);
      if (previous == null) {
        history.record(PluginHistory.Kind.LOADED, jarName, id, version, serving(status));
      } else {
        history.record(PluginHistory.Kind.REPLACED, jarName, id, version, "replaced version " + previous.status().version());
      }
    } catch (Refusal r) {
      refuse(jar, fingerprint, PluginStatus.failed(jarName, id, version, r.getMessage()));
      if (previous != null) {
        previous.status().connectorTypes().forEach(type -> instances.explainUnloaded(type,
            "plugin " + id + " " + version + " was refused: " + r.getMessage()));
      }
    }
  }

  private PluginDescriptor readDescriptor(Path jar) throws Refusal {
    if (allowlist != null) {
      Optional<String> refusal = allowlist.refusal(jar);
      if (refusal.isPresent()) {
        throw new Refusal(refusal.get());
      }
    }
    PluginDescriptor descriptor;
    try {
      descriptor = new ManifestPluginDescriptorFinder().find(jar);
    } catch (RuntimeException e) {
      throw new Refusal("bad manifest: " + e.getMessage());
    }
    if (descriptor.getPluginId() == null || descriptor.getPluginId().isBlank()) {
      throw new Refusal("bad manifest: no Plugin-Id");
    }
    if (descriptor.getVersion() == null || descriptor.getVersion().isBlank()) {
      throw new Refusal("bad manifest: no Plugin-Version");
    }
    return descriptor;
  }

  /** Plugin-Requires against the SPI version the host implements. */
  private static void checkCompatible(PluginDescriptor descriptor) throws Refusal {
    String requires = descriptor.getRequires() == null ? "*" : descriptor.getRequires().trim();
    VersionManager versions = new DefaultVersionManager();
    String constraint = requires.matches("^\\d+\\.\\d+\\.\\d+$") ? ">=" + requires : requires;
    try {
      if (!constraint.isEmpty() && !constraint.equals("*") && !versions.checkVersionConstraint(ConnectorApi.VERSION, constraint)) {
        throw new Refusal("incompatible: requires connector SPI " + requires + ", this gateway has " + ConnectorApi.VERSION);
      }
    } catch (RuntimeException e) {
      throw new Refusal("bad manifest: unreadable Plugin-Requires '" + requires + "'");
    }
  }

  /** Loads and starts the jar and binds its extensions; on any failure unloads it again. */
  private PluginStatus start(Path jar, String id, String version) throws Refusal {
    String loadedId;
    try {
      loadedId = manager.loadPlugin(jar);
    } catch (RuntimeException | LinkageError e) {
      throw new Refusal("cannot load: " + e.getMessage());
    }
    try {
      PluginWrapper wrapper = manager.getPlugin(loadedId);
      PluginState state = manager.startPlugin(loadedId);
      if (state != PluginState.STARTED) {
        Throwable why = wrapper.getFailedException();
        throw new Refusal("start failed: " + (why == null ? state.toString() : describe(why)));
      }
      List<Connector> connectors = new ArrayList<>();
      List<WebhookSource> sources = new ArrayList<>();
      createExtensions(loadedId, connectors, sources);
      List<String> types = new ArrayList<>();
      for (Connector connector : connectors) {
        ConnectorDescriptor descriptor;
        try {
          descriptor = connector.descriptor();
        } catch (RuntimeException | LinkageError e) {
          throw new Refusal(connector.getClass().getName() + ".descriptor() threw " + describe(e));
        }
        Optional<Installed> owner = installed.values().stream()
            .filter(i -> i.status().connectorTypes().contains(descriptor.type())).findFirst();
        if (owner.isPresent()) {
          throw new Refusal("connector type " + descriptor.type() + " is already provided by plugin " + owner.get().status().pluginId());
        }
        types.add(descriptor.type());
      }
      TemplateSource shipped = TemplateSource.jar(jar);
      for (String type : types) {
        try {
          templates.pluginLoaded(type, shipped);
        } catch (TemplateException e) {
          types.forEach(templates::pluginUnloaded);
          throw new Refusal(e.getMessage());
        }
      }
      connectors.forEach(c -> instances.bind(loadedId, version, c));
      connectors.forEach(c -> offered.put(c.descriptor().type(), new OfferedType(loadedId, version, c.descriptor())));
      List<String> sourceNames = new ArrayList<>();
      for (WebhookSource source : sources) {
        webhookSources.put(source.source(), new OfferedSource(loadedId, version, source));
        sourceNames.add(source.source());
      }
      return new PluginStatus(jar.getFileName().toString(), id, version, ConnectorState.CONNECTOR_STATE_STARTED, "",
          List.copyOf(types), List.copyOf(sourceNames));
    } catch (Refusal | RuntimeException | LinkageError e) {
      offered.values().removeIf(o -> o.pluginId().equals(loadedId));
      instances.unbind(loadedId, "plugin " + loadedId + " failed");
      unloadQuietly(loadedId);
      if (e instanceof Refusal r) {
        throw r;
      }
      throw new Refusal("start failed: " + describe(e));
    }
  }

  private void createExtensions(String pluginId, List<Connector> connectors, List<WebhookSource> sources) throws Refusal {
    Set<String> names = manager.getExtensionClassNames(pluginId);
    if (names.isEmpty()) {
      throw new Refusal("no extensions: the jar has no META-INF/extensions.idx entry for a Connector or WebhookSource");
    }
    ClassLoader loader = manager.getPluginClassLoader(pluginId);
    for (String name : names) {
      Class<?> type;
      try {
        type = Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new Refusal("missing class: cannot load extension " + name + " (" + describe(e) + ")");
      }
      Object extension;
      try {
        extension = manager.getExtensionFactory().create(type);
      } catch (RuntimeException | LinkageError e) {
        throw new Refusal((missingClass(e) ? "missing class: " : "") + describe(e));
      }
      if (extension instanceof Connector connector) {
        connectors.add(connector);
      } else if (extension instanceof WebhookSource source) {
        if (!readsRequests(source)) {
          throw new Refusal("webhook source " + name + " implements neither read (SPI 1.2) nor parse (1.0, 1.1)");
        }
        sources.add(source);
      } else {
        throw new Refusal(name + " is neither a Connector nor a WebhookSource");
      }
    }
  }

  /**
   * Whether the source overrides one of the two ways to read a request: the default read only
   * bridges to parse, whose default reports nothing, so a source with neither would ignore every webhook.
   */
  private static boolean readsRequests(WebhookSource source) {
    try {
      Class<?> type = source.getClass();
      return type.getMethod("read", WebhookRequest.class, ConnectorSettings.class, ConnectorContext.class)
              .getDeclaringClass() != WebhookSource.class
          || type.getMethod("parse", WebhookRequest.class, ConnectorSettings.class).getDeclaringClass()
              != WebhookSource.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the SPI has read and parse", e);
    }
  }

  private void uninstall(Installed gone, String reason) {
    try (ConnectorInstances.Drain drain = instances.drain(gone.status().pluginId())) {
      unloadPlugin(gone, reason);
    }
    log.info("{}", reason);
    history.record(PluginHistory.Kind.DROPPED, gone.jar().getFileName().toString(), gone.status().pluginId(),
        gone.status().version(), reason);
  }

  /** Call while holding the plugin's drain. */
  private void unloadPlugin(Installed plugin, String reason) {
    String id = plugin.status().pluginId();
    instances.unbind(id, reason);
    plugin.status().connectorTypes().forEach(templates::pluginUnloaded);
    plugin.status().connectorTypes().forEach(offered::remove);
    plugin.status().webhookSources().forEach(webhookSources::remove);
    installed.remove(plugin.jar());
    unloadQuietly(id);
  }

  private void unloadQuietly(String pluginId) {
    try {
      manager.stopPlugin(pluginId);
    } catch (RuntimeException | LinkageError e) {
      log.warn("plugin {} did not stop cleanly: {}", pluginId, describe(e));
    }
    try {
      manager.unloadPlugin(pluginId);
    } catch (RuntimeException | LinkageError e) {
      log.warn("plugin {} did not unload cleanly: {}", pluginId, describe(e));
    }
  }

  private static String serving(PluginStatus status) {
    List<String> offers = new ArrayList<>();
    status.connectorTypes().forEach(type -> offers.add("connector " + type));
    status.webhookSources().forEach(source -> offers.add("webhook source " + source));
    return "serving " + String.join(", ", offers);
  }

  private void refuse(Path jar, Fingerprint fingerprint, PluginStatus status) {
    refused.put(jar, status);
    refusedAt.put(jar, fingerprint);
    log.warn("plugin jar {} refused: {}", jar.getFileName(), status.lastError());
    history.record(PluginHistory.Kind.REFUSED, status.jar(), status.pluginId(), status.version(), status.lastError());
  }

  private static boolean missingClass(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return root == e ? message : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  private <T> T call(java.util.concurrent.Callable<T> work) {
    try {
      return lifecycle.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the plugin lifecycle", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Drains and unloads every plugin, then stops the lifecycle thread. */
  @Override
  public void close() {
    call(() -> {
      new ArrayList<>(installed.values()).forEach(i -> uninstall(i, "gateway stopping: plugin " + i.status().pluginId() + " unloaded"));
      return null;
    });
    lifecycle.shutdown();
    try {
      lifecycle.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
