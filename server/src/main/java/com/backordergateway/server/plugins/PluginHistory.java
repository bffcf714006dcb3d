package com.backordergateway.server.plugins;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the plugin host did with each jar dropped into the plugins folder, newest first, so
 * operators can see a hot reload happen (or why it was refused) without reading the log. Kept
 * in memory, the last {@value #KEPT} changes of this replica.
 */
@Singleton
public final class PluginHistory {

  static final int KEPT = 200;

  /** What happened to a jar. */
  public enum Kind {
    LOADED, REPLACED, DROPPED, REFUSED;

    /** How the dashboard says it. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One change: the jar, the plugin and version it held (empty when unreadable), and why. */
  public record Change(Instant at, Kind kind, String jar, String pluginId, String version, String detail) {}

  private final Clock clock;
  private final Deque<Change> changes = new ArrayDeque<>();

  @Inject
  PluginHistory(Clock clock) {
    this.clock = clock;
  }

  synchronized void record(Kind kind, String jar, String pluginId, String version, String detail) {
    changes.addFirst(new Change(clock.instant(), kind, jar, pluginId, version, detail));
    while (changes.size() > KEPT) {
      changes.removeLast();
    }
  }

  public synchronized List<Change> changes() {
    return new ArrayList<>(changes);
  }
}
