package com.backordergateway.server.dashboard;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.ConnectorInstance;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.RetryDeliveriesRequest;
import com.backordergateway.api.v1.SetConnectorEnabledRequest;
import com.backordergateway.api.v1.TestConnectorRequest;
import com.backordergateway.api.v1.TestConnectorResponse;
import com.backordergateway.server.grpc.GrpcServer;
import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The dashboard's actions — retry dead letters, enable or disable a connector instance, send a
 * test — made through the gateway's own AdminService on an in-process channel with the signed-in
 * user's token, so they are checked and validated exactly as API calls are. Each answers with a
 * redirect back to its page and the outcome shown there; bad input answers 400 and changes nothing.
 */
@Singleton
final class DashboardActions implements AutoCloseable {

  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ManagedChannel channel;
  private final DashboardViews views;

  @Inject
  DashboardActions(GrpcServer grpc, DashboardViews views) {
    this.channel = InProcessChannelBuilder.forName(grpc.inProcessName()).directExecutor().build();
    this.views = views;
  }

  /** One ({@code one}), the selected ({@code selected}), or all dead letters matching the filter ({@code all}). */
  void retry(Context ctx) {
    RetryDeliveriesRequest.Builder request = RetryDeliveriesRequest.newBuilder();
    String one = ctx.formParam("one");
    List<String> selected = ctx.formParams("selected");
    if (one != null && !one.isEmpty()) {
      request.addDeliveryIds(one);
    } else if ("all".equals(ctx.formParam("scope"))) {
      request.setStatus(DeliveryStatus.DELIVERY_STATUS_DEAD).setConnectorId(orEmpty(ctx.formParam("connector")));
    } else if (!selected.isEmpty()) {
      request.addAllDeliveryIds(selected);
    } else {
      views.error(ctx, HttpStatus.BAD_REQUEST, "Select the dead letters to retry first.");
      return;
    }
    call(ctx, () -> {
      int requeued = admin(ctx).retryDeliveries(request.build()).getRequeued();
      return new DashboardSessions.Flash(requeued == 1 ? "1 delivery is queued again." : requeued + " deliveries are queued again.",
          false, "");
    });
  }

  void setEnabled(Context ctx) {
    boolean enabled = "true".equals(ctx.formParam("enabled"));
    call(ctx, () -> {
      ConnectorInstance instance = admin(ctx).setConnectorEnabled(SetConnectorEnabledRequest.newBuilder()
          .setConnectorId(ctx.pathParam("id")).setEnabled(enabled).build());
      return new DashboardSessions.Flash(instance.getId() + " is " + (enabled ? "enabled" : "disabled") + ".", false, "");
    });
  }

  void test(Context ctx) {
    Customer.Builder recipient = Customer.newBuilder()
        .setName(orEmpty(ctx.formParam("name")).strip())
        .setEmail(orEmpty(ctx.formParam("email")).strip())
        .setPhone(orEmpty(ctx.formParam("phone")).strip());
    TestConnectorRequest.Builder request = TestConnectorRequest.newBuilder()
        .setConnectorId(ctx.pathParam("id"))
        .setDryRun(ctx.formParam("dry_run") != null);
    if (!recipient.getEmail().isEmpty() || !recipient.getPhone().isEmpty()) {
      request.setRecipient(recipient);
    }
    call(ctx, () -> {
      TestConnectorResponse answer = admin(ctx).testConnector(request.build());
      String sent = request.getDryRun() ? "rendered (dry run)" : "sent" + (answer.getExternalId().isEmpty() ? ""
          : ", the platform's id is " + answer.getExternalId());
      return answer.getOk()
          ? new DashboardSessions.Flash("Test through " + request.getConnectorId() + ": " + sent + ".", false, answer.getRendered())
          : new DashboardSessions.Flash("Test through " + request.getConnectorId() + " failed: " + answer.getError(), true,
              answer.getRendered());
    });
  }

  private interface Call {
    DashboardSessions.Flash run();
  }

  private void call(Context ctx, Call call) {
    DashboardSessions.Flash outcome;
    try {
      outcome = call.run();
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.INVALID_ARGUMENT || code == Status.Code.NOT_FOUND || code == Status.Code.PERMISSION_DENIED) {
        HttpStatus status = code == Status.Code.INVALID_ARGUMENT ? HttpStatus.BAD_REQUEST
            : code == Status.Code.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN;
        views.error(ctx, status, describe(e));
        return;
      }
      outcome = new DashboardSessions.Flash("The gateway could not do that now: " + describe(e), true, "");
    }
    DashboardGuard.session(ctx).flash(outcome);
    ctx.redirect(back(ctx), HttpStatus.SEE_OTHER);
  }

  private AdminServiceGrpc.AdminServiceBlockingStub admin(Context ctx) {
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + DashboardGuard.session(ctx).token);
    return AdminServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** The status's description, with each bad field of a BadRequest named. */
  private static String describe(StatusRuntimeException e) {
    String description = e.getStatus().getDescription() == null ? e.getStatus().getCode().name() : e.getStatus().getDescription();
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    if (details == null) {
      return description;
    }
    String fields = details.getDetailsList().stream()
        .filter(any -> any.is(BadRequest.class))
        .flatMap(any -> {
          try {
            return any.unpack(BadRequest.class).getFieldViolationsList().stream();
          } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
            return java.util.stream.Stream.empty();
          }
        })
        .map(v -> v.getField() + ": " + v.getDescription())
        .collect(Collectors.joining("; "));
    return fields.isEmpty() ? description : fields;
  }

  /** Where to go after the action: the page it came from, if that is a dashboard page. */
  private static String back(Context ctx) {
    String back = ctx.formParam("back");
    return back != null && back.startsWith("/dashboard") && !back.contains("//") && !back.contains("\\") ? back : "/dashboard";
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
