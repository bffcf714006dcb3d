package com.backordergateway.server.plugins;

import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.routing.NotificationTemplates;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;

/** The PF4J plugin runtime, the folder watcher and the configured connector instances. */
public final class PluginsModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(ConnectorInstances.class);
  }

  @Provides
  @Singleton
  PluginHost pluginHost(GatewayConfig config, ConnectorInstances instances, NotificationTemplates templates,
      PluginHistory history) {
    GatewayConfig.Plugins plugins = config.plugins();
    return new PluginHost(Path.of(plugins.dir()), plugins.requireSha256(), instances, templates, history);
  }

  @Provides
  @Singleton
  PluginFolderWatcher watcher(PluginHost host) {
    return new PluginFolderWatcher(host);
  }
}
