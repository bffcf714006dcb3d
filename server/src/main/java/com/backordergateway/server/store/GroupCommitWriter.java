package com.backordergateway.server.store;

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
 */
public final class GroupCommitWriter implements AutoCloseable {

  /** A piece of work inside a write transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Handle tx) throws Exception;
  }

  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_BATCH = 512;

  private final Jdbi jdbi;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final List<Runnable> commitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  public GroupCommitWriter(Database database) {
    this.jdbi = database.jdbi();
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
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Pending<?>> batch) {
    List<Object> results = new ArrayList<>(batch.size());
    try (Handle tx = jdbi.open()) {
      tx.begin();
      for (Pending<?> pending : batch) {
        results.add(runInSavepoint(tx, pending));
      }
      tx.commit();
    } catch (RuntimeException e) {
      log.error("write batch of {} failed to commit", batch.size(), e);
      batch.forEach(p -> p.result.completeExceptionally(e));
      return;
    }
    // Listeners first: whoever waits on a unit's result may rely on them having heard of the commit.
    commitListeners.forEach(Runnable::run);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).complete(results.get(i));
    }
  }

  private static Object runInSavepoint(Handle tx, Pending<?> pending) {
    tx.savepoint("work");
    try {
      Object result = pending.work.apply(tx);
      tx.release("work");
      return result;
    } catch (Exception e) {
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
