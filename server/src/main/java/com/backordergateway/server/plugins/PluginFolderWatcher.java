package com.backordergateway.server.plugins;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the plugins folder and rescans it shortly after jars stop changing (debounced), so
 * a dropped jar serves within about a second. Only {@code *.jar} names count; hidden and
 * temporary files are ignored, which is what makes copy-then-rename safe: a jar copied in as
 * {@code .webhook.jar.tmp} is invisible until it is renamed to {@code webhook.jar}.
 */
public final class PluginFolderWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PluginFolderWatcher.class);
  static final long DEBOUNCE_MILLIS = 250;

  private final PluginHost host;
  private final ScheduledExecutorService debouncer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "plugin-watch-debounce");
    t.setDaemon(true);
    return t;
  });
  private WatchService watchService;
  private Thread thread;
  private ScheduledFuture<?> pending;

  PluginFolderWatcher(PluginHost host) {
    this.host = host;
  }

  /** A plugin jar by name: ends in .jar, is not hidden, and carries no temporary marker. */
  static boolean isPluginJarName(String name) {
    return name.endsWith(".jar") && !name.startsWith(".") && !name.startsWith("~")
        && !name.contains(".tmp") && !name.contains(".part");
  }

  public synchronized void start() {
    try {
      watchService = FileSystems.getDefault().newWatchService();
      host.dir().register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot watch the plugins folder " + host.dir(), e);
    }
    thread = new Thread(this::watch, "plugin-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watchService.take();
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
          Object context = event.context();
          relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW
              || (context instanceof Path p && (isPluginJarName(p.toString()) || p.toString().equals(Sha256Allowlist.FILE_NAME)));
        }
        key.reset();
        if (relevant) {
          scheduleScan();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // stopping
    }
  }

  private synchronized void scheduleScan() {
    if (pending != null) {
      pending.cancel(false);
    }
    pending = debouncer.schedule(this::scanQuietly, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void scanQuietly() {
    try {
      host.scan();
    } catch (RuntimeException e) {
      log.error("plugin folder scan failed", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (watchService != null) {
        watchService.close();
      }
    } catch (IOException e) {
      log.debug("closing the plugin folder watch: {}", e.toString());
    }
    debouncer.shutdownNow();
  }
}
