package com.backordergateway.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole gateway configuration, bound from one YAML file with kebab-case keys.
 *
 * <p>Every record fills its own defaults, so code downstream never sees a null section.
 */
public record GatewayConfig(
    Server server,
    Storage storage,
    Auth auth,
    Plugins plugins,
    Triggers triggers,
    List<Connector> connectors,
    List<Route> routes,
    String templatesDir,
    Store store,
    Delivery delivery,
    List<Source> sources,
    Shim shim) {

  public GatewayConfig {
    server = server == null ? new Server(null, null, null, null, null) : server;
    storage = storage == null ? new Storage(null, null, null, null, null, null, null) : storage;
    auth = auth == null ? new Auth(null) : auth;
    plugins = plugins == null ? new Plugins(null, null, null) : plugins;
    triggers = triggers == null ? new Triggers(null, null, null, null, null) : triggers;
    connectors = connectors == null ? List.of() : List.copyOf(connectors);
    routes = routes == null ? List.of() : List.copyOf(routes);
    templatesDir = templatesDir == null ? "templates" : templatesDir;
    store = store == null ? new Store(null) : store;
    delivery = delivery == null ? new Delivery(null, null, null, null, null, null, null, null) : delivery;
    sources = sources == null ? List.of() : List.copyOf(sources);
    shim = shim == null ? new Shim(null, null) : shim;
  }

  /**
   * A platform posting webhooks to {@code /webhooks/<type>/<id>}: its source plugin type and the
   * settings it declares (at least the signing secret). {@code awaiting-plugin} as for connectors.
   */
  public record Source(String id, String type, Map<String, String> settings, Boolean awaitingPlugin) {
    public Source {
      awaitingPlugin = awaitingPlugin != null && awaitingPlugin;
      settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    @Override
    public String toString() {
      return "Source[id=" + id + ", type=" + type + "]";
    }
  }

  /**
   * The REST-to-gRPC shim on the HTTP port: it calls this gateway in-process unless
   * {@code grpc-target} names another (the shim running on its own).
   */
  public record Shim(String grpcTarget, Integer maxBodyBytes) {
    public Shim {
      maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
    }
  }

  /** The same config with another server section (port overrides). */
  public GatewayConfig withServer(Server newServer) {
    return new GatewayConfig(newServer, storage, auth, plugins, triggers, connectors, routes, templatesDir, store, delivery,
        sources, shim);
  }

  /** The retailer, as notifications name it. */
  public record Store(String name) {
    public Store {
      name = name == null ? "our store" : name;
    }
  }

  /** How the delivery engine claims, paces and retries. */
  public record Delivery(
      Integer workers, Integer batchSize, Duration lease, Integer maxAttempts, Duration maxAge,
      Duration backoffBase, Duration backoffCap, Duration unavailableRecheck) {
    public Delivery {
      workers = workers == null ? 16 : workers;
      batchSize = batchSize == null ? 256 : batchSize;
      lease = lease == null ? Duration.ofSeconds(60) : lease;
      maxAttempts = maxAttempts == null ? 8 : maxAttempts;
      maxAge = maxAge == null ? Duration.ofHours(24) : maxAge;
      backoffBase = backoffBase == null ? Duration.ofSeconds(2) : backoffBase;
      backoffCap = backoffCap == null ? Duration.ofMinutes(30) : backoffCap;
      unavailableRecheck = unavailableRecheck == null ? Duration.ofSeconds(5) : unavailableRecheck;
    }
  }

  /** Network listeners. Port 0 picks a free port (tests). */
  public record Server(
      String bindAddress, Integer grpcPort, Integer httpPort, Tls tls, Integer maxRequestBytes) {
    public Server {
      bindAddress = bindAddress == null ? "0.0.0.0" : bindAddress;
      grpcPort = grpcPort == null ? 9090 : grpcPort;
      httpPort = httpPort == null ? 8080 : httpPort;
      maxRequestBytes = maxRequestBytes == null ? 4 * 1024 * 1024 : maxRequestBytes;
    }
  }

  /** TLS for the gRPC listener; with {@code client-ca} set, clients must present a certificate. */
  public record Tls(String certChain, String privateKey, String clientCa) {}

  /**
   * Where state lives. The default is an embedded SQLite file under {@code data/}; a
   * {@code jdbc:postgresql://} URL shares one database among several gateway replicas (user and
   * password usually from {@code ${env:…}} or {@code ${file:…}}). A write waits up to
   * {@code busyTimeout} for a lock another process holds before intake answers UNAVAILABLE;
   * {@code poolSize} connections serve the writer and the queries; a connection not had within
   * {@code connectTimeout} fails the call. Settled deliveries, their status changes and stored
   * answers older than {@code retention} are purged (open cases keep theirs).
   */
  public record Storage(String url, String username, String password, Duration busyTimeout, Integer poolSize,
      Duration connectTimeout, Duration retention) {
    public Storage {
      url = url == null ? "jdbc:sqlite:data/backorder.db" : url;
      busyTimeout = busyTimeout == null ? Duration.ofSeconds(10) : busyTimeout;
      poolSize = poolSize == null ? (url.startsWith("jdbc:postgresql:") ? 10 : 5) : poolSize;
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
      retention = retention == null ? Duration.ofDays(90) : retention;
    }

    /** The embedded default's settings for {@code url}. */
    public static Storage of(String url, String username, String password) {
      return new Storage(url, username, password, null, null, null, null);
    }

    @Override
    public String toString() {
      return "Storage[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
    }
  }

  /** Bearer tokens; each carries the scopes it may use. */
  public record Auth(List<ApiToken> tokens) {
    public Auth {
      tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }
  }

  /** One API token. */
  public record ApiToken(String name, String token, Set<Scope> scopes) {
    public ApiToken {
      scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    @Override
    public String toString() {
      return "ApiToken[name=" + name + ", scopes=" + scopes + "]";
    }
  }

  /** Plugin folder settings (used by the plugin runtime). */
  public record Plugins(String dir, Boolean watch, Boolean requireSha256) {
    public Plugins {
      dir = dir == null ? "plugins" : dir;
      watch = watch == null || watch;
      requireSha256 = requireSha256 != null && requireSha256;
    }
  }

  /** Trigger-rule settings. */
  public record Triggers(
      Duration supplierDelayThreshold,
      Map<String, Duration> supplierThresholds,
      Duration supplierMonitorInterval,
      String defaultTimeZone,
      String defaultLocale) {
    public Triggers {
      supplierDelayThreshold =
          supplierDelayThreshold == null ? Duration.ofHours(48) : supplierDelayThreshold;
      supplierThresholds = supplierThresholds == null ? Map.of() : Map.copyOf(supplierThresholds);
      supplierMonitorInterval =
          supplierMonitorInterval == null ? Duration.ofMinutes(1) : supplierMonitorInterval;
      defaultTimeZone = defaultTimeZone == null ? "UTC" : defaultTimeZone;
      defaultLocale = defaultLocale == null ? "en" : defaultLocale;
    }

    /** The delay threshold for one supplier: its own, or the default. */
    public Duration thresholdFor(String supplier) {
      return supplierThresholds.getOrDefault(supplier, supplierDelayThreshold);
    }
  }

  /**
   * One connector instance: a plugin type with its settings, and how hard the engine may push
   * it (rate defaults to the plugin's documented platform limit). {@code awaiting-plugin} says the
   * operator will drop its plugin in later: without it, a type no loaded plugin offers stops
   * start-up.
   */
  public record Connector(
      String id, String type, ConnectorMode mode, Boolean enabled, Map<String, String> settings,
      Integer maxConcurrency, Double ratePerSecond, Integer rateBurst, Integer circuitFailures,
      Duration circuitOpenFor, Boolean awaitingPlugin) {
    public Connector {
      awaitingPlugin = awaitingPlugin != null && awaitingPlugin;
      mode = mode == null ? ConnectorMode.LIVE : mode;
      enabled = enabled == null || enabled;
      settings = settings == null ? Map.of() : Map.copyOf(settings);
      maxConcurrency = maxConcurrency == null ? 4 : maxConcurrency;
      circuitFailures = circuitFailures == null ? 5 : circuitFailures;
      circuitOpenFor = circuitOpenFor == null ? Duration.ofSeconds(30) : circuitOpenFor;
    }

    @Override
    public String toString() {
      return "Connector[id=" + id + ", type=" + type + ", mode=" + mode + "]";
    }
  }

  /**
   * Which notifications go where. {@code fallback} takes over a delivery that went dead;
   * {@code quiet-hours} defers customer notices that would arrive at night in the recipient's
   * time zone; {@code coalesce} gathers staff alerts into one digest per window.
   */
  public record Route(String name, RouteWhen when, List<String> send, List<String> fallback,
      QuietHours quietHours, Duration coalesce) {
    public Route {
      when = when == null ? new RouteWhen(null, null, null, null, null) : when;
      send = send == null ? List.of() : List.copyOf(send);
      fallback = fallback == null ? List.of() : List.copyOf(fallback);
    }
  }

  /** Route conditions; an absent condition matches everything. */
  public record RouteWhen(Set<TriggerName> triggers, AudienceName audience, String sku, String category, String supplier) {
    public RouteWhen {
      triggers = triggers == null ? Set.of() : Set.copyOf(triggers);
    }
  }

  /** Local times (HH:mm) between which customer notices wait; may wrap midnight (21:00–08:00). */
  public record QuietHours(String from, String to) {}
}
