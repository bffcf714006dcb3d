package com.backordergateway.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of the in-process gateway's {@code store-writer} thread, the one serial resource that
 * intake and delivery outcomes share. Per call it is a steadier figure than calls/s on a shared
 * machine: another process's load slows the clock, not the work the writer does per call.
 */
final class WriterCpu {

  private WriterCpu() {}

  /** The writer thread's CPU time so far, in nanoseconds. */
  static long nanos() {
    Thread writer = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("store-writer") && t.isAlive())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no store-writer thread in this JVM"));
    return ManagementFactory.getThreadMXBean().getThreadCpuTime(writer.getId());
  }
}
