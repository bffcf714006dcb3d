package com.backordergateway.server.intake;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.CaseStatus;
import com.backordergateway.api.v1.EventKind;
import com.backordergateway.api.v1.Resolution;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.server.errors.ConflictException;
import com.backordergateway.server.errors.NotFoundException;
import java.time.Instant;

/** Ends a case as restocked or cancelled: unsent notices are cancelled, those told hear the outcome. */
final class ResolutionRule implements IntakeRule<ResolveBackorderRequest> {

  @Override
  public EventKind kind() {
    return EventKind.EVENT_KIND_RESOLUTION;
  }

  @Override
  public void validate(ResolveBackorderRequest r, Violations v, Instant now) {
    switch (r.getTargetCase()) {
      case CASE_ID -> v.requiredId("case_id", r.getCaseId());
      case SKU -> v.sku("sku", r.getSku());
      case TARGET_NOT_SET -> v.add("target", "exactly one of case_id, sku is required");
    }
    v.check(r.getResolution() == Resolution.RESOLUTION_RESTOCKED || r.getResolution() == Resolution.RESOLUTION_CANCELLED,
        "resolution", "required: RESTOCKED or CANCELLED");
    v.idempotencyKey(r.getIdempotencyKey());
  }

  @Override
  public void apply(IntakeTransaction tx, ResolveBackorderRequest r) {
    BackorderCase c =
        r.hasCaseId()
            ? tx.caseById(r.getCaseId()).orElseThrow(() -> new NotFoundException("no case " + r.getCaseId()))
            : tx.openCase(r.getSku()).orElseThrow(() -> new NotFoundException("no open case for SKU " + r.getSku()));
    if (c.getStatus() != CaseStatus.CASE_STATUS_OPEN) {
      throw ConflictException.failedPrecondition("case " + c.getId() + " is already resolved");
    }
    tx.touchedSku(c.getSku());
    boolean restocked = r.getResolution() == Resolution.RESOLUTION_RESTOCKED;
    tx.resolve(c, restocked ? CaseStatus.CASE_STATUS_RESTOCKED : CaseStatus.CASE_STATUS_CANCELLED, r.getMessage(),
        "resolved as " + (restocked ? "restocked" : "cancelled") + " through ResolveBackorder");
    tx.notFired("case " + c.getId() + " resolved as " + (restocked ? "restocked" : "cancelled")
        + "; unsent notices cancelled, " + tx.deliveries().size() + " resolution notice(s) planned");
  }
}
