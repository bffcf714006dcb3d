package com.backordergateway.client.cli;

import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.client.BackorderClient;
import com.google.protobuf.Timestamp;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code MarkUnavailable}: staff take a SKU off sale; its open orders' customers hear of it. */
@Command(name = "mark-unavailable", mixinStandardHelpOptions = true,
    description = "Mark a SKU unavailable: opens a case, alerts staff, notifies the listed orders.")
final class MarkUnavailableCommand implements Callable<Integer> {

  @ParentCommand BackorderCtl ctl;

  @Option(names = "--sku", required = true, paramLabel = "SKU", description = "The SKU.")
  String sku;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, e.g. \"damaged in warehouse\".")
  String reason;

  @Option(names = "--actor", required = true, paramLabel = "NAME", description = "Who marks it (staff name or system).")
  String actor;

  @Option(names = "--eta", paramLabel = "TIME", description = "When it is expected back, if known.")
  Timestamp eta;

  @Option(names = "--order", paramLabel = "ORDER", description = "An affected open order (repeatable): " + Orders.FORMAT)
  List<Orders.Spec> orders = List.of();

  @Option(names = "--category", paramLabel = "CATEGORY", description = "The SKU's product category.")
  String category;

  @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Makes a retried call answer the original.")
  String idempotencyKey;

  @Override
  public Integer call() {
    MarkUnavailableRequest.Builder request = MarkUnavailableRequest.newBuilder()
        .setSku(sku).setReason(reason).setActor(actor);
    orders.forEach(o -> request.addAffectedOrders(o.order()));
    if (eta != null) {
      request.setEta(eta);
    }
    if (category != null) {
      request.setCategory(category);
    }
    if (idempotencyKey != null) {
      request.setIdempotencyKey(idempotencyKey);
    }
    try (BackorderClient client = ctl.connect()) {
      Records.intake(ctl.output(), client.backorder().markUnavailable(request.build()));
    }
    return 0;
  }
}
