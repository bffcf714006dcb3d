package com.backordergateway.server.store;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.Handle;

/**
 * Work a unit of the {@link GroupCommitWriter} handed off the writer thread (see
 * {@link GroupCommitWriter#handOff}); {@link #get} gives its result once the unit's future has
 * completed.
 */
public final class Handoff<T> {

  /** Writes what handed-off work computed, on the writer, inside the unit's transaction. */
  @FunctionalInterface
  public interface Rows<T> {
    void write(Handle tx, T computed);
  }

  /** Handed-off work that failed after its unit's savepoint was released; {@code caller} is that unit's. */
  static final class Failed extends RuntimeException {
    final CompletableFuture<?> caller;

    Failed(CompletableFuture<?> caller, Throwable cause) {
      super(cause);
      this.caller = caller;
    }
  }

  private final CompletableFuture<?> caller;
  final Set<String> tags;
  private final CompletableFuture<T> computed;
  private final Rows<T> rows;
  private T result;
  private boolean written;

  Handoff(CompletableFuture<?> caller, Set<String> tags, CompletableFuture<T> computed, Rows<T> rows) {
    this.caller = caller;
    this.tags = tags;
    this.computed = computed;
    this.rows = rows;
  }

  /** The computed result, once its rows are written. */
  public T get() {
    if (!written) {
      throw new IllegalStateException("read before its rows were written");
    }
    return result;
  }

  /** Waits for the result and writes its rows; a store fault is the batch's, anything else the unit's. */
  void write(Handle tx) {
    try {
      result = computed.join();
    } catch (CompletionException e) {
      throw new Failed(caller, e.getCause());
    }
    try {
      rows.write(tx, result);
    } catch (RuntimeException e) {
      if (StoreFaults.reason(e).isPresent() && !StoreFaults.lostRace(e)) {
        throw e;
      }
      throw new Failed(caller, e); // its unit alone: it fails, or reruns if it lost a race
    }
    written = true;
  }
}
