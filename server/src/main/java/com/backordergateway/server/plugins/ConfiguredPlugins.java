package com.backordergateway.server.plugins;

import com.backordergateway.server.config.GatewayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plugins the config relies on: its folder, and the connector and source types it names. At
 * start-up a missing folder, or a type no loaded plugin offers, is a configuration error naming
 * the key (and the types that are loaded) — a typo ({@code twillio}) must not start a gateway that
 * reports ready and never sends — unless the instance says {@code awaiting-plugin: true}, for a
 * plugin the operator will drop in later.
 */
public final class ConfiguredPlugins {

  private ConfiguredPlugins() {}

  /** A plugins folder that is not there is an error, not an empty gateway that reports ready. */
  public static List<String> folderProblems(GatewayConfig config) {
    Path dir = Path.of(config.plugins().dir());
    return Files.isDirectory(dir) ? List.of() : List.of("plugins.dir: no folder " + dir.toAbsolutePath().normalize()
        + "; create it, or point plugins.dir at the folder that holds the connector plugin jars");
  }

  /** Configured types no loaded plugin offers, for instances not marked awaiting-plugin. */
  public static List<String> problems(GatewayConfig config, PluginHost plugins) {
    List<String> problems = new ArrayList<>();
    Set<String> connectorTypes = new TreeSet<>();
    plugins.connectorTypes().forEach(offered -> connectorTypes.add(offered.descriptor().type()));
    for (int i = 0; i < config.connectors().size(); i++) {
      GatewayConfig.Connector connector = config.connectors().get(i);
      if (!connector.awaitingPlugin() && !connectorTypes.contains(connector.type())) {
        problems.add("connectors[" + i + "].type: no loaded plugin offers " + connector.type() + " (loaded: "
            + String.join(", ", connectorTypes) + "); drop its plugin into plugins.dir, or set awaiting-plugin: true"
            + " to start without it");
      }
    }
    Set<String> sourceTypes = plugins.sourceTypes();
    for (int i = 0; i < config.sources().size(); i++) {
      GatewayConfig.Source source = config.sources().get(i);
      if (!source.awaitingPlugin() && !sourceTypes.contains(source.type())) {
        problems.add("sources[" + i + "].type: no loaded plugin reads " + source.type() + " webhooks (loaded: "
            + String.join(", ", sourceTypes) + "); drop its plugin into plugins.dir, or set awaiting-plugin: true"
            + " to start without it");
      }
    }
    return problems;
  }

  /** Instances and sources waiting for their plugin, as {@code id (type)}, for readiness. */
  public static List<String> awaiting(GatewayConfig config, PluginHost plugins) {
    Set<String> connectorTypes = new TreeSet<>();
    plugins.connectorTypes().forEach(offered -> connectorTypes.add(offered.descriptor().type()));
    List<String> waiting = new ArrayList<>();
    config.connectors().stream().filter(c -> c.awaitingPlugin() && !connectorTypes.contains(c.type()))
        .forEach(c -> waiting.add(c.id() + " (" + c.type() + ")"));
    config.sources().stream().filter(s -> s.awaitingPlugin() && plugins.webhookSource(s.type()).isEmpty())
        .forEach(s -> waiting.add("source " + s.id() + " (" + s.type() + ")"));
    return waiting;
  }
}
