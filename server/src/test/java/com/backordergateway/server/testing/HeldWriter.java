package com.backordergateway.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.server.store.GroupCommitWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds a store writer inside a unit, so everything submitted until it is released shares one batch. */
public final class HeldWriter {

  private HeldWriter() {}

  /** Returns once the writer is held; count the latch down to let it go on. */
  public static CountDownLatch hold(GroupCommitWriter writer) throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(1);
    writer.submit(h -> {
      holding.countDown();
      return release.await(10, TimeUnit.SECONDS);
    });
    assertThat(holding.await(10, TimeUnit.SECONDS)).as("the writer took the holding unit").isTrue();
    return release;
  }
}
