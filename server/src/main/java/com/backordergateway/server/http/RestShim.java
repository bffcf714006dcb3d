package com.backordergateway.server.http;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.server.errors.ErrorStatus;
import com.backordergateway.server.errors.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * JSON REST for every unary RPC, driven by the {@code google.api.http} annotations rather than
 * a handler per route: path variables, a JSON body ({@code *} or one field; unknown fields
 * ignored) and query parameters become the request; the caller's {@code Authorization} header
 * goes along as gRPC metadata, so the gRPC services decide everything as they do for gRPC callers.
 */
@Singleton
final class RestShim {

  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final ObjectMapper QUERY_JSON = new ObjectMapper();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer()
      // Events carry their request as an Any: every message of the API may appear there.
      .usingTypeRegistry(JsonFormat.TypeRegistry.newBuilder()
          .add(com.backordergateway.api.v1.BackorderServiceProto.getDescriptor().getMessageTypes())
          .add(com.backordergateway.api.v1.RecordsProto.getDescriptor().getMessageTypes())
          .build());
  private static final long DEADLINE_SECONDS = 30;

  private final GatewayChannel channel;
  private final List<RestRoute> routes = RestRoute.of(List.of(
      BackorderServiceGrpc.getServiceDescriptor(), AdminServiceGrpc.getServiceDescriptor()));

  @Inject
  RestShim(GatewayChannel channel) {
    this.channel = channel;
  }

  List<RestRoute> routes() {
    return routes;
  }

  /** Handles any request under /v1/. */
  void handle(Context ctx) {
    String path = ctx.path();
    boolean pathKnown = false;
    for (RestRoute route : routes) {
      Matcher m = route.path().matcher(path);
      if (!m.matches()) {
        continue;
      }
      pathKnown = true;
      if (route.verb().equals(ctx.method().name())) {
        call(ctx, route, m);
        return;
      }
    }
    if (pathKnown) {
      HttpErrors.respond(ctx, 405, Status.Code.UNIMPLEMENTED, ctx.method().name() + " is not allowed on " + path);
    } else {
      HttpErrors.respond(ctx, 404, Status.Code.NOT_FOUND, "no API route " + path);
    }
  }

  private void call(Context ctx, RestRoute route, Matcher m) {
    Message request;
    try {
      request = request(ctx, route, m);
    } catch (InvalidRequestException e) {
      HttpErrors.respond(ctx, ErrorStatus.toStatus(e));
      return;
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      HttpErrors.respond(ctx, 400, Status.Code.INVALID_ARGUMENT, "unreadable request: " + e.getMessage());
      return;
    }
    Metadata headers = new Metadata();
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      headers.put(AUTHORIZATION, authorization);
    }
    try {
      Message answer = ClientCalls.blockingUnaryCall(
          ClientInterceptors.intercept(channel.channel(), MetadataUtils.newAttachHeadersInterceptor(headers)),
          route.method(), CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS), request);
      ctx.contentType("application/json").result(PRINTER.print(answer));
    } catch (StatusRuntimeException e) {
      HttpErrors.respond(ctx, e);
    } catch (InvalidProtocolBufferException e) {
      HttpErrors.respond(ctx, 500, Status.Code.INTERNAL, "cannot write the answer as JSON");
    }
  }

  private Message request(Context ctx, RestRoute route, Matcher m) throws InvalidProtocolBufferException {
    Message.Builder builder = route.prototype().newBuilderForType();
    if (route.body().equals("*")) {
      String body = ctx.body();
      if (!body.isBlank()) {
        JsonNode json;
        try {
          json = QUERY_JSON.readTree(body);
        } catch (JsonProcessingException e) {
          throw new InvalidProtocolBufferException("the body is not JSON: " + e.getOriginalMessage());
        }
        JsonRequestCheck.check(json, builder.getDescriptorForType());
        PARSER.merge(body, builder);
      }
    }
    ObjectNode fields = QUERY_JSON.createObjectNode();
    if (route.body().isEmpty()) {
      for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
        if (!param.getValue().isEmpty()) {
          fields.put(param.getKey(), param.getValue().get(0));
        }
      }
    }
    for (int i = 0; i < route.pathFields().size(); i++) {
      fields.put(route.pathFields().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
    }
    if (!fields.isEmpty()) {
      JsonRequestCheck.check(fields, builder.getDescriptorForType());
      PARSER.merge(fields.toString(), builder);
    }
    return builder.build();
  }
}
