package com.backordergateway.bench;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Drives unary gRPC calls through the async stub, closed or open loop (see {@link LoadPlan}),
 * and measures what came back.
 *
 * <p>Closed loop: latency is from each call's start to its answer. Open loop: calls start on a
 * schedule whether or not earlier ones answered, and latency is from the <em>scheduled</em>
 * start, so a stall in the target shows up in the percentiles instead of silently slowing the
 * generator down (coordinated omission).
 *
 * <p>Answers arrive on the channels' transport threads; recording there is wait-free
 * ({@link Recorder}). Sequence numbers continue across runs of one generator, so a warm-up run
 * and the measured run never send the same request.
 *
 * @param <T> the answer type
 */
public final class LoadGenerator<T> {

  /** Starts one call of sequence number {@code seq} on caller {@code caller}'s stub. */
  @FunctionalInterface
  public interface Call<T> {
    void start(int caller, long seq, StreamObserver<T> answer);
  }

  /** Sees each successful answer with the call's (scheduled) start, in {@link System#nanoTime()}. */
  @FunctionalInterface
  public interface Answers<T> {
    void onAnswer(long seq, long startNanos, T answer);

    static <T> Answers<T> ignore() {
      return (seq, start, answer) -> {};
    }
  }

  /** Beyond this many nested synchronous completions, the next call starts on another thread. */
  private static final int MAX_INLINE_DEPTH = 16;
  /** How long to wait for calls still unanswered after the last one started. */
  private static final Duration DRAIN = Duration.ofSeconds(60);

  private final String name;
  private final Call<T> call;
  private final AtomicLong seq = new AtomicLong();
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  public LoadGenerator(String name, Call<T> call) {
    this.name = name;
    this.call = call;
  }

  /** Runs once, discarding the measurement: lets the JIT and connection pools settle. */
  public void warmUp(LoadPlan plan) {
    run(plan, Answers.ignore());
  }

  public LoadResult run(LoadPlan plan) {
    return run(plan, Answers.ignore());
  }

  public LoadResult run(LoadPlan plan, Answers<T> answers) {
    Run run = new Run(plan, answers);
    return plan.closedLoop() ? run.closed() : run.open();
  }

  /** The state of one run. */
  private final class Run {
    private final LoadPlan plan;
    private final Answers<T> answers;
    private final Recorder latencies = new Recorder(3);
    private final ErrorCounts errors = new ErrorCounts();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong lastAnswer = new AtomicLong();
    private final ExecutorService overflow = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "load-overflow");
      t.setDaemon(true);
      return t;
    });
    private long begin;
    private long stopAt;

    Run(LoadPlan plan, Answers<T> answers) {
      this.plan = plan;
      this.answers = answers;
    }

    LoadResult closed() {
      int chains = plan.callers() * plan.inFlight();
      CountDownLatch ended = new CountDownLatch(chains);
      begin = System.nanoTime();
      stopAt = begin + plan.duration().toNanos();
      for (int c = 0; c < chains; c++) {
        next(c % plan.callers(), ended);
      }
      await(ended);
      return result();
    }

    /** Starts the caller's next call, or ends its chain when the run is over. */
    private void next(int caller, CountDownLatch ended) {
      if (System.nanoTime() >= stopAt || started.incrementAndGet() > plan.maxCalls()) {
        ended.countDown();
        return;
      }
      long start = System.nanoTime();
      send(caller, start, () -> continueChain(caller, ended));
    }

    private void continueChain(int caller, CountDownLatch ended) {
      int[] d = depth.get();
      if (d[0] >= MAX_INLINE_DEPTH) {
        overflow.execute(() -> next(caller, ended));
        return;
      }
      d[0]++;
      try {
        next(caller, ended);
      } finally {
        d[0]--;
      }
    }

    LoadResult open() {
      long interval = Math.max(1, (long) (1e9 / plan.ratePerSecond()));
      begin = System.nanoTime();
      stopAt = begin + plan.duration().toNanos();
      for (long i = 0; i < plan.maxCalls(); i++) {
        long scheduled = begin + i * interval;
        if (scheduled >= stopAt) {
          break;
        }
        long wait = scheduled - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        if (outstanding.get() >= LoadPlan.MAX_OUTSTANDING) {
          errors.add("SKIPPED_GENERATOR_SATURATED");
          continue;
        }
        send((int) (i % plan.callers()), scheduled, () -> {});
      }
      long deadline = System.nanoTime() + DRAIN.toNanos();
      while (outstanding.get() > 0 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      return result();
    }

    private void send(int caller, long startNanos, Runnable then) {
      long n = seq.getAndIncrement();
      outstanding.incrementAndGet();
      StreamObserver<T> observer = new StreamObserver<>() {
        private T answer;

        @Override
        public void onNext(T value) {
          answer = value;
        }

        @Override
        public void onError(Throwable t) {
          finish();
          errors.add(Status.fromThrowable(t).getCode().name());
          then.run();
        }

        @Override
        public void onCompleted() {
          long now = finish();
          latencies.recordValue(Math.max(0, (now - startNanos) / 1_000));
          answers.onAnswer(n, startNanos, answer);
          then.run();
        }
      };
      try {
        call.start(caller, n, observer);
      } catch (RuntimeException e) {
        observer.onError(e);
      }
    }

    private long finish() {
      long now = System.nanoTime();
      lastAnswer.accumulateAndGet(now, Math::max);
      outstanding.decrementAndGet();
      return now;
    }

    private void await(CountDownLatch ended) {
      try {
        if (!ended.await(plan.duration().plus(DRAIN).toMillis(), TimeUnit.MILLISECONDS)) {
          errors.add("UNFINISHED_AT_END");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private LoadResult result() {
      overflow.shutdown();
      long end = Math.max(lastAnswer.get(), begin + 1);
      return new LoadResult(name, plan.describe(), latencies.getIntervalHistogram(), errors.snapshot(), end - begin);
    }
  }
}
