package com.backordergateway.client.cli;

import com.backordergateway.api.v1.Resolution;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.client.BackorderClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ResolveBackorder}: end a case as restocked or cancelled. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
    description = "Resolve an open backorder case (by case id or SKU) as restocked or cancelled.")
final class ResolveCommand implements Callable<Integer> {

  @ParentCommand BackorderCtl ctl;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Outcome outcome;

  @Option(names = "--message", paramLabel = "TEXT", description = "A note for the resolution notices.")
  String message;

  @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Makes a retried call answer the original.")
  String idempotencyKey;

  /** Which case: exactly one. */
  static final class Target {
    @Option(names = "--case", paramLabel = "CASE_ID", description = "The case id.")
    String caseId;

    @Option(names = "--sku", description = "The SKU whose open case ends.")
    String sku;
  }

  /** How it ends: exactly one. */
  static final class Outcome {
    @Option(names = "--restocked", description = "The item is back in stock.")
    boolean restocked;

    @Option(names = "--cancelled", description = "The item will not come back.")
    boolean cancelled;
  }

  @Override
  public Integer call() {
    ResolveBackorderRequest.Builder request = ResolveBackorderRequest.newBuilder()
        .setResolution(outcome.restocked ? Resolution.RESOLUTION_RESTOCKED : Resolution.RESOLUTION_CANCELLED);
    if (target.caseId != null) {
      request.setCaseId(target.caseId);
    } else {
      request.setSku(target.sku);
    }
    if (message != null) {
      request.setMessage(message);
    }
    if (idempotencyKey != null) {
      request.setIdempotencyKey(idempotencyKey);
    }
    try (BackorderClient client = ctl.connect()) {
      Records.intake(ctl.output(), client.backorder().resolveBackorder(request.build()));
    }
    return 0;
  }
}
