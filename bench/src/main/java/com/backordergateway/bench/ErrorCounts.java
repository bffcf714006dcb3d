package com.backordergateway.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failed calls by gRPC status code (or the generator's own reason), counted from any thread. */
final class ErrorCounts {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void add(String reason) {
    counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((reason, n) -> copy.put(reason, n.sum()));
    return copy;
  }
}
