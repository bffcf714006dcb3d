package com.backordergateway.client.cli;

import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.client.BackorderClient;
import com.google.protobuf.Timestamp;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code RegisterExpectedShipment}: a purchase order whose delays the gateway should watch. */
@Command(name = "register-shipment", mixinStandardHelpOptions = true,
    description = "Register an expected supplier shipment so its delays are detected.")
final class RegisterShipmentCommand implements Callable<Integer> {

  @ParentCommand BackorderCtl ctl;

  @Option(names = "--supplier", required = true, paramLabel = "NAME", description = "Supplier name or id.")
  String supplier;

  @Option(names = "--po", required = true, paramLabel = "PO_NUMBER", description = "Purchase order number.")
  String poNumber;

  @Option(names = "--line", required = true, paramLabel = "SKU=QTY", description = "A line (repeatable), e.g. PAINT-RED=60.")
  List<String> lines;

  @Option(names = "--expected-at", required = true, paramLabel = "TIME", description = "When it is expected.")
  Timestamp expectedAt;

  @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Makes a retried call answer the original.")
  String idempotencyKey;

  @Override
  public Integer call() {
    RegisterExpectedShipmentRequest.Builder request = RegisterExpectedShipmentRequest.newBuilder()
        .setSupplier(supplier).setPoNumber(poNumber).setExpectedAt(expectedAt);
    lines.forEach(line -> request.addLines(line(line)));
    if (idempotencyKey != null) {
      request.setIdempotencyKey(idempotencyKey);
    }
    try (BackorderClient client = ctl.connect()) {
      Records.intake(ctl.output(), client.backorder().registerExpectedShipment(request.build()));
    }
    return 0;
  }

  /** {@code SKU=QTY}; the quantity's range is the gateway's to check. */
  static ShipmentLine line(String text) {
    int equals = text.lastIndexOf('=');
    try {
      return ShipmentLine.newBuilder().setSku(text.substring(0, equals))
          .setQuantity(Integer.parseInt(text.substring(equals + 1))).build();
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      throw new IllegalArgumentException("--line '" + text + "' is not SKU=QTY, e.g. PAINT-RED=60");
    }
  }
}
