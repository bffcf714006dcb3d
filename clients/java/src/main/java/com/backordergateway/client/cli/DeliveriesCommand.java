package com.backordergateway.client.cli;

import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.ListDeliveriesResponse;
import com.backordergateway.api.v1.RetryDeliveriesRequest;
import com.backordergateway.api.v1.RetryDeliveriesResponse;
import com.backordergateway.client.BackorderClient;
import com.google.protobuf.Timestamp;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Planned notifications and dead-letter replay (admin scope). */
@Command(name = "deliveries", mixinStandardHelpOptions = true, description = "List deliveries and retry dead ones.")
final class DeliveriesCommand extends GroupCommand {

  @ParentCommand BackorderCtl ctl;

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List deliveries, newest first.")
  int list(
      @Option(names = "--status", description = "Only in this state: pending, in_flight, delivered, dead,"
          + " cancelled.") DeliveryStatus status,
      @Option(names = "--connector", paramLabel = "CONNECTOR_ID", description = "Only for this instance.") String connector,
      @Option(names = "--case", paramLabel = "CASE_ID", description = "Only for this case.") String caseId,
      @Option(names = "--page-size", defaultValue = "0", description = "Deliveries per page (gateway default 50).") int pageSize,
      @Option(names = "--page-token", paramLabel = "TOKEN", description = "Token of the page to fetch.") String pageToken) {
    ListDeliveriesRequest.Builder request = ListDeliveriesRequest.newBuilder().setPageSize(pageSize);
    if (status != null) {
      request.setStatus(status);
    }
    if (connector != null) {
      request.setConnectorId(connector);
    }
    if (caseId != null) {
      request.setCaseId(caseId);
    }
    if (pageToken != null) {
      request.setPageToken(pageToken);
    }
    ListDeliveriesResponse response;
    try (BackorderClient client = ctl.connect()) {
      response = client.admin().listDeliveries(request.build());
    }
    Output output = ctl.output();
    if (output.json()) {
      output.json(response);
    } else {
      output.table(Records.deliveries(response.getDeliveriesList()), "No deliveries.");
      output.nextPage(response.getNextPageToken());
    }
    return 0;
  }

  @Command(name = "retry", mixinStandardHelpOptions = true,
      description = "Requeue dead or cancelled deliveries: the given ids, or all that match the filters.")
  int retry(
      @Parameters(paramLabel = "DELIVERY_ID", arity = "0..*", description = "Deliveries to requeue.") List<String> ids,
      @Option(names = "--status", description = "Filter: dead or cancelled.") DeliveryStatus status,
      @Option(names = "--connector", paramLabel = "CONNECTOR_ID", description = "Filter: this instance.") String connector,
      @Option(names = "--updated-before", paramLabel = "TIME", description = "Filter: last changed before.") Timestamp before) {
    RetryDeliveriesRequest.Builder request = RetryDeliveriesRequest.newBuilder();
    if (ids != null) {
      request.addAllDeliveryIds(ids);
    }
    if (status != null) {
      request.setStatus(status);
    }
    if (connector != null) {
      request.setConnectorId(connector);
    }
    if (before != null) {
      request.setUpdatedBefore(before);
    }
    RetryDeliveriesResponse response;
    try (BackorderClient client = ctl.connect()) {
      response = client.admin().retryDeliveries(request.build());
    }
    Output output = ctl.output();
    if (output.json()) {
      output.json(response);
    } else {
      output.line("requeued " + response.getRequeued());
    }
    return 0;
  }
}
