package com.backordergateway.server.plugins;

import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: plugin-first for everything the plugin bundles, so two plugins can
 * carry different versions of one library, but parent-first for the packages both sides of the
 * boundary must share. A plugin that bundles the SPI, PF4J, SLF4J, Jackson or protobuf anyway
 * still gets the host's classes, so the types it hands back are the host's types.
 */
final class SharedApiClassLoader extends PluginClassLoader {

  static final List<String> SHARED_PREFIXES = List.of(
      "org.pf4j.",
      "com.backordergateway.connector.api.",
      "org.slf4j.",
      "com.fasterxml.jackson.",
      "com.google.protobuf.");

  SharedApiClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
    super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
  }

  @Override
  protected boolean shouldDelegateToParent(String className) {
    for (String prefix : SHARED_PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
