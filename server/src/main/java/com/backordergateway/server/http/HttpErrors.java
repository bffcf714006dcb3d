package com.backordergateway.server.http;

import com.backordergateway.server.config.Secrets;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.javalin.http.Context;

/** gRPC errors as HTTP: the canonical status code, and the {@code google.rpc.Status} as JSON. */
final class HttpErrors {

  private static final JsonFormat.Printer JSON = JsonFormat.printer()
      .usingTypeRegistry(JsonFormat.TypeRegistry.newBuilder().add(BadRequest.getDescriptor()).build());

  private HttpErrors() {}

  /** The HTTP status Google's API guidelines give each gRPC code. */
  static int httpStatus(io.grpc.Status.Code code) {
    return switch (code) {
      case OK -> 200;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case RESOURCE_EXHAUSTED -> 429;
      case CANCELLED -> 499;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case DEADLINE_EXCEEDED -> 504;
      default -> 500;
    };
  }

  static void respond(Context ctx, StatusRuntimeException e) {
    Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      status = Status.newBuilder().setCode(e.getStatus().getCode().value())
          .setMessage(e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription()).build();
    }
    respond(ctx, httpStatus(e.getStatus().getCode()), status);
  }

  /** An error the HTTP layer finds itself (no route, unreadable JSON, too large). */
  static void respond(Context ctx, int http, io.grpc.Status.Code code, String message) {
    respond(ctx, http, Status.newBuilder().setCode(code.value()).setMessage(message).build());
  }

  private static void respond(Context ctx, int http, Status status) {
    ctx.status(http).contentType("application/json").result(json(status));
  }

  /** The body of an error that Jetty answers itself, before any route runs (see {@link JsonErrorHandler}). */
  static String json(io.grpc.Status.Code code, String message) {
    return json(Status.newBuilder().setCode(code.value()).setMessage(message).build());
  }

  private static String json(Status status) {
    try {
      return Secrets.global().redact(JSON.print(status));
    } catch (InvalidProtocolBufferException e) {
      return "{\"code\":" + status.getCode() + "}";
    }
  }
}
