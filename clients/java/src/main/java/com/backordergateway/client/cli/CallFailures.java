package com.backordergateway.client.cli;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into a message on stderr and its exit code.
 *
 * <p>A gateway error prints its status and description; INVALID_ARGUMENT also prints each field
 * violation of its {@code google.rpc.BadRequest} on a line of its own, as {@code field:
 * description}. Input the CLI itself refuses (a bad target, an unreadable CA file) exits 2 like
 * other usage errors.
 */
final class CallFailures implements IExecutionExceptionHandler {

  static final int OTHER = 1;
  static final int BAD_INPUT = 2;
  static final int NOT_FOUND = 3;
  static final int DENIED = 4;
  static final int UNAVAILABLE = 5;

  private final PrintWriter err;

  CallFailures(PrintWriter err) {
    this.err = err;
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    if (failure instanceof StatusRuntimeException status) {
      return report(status);
    }
    if (failure instanceof IllegalArgumentException) {
      err.println("backorderctl: " + failure.getMessage());
      return BAD_INPUT;
    }
    err.println("backorderctl: " + failure);
    return OTHER;
  }

  private int report(StatusRuntimeException failure) {
    Status status = failure.getStatus();
    String description = status.getDescription() != null ? status.getDescription() : "";
    List<BadRequest.FieldViolation> violations = violations(failure);
    if (violations.isEmpty()) {
      err.println("backorderctl: " + status.getCode() + (description.isEmpty() ? "" : ": " + description));
    } else {
      // The description repeats the violations; one line per field reads better.
      err.println("backorderctl: " + status.getCode() + ", the gateway refused these fields:");
      violations.forEach(v -> err.println(v.getField() + ": " + v.getDescription()));
    }
    return switch (status.getCode()) {
      case INVALID_ARGUMENT -> BAD_INPUT;
      case NOT_FOUND -> NOT_FOUND;
      case UNAUTHENTICATED, PERMISSION_DENIED -> {
        err.println("(check --token or BACKORDER_TOKEN, and the token's scopes)");
        yield DENIED;
      }
      case UNAVAILABLE, DEADLINE_EXCEEDED -> {
        err.println("(is the gateway running and reachable at --target or BACKORDER_TARGET?)");
        yield UNAVAILABLE;
      }
      default -> OTHER;
    };
  }

  private static List<BadRequest.FieldViolation> violations(StatusRuntimeException failure) {
    com.google.rpc.Status details = StatusProto.fromThrowable(failure);
    if (details == null) {
      return List.of();
    }
    List<BadRequest.FieldViolation> found = new ArrayList<>();
    for (Any detail : details.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        try {
          found.addAll(detail.unpack(BadRequest.class).getFieldViolationsList());
        } catch (InvalidProtocolBufferException e) {
          // a detail that does not parse adds nothing; the status line still says what failed
        }
      }
    }
    return found;
  }
}
