package com.backordergateway.server.errors;

import com.backordergateway.server.config.Secrets;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become gRPC statuses. */
public final class ErrorStatus {

  private static final Logger log = LoggerFactory.getLogger(ErrorStatus.class);

  private ErrorStatus() {}

  /** The status a caller sees for {@code error}; unexpected errors are logged, never described. */
  public static StatusRuntimeException toStatus(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof StatusRuntimeException status) {
      return status;
    }
    if (cause instanceof InvalidRequestException invalid) {
      com.google.rpc.Status status =
          com.google.rpc.Status.newBuilder()
              .setCode(Code.INVALID_ARGUMENT_VALUE)
              .setMessage(redact(invalid.getMessage()))
              .addDetails(
                  Any.pack(
                      BadRequest.newBuilder().addAllFieldViolations(invalid.violations()).build()))
              .build();
      return StatusProto.toStatusRuntimeException(status);
    }
    if (cause instanceof NotFoundException) {
      return Status.NOT_FOUND.withDescription(redact(cause.getMessage())).asRuntimeException();
    }
    if (cause instanceof UnavailableException) {
      return Status.UNAVAILABLE.withDescription(redact(cause.getMessage())).asRuntimeException();
    }
    if (cause instanceof ConflictException conflict) {
      Status status = conflict.alreadyExists() ? Status.ALREADY_EXISTS : Status.FAILED_PRECONDITION;
      return status.withDescription(redact(cause.getMessage())).asRuntimeException();
    }
    log.error("unexpected error while handling a call", cause);
    return Status.INTERNAL.withDescription("internal error; see the gateway log").asRuntimeException();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static String redact(String text) {
    return Secrets.global().redact(text);
  }
}
