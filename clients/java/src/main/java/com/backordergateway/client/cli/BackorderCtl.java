package com.backordergateway.client.cli;

import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.client.BackorderClient;
import com.backordergateway.client.BackorderClientBuilder;
import com.google.protobuf.Timestamp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code backorderctl}: the gateway's gRPC API from a shell.
 *
 * <p>Connection options may stand before or after the subcommand. Exit codes: 0 done, 1 any other
 * failure, 2 bad usage or input (the gateway's INVALID_ARGUMENT, listed per field), 3 not found,
 * 4 unauthenticated or permission denied, 5 the gateway is unavailable or timed out.
 */
@Command(name = "backorderctl", mixinStandardHelpOptions = true, version = "backorderctl 0.1.0",
    description = "Calls a Backorder Gateway: intake, events, cases, connectors, deliveries.",
    subcommands = {
        ReportInventoryCommand.class, MarkUnavailableCommand.class, RegisterShipmentCommand.class,
        UpdateShipmentCommand.class, ResolveCommand.class, EventsCommand.class, CasesCommand.class,
        ConnectorsCommand.class, DeliveriesCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:other failure", "2:bad usage or input (INVALID_ARGUMENT)",
        "3:not found", "4:unauthenticated or permission denied", "5:gateway unavailable or timed out"})
public final class BackorderCtl {

  static final String DEFAULT_TARGET = "localhost:9090";

  @Option(names = "--target", paramLabel = "HOST:PORT", scope = ScopeType.INHERIT,
      description = "Gateway gRPC address (default: env BACKORDER_TARGET, else " + DEFAULT_TARGET + ").")
  String target;

  @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
      description = "Bearer token (default: env BACKORDER_TOKEN). Never printed.")
  String token;

  @Option(names = "--tls", scope = ScopeType.INHERIT,
      description = "Connect with TLS, trusting the JDK's certificate authorities.")
  boolean tls;

  @Option(names = "--ca-file", paramLabel = "PEM", scope = ScopeType.INHERIT,
      description = "Connect with TLS, trusting only the CA certificates in this PEM file.")
  Path caFile;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", scope = ScopeType.INHERIT,
      description = "Deadline of each call in seconds (default: ${DEFAULT-VALUE}); watch has none.")
  long timeoutSeconds;

  @Option(names = "--json", scope = ScopeType.INHERIT,
      description = "Print the gateway's answer as JSON (watch: one object per line).")
  boolean json;

  private final Map<String, String> env;
  private PrintWriter out;

  BackorderCtl(Map<String, String> env) {
    this.env = env;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err, System.getenv()));
  }

  /** Runs one command line and answers its exit code; {@code env} stands in for the environment. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    BackorderCtl ctl = new BackorderCtl(env);
    ctl.out = out;
    CommandLine commandLine = new CommandLine(ctl)
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(new CallFailures(err))
        .registerConverter(InventoryCause.class, text -> ProtoEnums.parse(InventoryCause.class, text))
        .registerConverter(CaseStatus.class, text -> ProtoEnums.parse(CaseStatus.class, text))
        .registerConverter(DeliveryStatus.class, text -> ProtoEnums.parse(DeliveryStatus.class, text))
        .registerConverter(Trigger.class, text -> ProtoEnums.parse(Trigger.class, text))
        .registerConverter(Timestamp.class, Times::parse)
        .registerConverter(Orders.Spec.class, Orders::parse);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** A client for the configured gateway; the caller closes it. */
  BackorderClient connect() {
    BackorderClientBuilder builder = BackorderClient.builder()
        .target(target != null ? target : env.getOrDefault("BACKORDER_TARGET", DEFAULT_TARGET))
        .deadline(Duration.ofSeconds(timeoutSeconds));
    String bearer = token != null ? token : env.get("BACKORDER_TOKEN");
    if (bearer != null && !bearer.isEmpty()) {
      builder.token(bearer);
    }
    if (caFile != null) {
      builder.tls(caFile);
    } else if (tls) {
      builder.tls();
    }
    return builder.build();
  }

  /** Where results go: a table, or JSON with {@code --json}. */
  Output output() {
    return new Output(out, json);
  }
}
