package com.backordergateway.server.store;

import com.backordergateway.server.errors.StoreCannotWriteException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
  private static final long PROBE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Jdbi jdbi;
  private final StoreWriteHealth health;
  private long lastProbe = System.nanoTime();
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final List<Runnable> commitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  /** The writer's own connection, kept across batches so its prepared statements are reused. */
  private Handle handle;
  /** What the unit now running asked to run after its commit, and what the batch's released units asked. */
  private final List<Runnable> unitAfterCommit = new ArrayList<>();
  private final List<Runnable> batchAfterCommit = new ArrayList<>();

  public GroupCommitWriter(Database database, StoreWriteHealth health) {
    this.jdbi = database.jdbi();
    this.health = health;
    this.thread = new Thread(this::run, "store-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues work for the next commit; the future completes after that commit. */
  public <T> CompletableFuture<T> submit(Work<T> work) {
    Pending<T> pending = new Pending<>(work, new CompletableFuture<>());
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
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException("afterCommit is for units of work, on the writer thread");
    }
    unitAfterCommit.add(action);
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
      tx.commit();
    } catch (RuntimeException e) {
      batchAfterCommit.clear();
      closeHandle(); // whatever state a failed commit left the connection in, the next batch starts afresh
      RuntimeException failure = batchFailure(e, batch.size());
      batch.forEach(p -> p.result.completeExceptionally(failure));
      return;
    }
    if (health.failing()) {
      probe(); // a batch that wrote nothing proves nothing: only the probe ends an outage
    }
    // Hooks and listeners first: whoever waits on a unit's result may rely on them having run.
    batchAfterCommit.forEach(Runnable::run);
    batchAfterCommit.clear();
    commitListeners.forEach(Runnable::run);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).complete(results.get(i));
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
      jdbi.useTransaction(h -> h.execute(
          "INSERT OR REPLACE INTO store_probe (id, written_at) VALUES (1, ?)", System.currentTimeMillis()));
      health.succeeded();
    } catch (RuntimeException e) {
      StoreFaults.reason(e).ifPresentOrElse(health::failed, () -> log.error("the store probe failed", e));
    }
  }

  private Object runInSavepoint(Handle tx, Pending<?> pending) {
    tx.savepoint("work");
    unitAfterCommit.clear();
    try {
      Object result = pending.work.apply(tx);
      tx.release("work");
      batchAfterCommit.addAll(unitAfterCommit);
      return result;
    } catch (Exception e) {
      if (StoreFaults.reason(e).isPresent()) {
        // A full disk or a lost lock may have ended the transaction itself: the batch fails as one.
        throw new StoreFault(e);
      }
      // Jdbi forgets the savepoint on rollback; the outer commit ends it in the database.
      tx.rollbackToSavepoint("work");
      return new Failure(e);
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
  }

  private record Failure(Exception error) {}

  /** Carries a unit's store fault out of the batch's transaction. */
  private static final class StoreFault extends RuntimeException {
    StoreFault(Exception cause) {
      super(cause);
    }
  }

  private record Pending<T>(Work<T> work, CompletableFuture<T> result) {
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
