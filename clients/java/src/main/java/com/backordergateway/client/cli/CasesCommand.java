package com.backordergateway.client.cli;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.GetCaseRequest;
import com.backordergateway.api.v1.ListCasesRequest;
import com.backordergateway.api.v1.ListCasesResponse;
import com.backordergateway.client.BackorderClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Backorder cases: one per SKU from the moment it runs out until it is resolved. */
@Command(name = "cases", mixinStandardHelpOptions = true, description = "List and show backorder cases.")
final class CasesCommand extends GroupCommand {

  @ParentCommand BackorderCtl ctl;

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List cases, most recently opened first.")
  int list(
      @Option(names = "--sku", description = "Only cases of this SKU.") String sku,
      @Option(names = "--status", description = "Only cases in this state: open, restocked, cancelled.") CaseStatus status,
      @Option(names = "--page-size", defaultValue = "0", description = "Cases per page (gateway default 50).") int pageSize,
      @Option(names = "--page-token", paramLabel = "TOKEN", description = "Token of the page to fetch.") String pageToken) {
    ListCasesRequest.Builder request = ListCasesRequest.newBuilder().setPageSize(pageSize);
    if (sku != null) {
      request.setSku(sku);
    }
    if (status != null) {
      request.setStatus(status);
    }
    if (pageToken != null) {
      request.setPageToken(pageToken);
    }
    ListCasesResponse response;
    try (BackorderClient client = ctl.connect()) {
      response = client.backorder().listCases(request.build());
    }
    Output output = ctl.output();
    if (output.json()) {
      output.json(response);
    } else {
      output.table(Records.cases(response.getCasesList()), "No cases.");
      output.nextPage(response.getNextPageToken());
    }
    return 0;
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one case and its orders.")
  int get(@Parameters(paramLabel = "CASE_ID", description = "The case id.") String caseId) {
    BackorderCase found;
    try (BackorderClient client = ctl.connect()) {
      found = client.backorder().getCase(GetCaseRequest.newBuilder().setCaseId(caseId).build());
    }
    Output output = ctl.output();
    if (output.json()) {
      output.json(found);
      return 0;
    }
    output.field("case", found.getId());
    output.field("sku", found.getSku());
    output.field("category", found.getCategory());
    output.field("status", ProtoEnums.shortName(found.getStatus()));
    output.field("opened by", ProtoEnums.shortName(found.getOpenedBy()));
    output.field("reason", found.getReason());
    output.field("eta", Times.format(found.getEta()));
    output.field("opened", Times.format(found.getOpenedAt()));
    output.field("updated", Times.format(found.getUpdatedAt()));
    output.field("resolved", Times.format(found.getResolvedAt()));
    output.field("resolution note", found.getResolutionMessage());
    output.line("");
    output.table(Records.orders(found.getOrdersList()), "No orders.");
    return 0;
  }
}
