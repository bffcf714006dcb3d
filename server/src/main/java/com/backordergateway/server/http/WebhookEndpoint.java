package com.backordergateway.server.http;

import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.IngestPlatformEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.RawWebhook;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /webhooks/{source}/{instance}}: hands the exact bytes, headers and query parameters
 * to IngestPlatformEvent, where the source plugin checks the signature before anything is read.
 * Answers at once (delivery is asynchronous): 200 for a new event, a replay or an acknowledged
 * request that reports nothing (with the platform's own body for a handshake); 401 for a bad
 * signature, with nothing stored. The body and the query (it may carry a URL secret) are never
 * logged. {@code HEAD} answers 200: Trello checks a callback URL that way before it sends.
 */
@Singleton
final class WebhookEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();
  // Platforms give up quickly (Shopify after about 5 s); answer well before.
  private static final long DEADLINE_SECONDS = 4;

  private final GatewayChannel channel;

  @Inject
  WebhookEndpoint(GatewayChannel channel) {
    this.channel = channel;
  }

  void handle(Context ctx) {
    Map<String, String> headers = new LinkedHashMap<>();
    ctx.headerMap().forEach(headers::put);
    Map<String, String> query = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
    IngestPlatformEventRequest request = IngestPlatformEventRequest.newBuilder()
        .setSource(ctx.pathParam("source"))
        .setInstance(ctx.pathParam("instance"))
        .setWebhook(RawWebhook.newBuilder().putAllHeaders(headers).putAllQuery(query)
            .setBody(ByteString.copyFrom(ctx.bodyAsBytes())))
        .build();
    try {
      IntakeResponse answer = BackorderServiceGrpc.newBlockingStub(channel.channel())
          .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .ingestPlatformEvent(request);
      if (answer.hasWebhookReply()) {
        ctx.status(200).contentType(answer.getWebhookReply().getContentType())
            .result(answer.getWebhookReply().getBody().toByteArray());
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("event_id", answer.getEventId());
      body.put("duplicate", answer.getDuplicate());
      body.put("triggered", answer.getTriggered());
      body.put("reason", answer.getReason());
      ctx.status(200).contentType("application/json").result(JSON.writeValueAsString(body));
    } catch (StatusRuntimeException e) {
      HttpErrors.respond(ctx, e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      ctx.status(200).result("ok");
    }
  }

  /** {@code HEAD}: 200 with no body, storing nothing and saying nothing of the instance. */
  static void check(Context ctx) {
    ctx.status(200);
  }
}
