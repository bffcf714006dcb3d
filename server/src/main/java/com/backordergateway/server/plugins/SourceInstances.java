package com.backordergateway.server.plugins;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.api.WebhookSource;
import com.backordergateway.server.GatewayVersion;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Secrets;
import com.backordergateway.server.errors.ConflictException;
import com.backordergateway.server.errors.NotFoundException;
import com.backordergateway.server.errors.UnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured webhook source instances ({@code sources[i]}), each bound to the plugin that
 * reads it: the instance's settings as the plugin's specs check them, and a context of its own —
 * a logger and an HTTP client for the look-ups a webhook needs (never in dry-run: a source only
 * reads). A binding is made once per loaded plugin and made again when the plugin is replaced.
 */
@Singleton
public final class SourceInstances {

  private static final Logger log = LoggerFactory.getLogger(SourceInstances.class);

  /** A source instance bound to the plugin loaded for its type. */
  public record Bound(int index, GatewayConfig.Source config, WebhookSource plugin, ConnectorSettings settings,
      ConnectorContext context) {}

  private final List<GatewayConfig.Source> configs;
  private final PluginHost plugins;
  private final Clock clock;
  private final ConnectorHttpMetrics metrics;
  private final HttpClient http = HostPlatformHttp.newSharedClient();
  private final ConcurrentMap<Integer, Bound> bound = new ConcurrentHashMap<>();

  @Inject
  SourceInstances(GatewayConfig config, PluginHost plugins, Clock clock, ConnectorHttpMetrics metrics) {
    this.configs = config.sources();
    this.plugins = plugins;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * The instance, bound to its type's plugin as loaded now.
   *
   * @throws NotFoundException when no such instance is configured
   * @throws UnavailableException when no plugin for its type is loaded (the platform retries)
   * @throws ConflictException when the plugin refuses the instance's settings
   */
  public Bound bind(String type, String id) {
    int index = indexOf(type, id).orElseThrow(
        () -> new NotFoundException("no webhook source " + type + "/" + id + " is configured"));
    OfferedSource offered = plugins.webhookSource(type).orElseThrow(() -> new UnavailableException(
        "no plugin for webhook source " + type + " is loaded; the platform will retry"));
    Bound current = bound.get(index);
    if (current != null && current.plugin() == offered.source()) {
      return current;
    }
    try {
      Bound fresh = bind(index, offered);
      bound.put(index, fresh);
      return fresh;
    } catch (InvalidSettingsException e) {
      String problem = problem(index, e);
      log.error("webhook source {}/{} is misconfigured: {}", type, id, problem);
      throw ConflictException.failedPrecondition("source " + type + "/" + id + " is misconfigured: " + problem);
    }
  }

  /**
   * Settings the loaded plugins refuse, as {@code sources[i].settings.<key>: …}; start-up treats
   * these as configuration errors. Sources whose plugin is not loaded are not checked.
   */
  public List<String> settingsProblems() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      Optional<OfferedSource> offered = plugins.webhookSource(configs.get(i).type());
      if (offered.isEmpty()) {
        continue;
      }
      try {
        bound.put(i, bind(i, offered.get()));
      } catch (InvalidSettingsException e) {
        problems.add(problem(i, e));
      } catch (RuntimeException | LinkageError e) {
        problems.add("sources[" + i + "]: the " + configs.get(i).type() + " plugin failed checking the settings: "
            + Secrets.global().redact(e.toString()));
      }
    }
    return problems;
  }

  private Bound bind(int index, OfferedSource offered) {
    GatewayConfig.Source config = configs.get(index);
    WebhookSource source = offered.source();
    for (SettingSpec spec : source.settings()) {
      if (spec.secret()) {
        Optional.ofNullable(config.settings().get(spec.key())).ifPresent(Secrets.global()::register);
      }
    }
    ConnectorSettings settings = ConnectorSettings.of(config.settings(), source.settings());
    source.checkSettings(settings);
    String name = "source." + config.type() + "." + config.id();
    Logger logger = LoggerFactory.getLogger(name);
    String userAgent = "BackorderGateway/" + GatewayVersion.VERSION + " " + offered.pluginId() + "/" + offered.version();
    return new Bound(index, config, source, settings, new HostConnectorContext(config.id(),
        new HostPlatformHttp(http, name, userAgent, false, metrics, logger), clock, logger));
  }

  private Optional<Integer> indexOf(String type, String id) {
    for (int i = 0; i < configs.size(); i++) {
      if (configs.get(i).type().equals(type) && configs.get(i).id().equals(id)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static String problem(int index, InvalidSettingsException e) {
    return "sources[" + index + "].settings." + Secrets.global().redact(e.getMessage());
  }
}
