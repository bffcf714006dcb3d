package com.backordergateway.server.intake;

import com.backordergateway.api.v1.EventKind;
import com.google.protobuf.Message;
import java.time.Instant;

/**
 * One intake call's trigger rule.
 *
 * <ol>
 *   <li>{@link #validate} runs first, outside any transaction, and reports every bad field;
 *   <li>{@link #apply} runs inside the write transaction, reads current state and records what
 *       the call did on the {@link IntakeTransaction}; throwing rolls back everything it wrote.
 * </ol>
 */
interface IntakeRule<R extends Message> {

  EventKind kind();

  void validate(R request, Violations violations, Instant now);

  void apply(IntakeTransaction tx, R request);
}
