package com.backordergateway.connector.testkit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that keeps every line a connector logs, at every level, with the messages of
 * any exception logged alongside (and its causes). Nothing is masked, unlike the host's logger:
 * tests assert that secrets never reach a log line at all.
 */
public final class CapturingLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;

  private final transient List<String> lines = new CopyOnWriteArrayList<>();

  public CapturingLogger(String name) {
    this.name = name;
  }

  /** Every line logged so far, as {@code LEVEL message[ | exception: message...]}. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** True if any logged line contains {@code text}. */
  public boolean anyLineContains(String text) {
    return lines.stream().anyMatch(line -> line.contains(text));
  }

  /** Forgets what was logged. */
  public void clear() {
    lines.clear();
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
    StringBuilder line = new StringBuilder(level.toString()).append(' ');
    line.append(MessageFormatter.basicArrayFormat(messagePattern, arguments));
    for (Throwable t : chainOf(throwable)) {
      line.append(" | ").append(t);
    }
    lines.add(line.toString());
  }

  /** The throwable, its causes and suppressed exceptions, each once. */
  static List<Throwable> chainOf(Throwable throwable) {
    List<Throwable> chain = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    List<Throwable> pending = new ArrayList<>();
    if (throwable != null) {
      pending.add(throwable);
    }
    while (!pending.isEmpty()) {
      Throwable t = pending.remove(0);
      if (seen.put(t, Boolean.TRUE) != null) {
        continue;
      }
      chain.add(t);
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      pending.addAll(List.of(t.getSuppressed()));
    }
    return chain;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
