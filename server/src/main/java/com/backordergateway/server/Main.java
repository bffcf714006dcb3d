package com.backordergateway.server;

import com.backordergateway.server.config.ConfigException;
import com.backordergateway.server.config.ConfigLoader;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Secrets;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Parses arguments, loads the config, runs the gateway until SIGTERM or Ctrl-C. */
@Command(name = "backorder-gateway", mixinStandardHelpOptions = true,
    description = "Runs the Backorder Gateway.", subcommands = MigrateCommand.class)
public final class Main implements Callable<Integer> {

  /** Exit code for a configuration that cannot be used. */
  static final int BAD_CONFIG = 2;

  /** Exit code when a listener or file the config names cannot be used. */
  static final int CANNOT_START = 3;

  // Checked in call(), not by picocli: picocli would also demand it of a subcommand such as migrate.
  @Option(names = "--config", description = "YAML config file (required to run the gateway).")
  Path config;

  @Option(names = "--grpc-port", description = "gRPC port (default: env GATEWAY_GRPC_PORT, then config, then 9090).")
  Integer grpcPort;

  @Option(names = "--http-port", description = "HTTP port (default: env GATEWAY_HTTP_PORT, then config, then 8080).")
  Integer httpPort;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    if (config == null) {
      System.err.println("Missing required option: '--config=<config>'");
      return BAD_CONFIG;
    }
    GatewayConfig loaded;
    try {
      loaded = new ConfigLoader(System::getenv, Secrets.global()).load(config);
      loaded = PortOverrides.apply(loaded, grpcPort, httpPort, System::getenv);
    } catch (ConfigException e) {
      System.err.println(config + ": " + e.getMessage());
      return BAD_CONFIG;
    }
    Gateway gateway;
    try {
      gateway = startUnwrapped(loaded);
    } catch (ConfigException e) {
      System.err.println(config + ": " + e.getMessage());
      return BAD_CONFIG;
    } catch (java.io.UncheckedIOException e) {
      // A port in use, a store path that cannot be used: say which, without a stack trace
      // (unusable TLS files are config errors).
      Throwable cause = e.getCause() == null ? e : e.getCause();
      System.err.println(e.getMessage() + ": " + cause.getMessage()
          + (cause.getCause() != null ? " (" + cause.getCause().getMessage() + ")" : ""));
      return CANNOT_START;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close();
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Starts the gateway; a failure while Guice builds an object (the store, a listener) is thrown
   * as itself, so it is reported in one line like any other, not as Guice's provisioning trace.
   */
  private static Gateway startUnwrapped(GatewayConfig config) {
    try {
      return Gateway.start(config);
    } catch (ProvisionException | CreationException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof ConfigException || cause instanceof java.io.UncheckedIOException) {
          throw (RuntimeException) cause;
        }
      }
      throw e;
    }
  }
}
