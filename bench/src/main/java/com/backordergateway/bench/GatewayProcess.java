package com.backordergateway.bench;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as ops run it: a separate {@code java} process with {@code --config}, its output
 * in a log file. Knows when it is up (gRPC health SERVING) and what it holds in memory
 * ({@code /proc/<pid>/status}).
 */
final class GatewayProcess implements AutoCloseable {

  private static final Duration START_LIMIT = Duration.ofSeconds(60);

  final Process process;
  final int port;
  final long launchedNanos;
  private final Path log;

  private GatewayProcess(Process process, int port, long launchedNanos, Path log) {
    this.process = process;
    this.port = port;
    this.launchedNanos = launchedNanos;
    this.log = log;
  }

  /** Launches {@code command --config <config>} in {@code folder}; the clock starts just before. */
  static GatewayProcess launch(List<String> command, Path config, int port, Path folder) {
    List<String> full = new ArrayList<>(command);
    full.add("--config");
    full.add(config.toString());
    Path log = folder.resolve("gateway.log");
    ProcessBuilder builder = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    long launched = System.nanoTime();
    try {
      return new GatewayProcess(builder.start(), port, launched, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch " + full, e);
    }
  }

  /** A loopback port free right now (the gateway binds it a moment later). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until gRPC health answers SERVING and returns the time since launch. Polls the port
   * with plain connects first, so no gRPC reconnect back-off delays the answer.
   */
  Duration awaitServing() throws InterruptedException {
    long deadline = launchedNanos + START_LIMIT.toNanos();
    while (!accepts()) {
      check(deadline);
      TimeUnit.MILLISECONDS.sleep(5);
    }
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
      while (true) {
        try {
          ServingStatus status = health.withDeadlineAfter(1, TimeUnit.SECONDS)
              .check(HealthCheckRequest.getDefaultInstance()).getStatus();
          if (status == ServingStatus.SERVING) {
            return Duration.ofNanos(System.nanoTime() - launchedNanos);
          }
        } catch (StatusRuntimeException notYet) {
          channel.resetConnectBackoff();
        }
        check(deadline);
        TimeUnit.MILLISECONDS.sleep(5);
      }
    } finally {
      channel.shutdownNow();
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private void check(long deadline) {
    if (!process.isAlive()) {
      throw new IllegalStateException("the gateway exited with " + process.exitValue() + ":\n" + logTail());
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("the gateway did not serve within " + START_LIMIT + ":\n" + logTail());
    }
  }

  /** A line of {@code /proc/<pid>/status} in KiB, e.g. {@code VmRSS} (resident now) or {@code VmHWM} (peak). */
  long statusKib(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
        }
      }
      return -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM (the gateway's graceful stop), then a kill if it does not exit in time. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
