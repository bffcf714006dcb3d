package com.backordergateway.connector.testkit;

import java.util.List;
import java.util.Objects;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * A plugin jar loaded by a PF4J plugin manager in a test, as the gateway loads it; closing it
 * stops and unloads the plugin and releases its class loader (and so the jar file).
 */
public final class HostedPlugin implements AutoCloseable {

  private final PluginManager manager;
  private final String pluginId;

  HostedPlugin(PluginManager manager, String pluginId) {
    this.manager = Objects.requireNonNull(manager, "manager is null");
    this.pluginId = Objects.requireNonNull(pluginId, "pluginId is null");
  }

  /** The plugin's state: STARTED when it loaded, resolved and started cleanly. */
  public PluginState state() {
    PluginWrapper plugin = manager.getPlugin(pluginId);
    if (plugin == null) {
      throw new IllegalStateException("PF4J did not load plugin " + pluginId);
    }
    return plugin.getPluginState();
  }

  /** The plugin's class loader (its classes come from the jar, not the test class path). */
  public ClassLoader classLoader() {
    return manager.getPluginClassLoader(pluginId);
  }

  /** Instances of the plugin's extensions of {@code type}, created by PF4J. */
  public <T> List<T> extensions(Class<T> type) {
    return manager.getExtensions(type, pluginId);
  }

  /**
   * Stops and unloads this plugin by id. (PF4J 3.15's {@code stopPlugins()} throws
   * ConcurrentModificationException once any plugin has started: it removes from the list it
   * iterates.)
   */
  @Override
  public void close() {
    PluginWrapper plugin = manager.getPlugin(pluginId);
    if (plugin == null) {
      return;
    }
    if (plugin.getPluginState() == PluginState.STARTED) {
      manager.stopPlugin(pluginId);
    }
    manager.unloadPlugin(pluginId);
  }
}
