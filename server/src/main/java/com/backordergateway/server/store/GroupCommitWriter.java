package com.backordergateway.server.store;

import com.backordergateway.server.errors.StoreCannotWriteException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs write transactions in batches: everything queued while one commit is in progress goes
 * into the next commit, so many intake calls share one fsync.
 *
 * <p>Each unit of work runs inside its own savepoint: one that fails is rolled back alone and
 * fails alone; the rest of its batch commits. Callers get a future completed only after the
 * commit, so no caller is told "accepted" before its rows are durable. Callers never block a
 * thread on the database, which keeps gRPC handlers on the transport threads.
 *
 * <p>A unit can {@link #handOff hand off} the part of its work that needs no database (rendering,
 * serializing) to the {@code store-prepare} threads while the writer goes on with the next unit;
 * the rows that work produces are written into the same transaction before the commit. Until
 * then other units of the batch do not see them, unless they ask for them by tag
 * ({@link #writeHandedOff}). Should handed-off work fail, the batch is rolled back and run again
 * without its unit, which fails alone as if it had failed in its savepoint.
 *
 * <p>On PostgreSQL, replicas' batches commit concurrently. A unit that loses a race with another
 * replica (a deadlock, a key the other inserted first) is rolled back to its savepoint and run
 * again in the next batch, where it sees the winner's rows; callers never hear of the race.
 *
 * <p>When the store cannot write (a full disk, a read-only file, another process's lock) every
 * unit of the batch fails with {@link StoreCannotWriteException} and nothing of it is stored; while
 * that lasts, an idle writer probes the store each second so it notices when the store is back.
 */
public final class GroupCommitWriter implements AutoCloseable {

  /** A piece of work inside a write transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Handle tx) throws Exception;
  }

  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_BATCH = 512;
  /** How often a unit may lose a race with another replica before its caller hears of it. */
  private static final int MAX_RACES = 5;
  private static final long PROBE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final StoreWriteHealth health;
  private long lastProbe = System.nanoTime();
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final List<Runnable> commitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  /** Where a batch's futures complete, one task a batch, so callers' continuations never run on the writer. */
  private final ExecutorService answers = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "store-answers");
    t.setDaemon(true);
    return t;
  });
  /** The writer's own connection, kept across batches so its prepared statements are reused. */
  private Handle handle;
  /** What the unit now running asked to run after its commit, and what the batch's released units asked. */
  private final List<Runnable> unitAfterCommit = new ArrayList<>();
  private final List<Runnable> batchAfterCommit = new ArrayList<>();
  private final Handoffs handoffs = new Handoffs();
  private Pending<?> runningUnit;

  public GroupCommitWriter(Database database, StoreWriteHealth health) {
    this.jdbi = database.jdbi();
    this.dialect = database.dialect();
    this.health = health;
    this.thread = new Thread(this::run, "store-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues work for the next commit; the future completes after that commit. */
  public <T> CompletableFuture<T> submit(Work<T> work) {
    Pending<T> pending = new Pending<>(work, new CompletableFuture<>(), 0);
    if (!running) {
      pending.result.completeExceptionally(new IllegalStateException("the store is closed"));
      return pending.result;
    }
    queue.add(pending);
    return pending.result;
  }

  /**
   * From inside a unit of work: runs {@code action} on the writer thread once that unit has
   * committed, before its caller hears of it; dropped if the unit rolls back or its batch fails.
   * For in-memory state that must only forget what the store has durably forgotten.
   */
  public void afterCommit(Runnable action) {
    requireUnit("afterCommit");
    unitAfterCommit.add(action);
  }

  /**
   * From inside a unit of work: runs {@code compute} on a prepare thread now, and writes its
   * result with {@code rows} before the batch commits (or sooner, when a later unit asks for one
   * of {@code tags}). The unit's caller reads the result from the returned handoff once its future
   * completes. Dropped if the unit rolls back; if {@code compute} or {@code rows} fails, the unit
   * fails with that error and nothing of it is stored.
   */
  public <T> Handoff<T> handOff(Collection<String> tags, Supplier<T> compute, Handoff.Rows<T> rows) {
    requireUnit("handOff");
    return handoffs.start(runningUnit.result, tags, compute, rows);
  }

  /**
   * From inside a unit of work: writes now whatever handed-off work of this batch carries
   * {@code tag}, so this unit reads those rows. (All pending handoffs are written, in order.)
   */
  public void writeHandedOff(String tag) {
    requireUnit("writeHandedOff");
    if (handoffs.pending(tag)) {
      handoffs.writeAllForUnit(handle);
    }
  }

  /** The database this writer writes to. */
  public Dialect dialect() {
    return dialect;
  }

  private void requireUnit(String what) {
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException(what + " is for units of work, on the writer thread");
    }
  }

  /** Runs after every successful commit, on the writer thread; keep it short. */
  public void onCommit(Runnable listener) {
    commitListeners.add(listener);
  }

  private void run() {
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    while (running || !queue.isEmpty()) {
      try {
        Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          probeWhileFailing();
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
      }
    }
    closeHandle();
  }

  private void commit(List<Pending<?>> batch) {
    List<Object> results = new ArrayList<>(batch.size());
    try {
      Handle tx = handle();
      tx.begin();
      for (Pending<?> pending : batch) {
        results.add(runInSavepoint(tx, pending));
      }
      handoffs.writeAll(tx);
      tx.commit();
    } catch (Handoff.Failed failed) {
      // Its unit's savepoint is gone: roll the batch back and run it again without that unit.
      forgetBatch();
      rollback();
      Pending<?> unit = batch.stream().filter(p -> p.result == failed.caller).findFirst().orElseThrow();
      if (lostRace(unit, failed.getCause())) {
        queue.add(unit.rerun());
      } else {
        answers.execute(() -> failed.caller.completeExceptionally(failed.getCause()));
      }
      List<Pending<?>> rest = new ArrayList<>(batch);
      rest.remove(unit);
      if (!rest.isEmpty()) {
        commit(rest);
      }
      return;
    } catch (RuntimeException e) {
      forgetBatch();
      closeHandle(); // whatever state a failed commit left the connection in, the next batch starts afresh
      RuntimeException failure = batchFailure(e, batch.size());
      List<Pending<?>> failed = List.copyOf(batch);
      answers.execute(() -> failed.forEach(p -> p.result.completeExceptionally(failure)));
      return;
    }
    if (health.failing()) {
      probe(); // a batch that wrote nothing proves nothing: only the probe ends an outage
    }
    // Hooks and listeners first: whoever waits on a unit's result may rely on them having run.
    batchAfterCommit.forEach(Runnable::run);
    batchAfterCommit.clear();
    commitListeners.forEach(Runnable::run);
    List<Pending<?>> committed = new ArrayList<>(batch.size());
    List<Object> outcomes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      if (results.get(i) instanceof Rerun) {
        queue.add(batch.get(i).rerun());
      } else {
        committed.add(batch.get(i));
        outcomes.add(results.get(i));
      }
    }
    answers.execute(() -> {
      for (int i = 0; i < committed.size(); i++) {
        committed.get(i).complete(outcomes.get(i));
      }
    });
  }

  private void forgetBatch() {
    batchAfterCommit.clear();
    handoffs.clear();
  }

  private boolean lostRace(Pending<?> unit, Throwable error) {
    return dialect.shared() && unit.races < MAX_RACES && StoreFaults.lostRace(error);
  }

  private void rollback() {
    try {
      handle.rollback();
    } catch (RuntimeException e) {
      closeHandle();
    }
  }

  private Handle handle() {
    if (handle == null) {
      handle = jdbi.open();
      handle.setStatementBuilder(new ReusedStatements());
    }
    return handle;
  }

  private void closeHandle() {
    if (handle != null) {
      try {
        handle.close(); // rolls back what the failed batch left open
      } catch (RuntimeException e) {
        log.debug("closing the writer's connection after a failed batch", e);
      }
      handle = null;
    }
  }

  /** What the callers of a batch that did not commit are told. */
  private RuntimeException batchFailure(RuntimeException error, int units) {
    Throwable cause = error instanceof StoreFault fault ? fault.getCause() : error;
    var reason = StoreFaults.reason(cause);
    if (reason.isEmpty()) {
      log.error("write batch of {} failed to commit", units, error);
      return error;
    }
    health.failed(reason.get());
    return new StoreCannotWriteException(reason.get(), cause);
  }

  /** One small write each second while the store is failing, so recovery is noticed without traffic. */
  private void probeWhileFailing() {
    if (health.failing() && System.nanoTime() - lastProbe >= PROBE_EVERY_NANOS) {
      probe();
    }
  }

  private void probe() {
    lastProbe = System.nanoTime();
    try {
      jdbi.useTransaction(h -> h.execute("INSERT INTO store_probe (id, written_at) VALUES (1, ?)"
          + " ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at", System.currentTimeMillis()));
      health.succeeded();
    } catch (RuntimeException e) {
      StoreFaults.reason(e).ifPresentOrElse(health::failed, () -> log.error("the store probe failed", e));
    }
  }

  private Object runInSavepoint(Handle tx, Pending<?> pending) {
    // As plain statements the writer prepares once; the JDBC savepoint API parses them on every unit.
    DirectWrites.update(tx, "SAVEPOINT work");
    unitAfterCommit.clear();
    runningUnit = pending;
    try {
      Object result = pending.work.apply(tx);
      DirectWrites.update(tx, "RELEASE work");
      batchAfterCommit.addAll(unitAfterCommit);
      handoffs.unitReleased();
      return result;
    } catch (Handoff.Failed e) {
      throw e; // an earlier unit's handed-off work, written at this unit's asking, failed: the batch reruns without it
    } catch (Exception e) {
      handoffs.unitDropped();
      // A race with another replica ended only this unit's statement: its savepoint undoes it.
      boolean rerun = lostRace(pending, e);
      if (!rerun && StoreFaults.reason(e).isPresent()) {
        // A full disk or a lost connection may have ended the transaction itself: the batch fails as one.
        throw new StoreFault(e);
      }
      DirectWrites.update(tx, "ROLLBACK TO work");
      DirectWrites.update(tx, "RELEASE work");
      return rerun ? Rerun.INSTANCE : new Failure(e);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      handoffs.close();
      answers.shutdown(); // after the last batch: its callers still hear their answers
    }
  }

  private record Failure(Exception error) {}

  /** A unit that lost a race with another replica: rolled back, to run again in the next batch. */
  private enum Rerun { INSTANCE }

  /** Carries a unit's store fault out of the batch's transaction. */
  private static final class StoreFault extends RuntimeException {
    StoreFault(Exception cause) {
      super(cause);
    }
  }

  private record Pending<T>(Work<T> work, CompletableFuture<T> result, int races) {
    Pending<T> rerun() {
      return new Pending<>(work, result, races + 1);
    }

    @SuppressWarnings("unchecked")
    void complete(Object outcome) {
      if (outcome instanceof Failure failure) {
        result.completeExceptionally(failure.error());
      } else {
        result.complete((T) outcome);
      }
    }
  }
}
