package com.backordergateway.server.http;

import io.grpc.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers before any route runs — a path with a NUL or an ambiguous separator
 * (400), a URI or headers too long (414, 431) — as the JSON status every other error is, instead
 * of Jetty's HTML page: a client of the API reads {@code code} and {@code message} from any 4xx.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    // Jetty drops the connection after a request it refused unread: said, so that a client opens a new one.
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason));
  }

  private static byte[] body(int http, String message) {
    return HttpErrors.json(grpcCode(http), message == null ? "HTTP " + http : message).getBytes(StandardCharsets.UTF_8);
  }

  /** The gRPC code whose canonical HTTP status this is, as {@link HttpErrors#httpStatus} maps them. */
  private static Status.Code grpcCode(int http) {
    return switch (http) {
      case 401 -> Status.Code.UNAUTHENTICATED;
      case 403 -> Status.Code.PERMISSION_DENIED;
      case 404 -> Status.Code.NOT_FOUND;
      case 405, 501 -> Status.Code.UNIMPLEMENTED;
      case 413, 414, 431 -> Status.Code.OUT_OF_RANGE; // as HttpListener answers a body over the limit
      case 503 -> Status.Code.UNAVAILABLE;
      default -> http >= 400 && http < 500 ? Status.Code.INVALID_ARGUMENT : Status.Code.INTERNAL;
    };
  }
}
