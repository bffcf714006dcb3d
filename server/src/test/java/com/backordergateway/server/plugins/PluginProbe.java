package com.backordergateway.server.plugins;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A host-side class test plugins call to report what happened inside them. Plugins do not
 * bundle it, so their class loaders find it in the host: one shared list.
 */
public final class PluginProbe {

  private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

  private PluginProbe() {}

  public static void record(String event) {
    EVENTS.add(event);
  }

  public static List<String> events() {
    return List.copyOf(EVENTS);
  }

  public static void clear() {
    EVENTS.clear();
  }
}
