package com.backordergateway.client.cli;

import com.backordergateway.api.v1.InventoryCause;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.client.BackorderClient;
import com.google.protobuf.Timestamp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ReportInventoryLevel}: a SKU's on-hand level after a sale, receipt, count or correction. */
@Command(name = "report-inventory", mixinStandardHelpOptions = true,
    description = "Report a SKU's on-hand level; a sale to zero or below opens a backorder.")
final class ReportInventoryCommand implements Callable<Integer> {

  @ParentCommand BackorderCtl ctl;

  @Option(names = "--sku", required = true, paramLabel = "SKU", description = "The SKU, e.g. ACR-TITANIUM-WHITE.")
  String sku;

  @Option(names = "--on-hand", required = true, paramLabel = "N", description = "Units on hand after the change.")
  int onHand;

  @Option(names = "--cause", required = true, paramLabel = "CAUSE",
      description = "What changed it: sale, adjustment, receipt or count.")
  InventoryCause cause;

  @Option(names = "--order", paramLabel = "ORDER", description = "For a sale, the order: " + Orders.FORMAT)
  Orders.Spec order;

  @Option(names = "--category", paramLabel = "CATEGORY", description = "The SKU's product category, e.g. paint.")
  String category;

  @Option(names = "--observed-at", paramLabel = "TIME", description = "When the level was seen (default: now).")
  Timestamp observedAt;

  @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Makes a retried call answer the original.")
  String idempotencyKey;

  @Override
  public Integer call() {
    ReportInventoryLevelRequest.Builder request = ReportInventoryLevelRequest.newBuilder()
        .setSku(sku).setOnHand(onHand).setCause(cause);
    if (order != null) {
      request.setOrder(order.order());
    }
    if (category != null) {
      request.setCategory(category);
    }
    if (observedAt != null) {
      request.setObservedAt(observedAt);
    }
    if (idempotencyKey != null) {
      request.setIdempotencyKey(idempotencyKey);
    }
    try (BackorderClient client = ctl.connect()) {
      Records.intake(ctl.output(), client.backorder().reportInventoryLevel(request.build()));
    }
    return 0;
  }
}
