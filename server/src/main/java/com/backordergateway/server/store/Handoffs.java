package com.backordergateway.server.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The writer's handed-off work not written yet: the running unit's, and the batch's released
 * units', with the tags other units can ask for. Used on the writer thread only; the work
 * itself runs on the {@code store-prepare} threads.
 */
final class Handoffs implements AutoCloseable {

  private final ExecutorService prepare = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "store-prepare");
    t.setDaemon(true);
    return t;
  });
  private final List<Handoff<?>> unit = new ArrayList<>();
  private final List<Handoff<?>> batch = new ArrayList<>();
  private final Set<String> batchTags = new HashSet<>();
  /**
   * Released units' handoffs written at the running unit's asking: their rows are inside its
   * savepoint, so if it rolls back they are gone again and must be written later after all.
   */
  private final List<Handoff<?>> writtenInUnit = new ArrayList<>();

  /** Starts {@code compute} now, for the unit whose caller waits on {@code caller}. */
  <T> Handoff<T> start(CompletableFuture<?> caller, Collection<String> tags, Supplier<T> compute,
      Handoff.Rows<T> rows) {
    Handoff<T> handoff = new Handoff<>(caller, Set.copyOf(tags), CompletableFuture.supplyAsync(compute, prepare), rows);
    unit.add(handoff);
    return handoff;
  }

  boolean pending(String tag) {
    return batchTags.contains(tag) || unit.stream().anyMatch(h -> h.tags.contains(tag));
  }

  /** The running unit released its savepoint: its handoffs now belong to the batch. */
  void unitReleased() {
    unit.forEach(h -> batchTags.addAll(h.tags));
    batch.addAll(unit);
    unit.clear();
    writtenInUnit.clear();
  }

  /**
   * The running unit rolled back: what it handed off is dropped, and what it wrote of earlier
   * units' handoffs (rolled back with it) is pending again.
   */
  void unitDropped() {
    unit.clear();
    writtenInUnit.forEach(h -> batchTags.addAll(h.tags));
    batch.addAll(0, writtenInUnit);
    writtenInUnit.clear();
  }

  /** From inside a unit: writes every pending handoff, the batch's in order and then the unit's own. */
  void writeAllForUnit(Handle tx) {
    List<Handoff<?>> earlier = List.copyOf(batch);
    writeAll(tx);
    writtenInUnit.addAll(earlier);
  }

  /** Writes every pending handoff, the batch's in order and then the running unit's. */
  void writeAll(Handle tx) {
    List<Handoff<?>> due = new ArrayList<>(batch);
    due.addAll(unit);
    unit.clear();
    batch.clear();
    batchTags.clear();
    for (Handoff<?> handoff : due) {
      handoff.write(tx);
    }
  }

  void clear() {
    unit.clear();
    batch.clear();
    batchTags.clear();
    writtenInUnit.clear();
  }

  @Override
  public void close() {
    prepare.shutdown();
  }
}
