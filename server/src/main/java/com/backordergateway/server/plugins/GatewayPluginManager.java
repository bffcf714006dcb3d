package com.backordergateway.server.plugins;

import com.backordergateway.connector.api.ConnectorApi;
import java.nio.file.Path;
import org.pf4j.ExtensionFactory;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;

/**
 * PF4J for connector jars: one jar per plugin, the shared-API class loader, the host's
 * extension factory, and the SPI version as system version so that a plugin whose
 * {@code Plugin-Requires} does not match is refused. Not thread-safe: {@link PluginHost} calls
 * it from one thread only.
 */
final class GatewayPluginManager extends JarPluginManager {

  GatewayPluginManager(Path pluginsDir) {
    super(pluginsDir);
    setSystemVersion(ConnectorApi.VERSION);
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new JarPluginLoader(this) {
      @Override
      protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
        return new SharedApiClassLoader(pluginManager, descriptor, GatewayPluginManager.class.getClassLoader());
      }
    };
  }

  @Override
  protected ExtensionFactory createExtensionFactory() {
    return new HostExtensionFactory();
  }
}
