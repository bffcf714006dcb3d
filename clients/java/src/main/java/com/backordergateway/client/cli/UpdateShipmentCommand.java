package com.backordergateway.client.cli;

import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.client.BackorderClient;
import com.google.protobuf.Timestamp;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ReportShipmentUpdate}: a new ETA, the receipt, or the cancellation of a shipment. */
@Command(name = "update-shipment", mixinStandardHelpOptions = true,
    description = "Report a registered shipment's new ETA, its receipt or its cancellation.")
final class UpdateShipmentCommand implements Callable<Integer> {

  @ParentCommand BackorderCtl ctl;

  @Option(names = "--po", required = true, paramLabel = "PO_NUMBER", description = "Purchase order number.")
  String poNumber;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Change change;

  @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Makes a retried call answer the original.")
  String idempotencyKey;

  /** Exactly one of the three. */
  static final class Change {
    @Option(names = "--expected-at", paramLabel = "TIME", description = "The supplier's new ETA.")
    Timestamp newExpectedAt;

    @Option(names = "--received", description = "The shipment arrived.")
    boolean received;

    @Option(names = "--cancelled", description = "The shipment will not come.")
    boolean cancelled;
  }

  @Override
  public Integer call() {
    ReportShipmentUpdateRequest.Builder request = ReportShipmentUpdateRequest.newBuilder().setPoNumber(poNumber);
    if (change.newExpectedAt != null) {
      request.setNewExpectedAt(change.newExpectedAt);
    } else if (change.received) {
      request.setReceived(true);
    } else {
      request.setCancelled(true);
    }
    if (idempotencyKey != null) {
      request.setIdempotencyKey(idempotencyKey);
    }
    try (BackorderClient client = ctl.connect()) {
      Records.intake(ctl.output(), client.backorder().reportShipmentUpdate(request.build()));
    }
    return 0;
  }
}
