package com.backordergateway.server.grpc;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.BackorderServiceGrpc;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.GetCaseRequest;
import com.backordergateway.api.v1.GetEventRequest;
import com.backordergateway.api.v1.IngestPlatformEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListCasesRequest;
import com.backordergateway.api.v1.ListCasesResponse;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.ListEventsResponse;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.ReportShipmentUpdateRequest;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.api.v1.WatchEventsRequest;
import com.backordergateway.api.v1.WatchEventsResponse;
import com.backordergateway.server.errors.ErrorStatus;
import com.backordergateway.server.intake.IntakeService;
import com.backordergateway.server.plugins.WebhookIntake;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;

/**
 * BackorderService over gRPC. Intake calls never block a transport thread: they hand the
 * request to the intake pipeline and answer from its commit callback. Reads run on the
 * bounded query pool.
 */
@Singleton
final class BackorderGrpcService extends BackorderServiceGrpc.BackorderServiceImplBase {

  private final IntakeService intake;
  private final WebhookIntake webhooks;
  private final BackorderQueries queries;
  private final EventFeed feed;
  private final Executor queryPool;

  @Inject
  BackorderGrpcService(
      IntakeService intake, WebhookIntake webhooks, BackorderQueries queries, EventFeed feed,
      @Named("queries") Executor queryPool) {
    this.intake = intake;
    this.webhooks = webhooks;
    this.queries = queries;
    this.feed = feed;
    this.queryPool = queryPool;
  }

  @Override
  public void reportInventoryLevel(ReportInventoryLevelRequest r, StreamObserver<IntakeResponse> out) {
    Calls.async(out, () -> intake.reportInventoryLevel(r));
  }

  @Override
  public void markUnavailable(MarkUnavailableRequest r, StreamObserver<IntakeResponse> out) {
    Calls.async(out, () -> intake.markUnavailable(r));
  }

  @Override
  public void registerExpectedShipment(RegisterExpectedShipmentRequest r, StreamObserver<IntakeResponse> out) {
    Calls.async(out, () -> intake.registerExpectedShipment(r));
  }

  @Override
  public void reportShipmentUpdate(ReportShipmentUpdateRequest r, StreamObserver<IntakeResponse> out) {
    Calls.async(out, () -> intake.reportShipmentUpdate(r));
  }

  /**
   * A raw webhook is authenticated by its signature, which its source plugin checks on a query
   * thread (verification may read settings and hash the body); a normalized signal needs a
   * token with the intake scope like every other intake call.
   */
  @Override
  public void ingestPlatformEvent(IngestPlatformEventRequest r, StreamObserver<IntakeResponse> out) {
    if (r.hasWebhook()) {
      Calls.blocking(queryPool, out, () -> webhooks.ingest(r).join());
      return;
    }
    if (!Boolean.TRUE.equals(AuthInterceptor.TOKEN_VERIFIED.get())) {
      out.onError(io.grpc.Status.UNAUTHENTICATED.withDescription("a bearer token is required").asRuntimeException());
      return;
    }
    Calls.async(out, () -> intake.ingestPlatformEvent(r));
  }

  @Override
  public void resolveBackorder(ResolveBackorderRequest r, StreamObserver<IntakeResponse> out) {
    Calls.async(out, () -> intake.resolveBackorder(r));
  }

  @Override
  public void getEvent(GetEventRequest r, StreamObserver<Event> out) {
    Calls.blocking(queryPool, out, () -> queries.getEvent(r));
  }

  @Override
  public void listEvents(ListEventsRequest r, StreamObserver<ListEventsResponse> out) {
    Calls.blocking(queryPool, out, () -> queries.listEvents(r));
  }

  @Override
  public void getCase(GetCaseRequest r, StreamObserver<BackorderCase> out) {
    Calls.blocking(queryPool, out, () -> queries.getCase(r));
  }

  @Override
  public void listCases(ListCasesRequest r, StreamObserver<ListCasesResponse> out) {
    Calls.blocking(queryPool, out, () -> queries.listCases(r));
  }

  @Override
  public void watchEvents(WatchEventsRequest r, StreamObserver<WatchEventsResponse> out) {
    try {
      feed.subscribe(r, (ServerCallStreamObserver<WatchEventsResponse>) out);
    } catch (RuntimeException e) {
      out.onError(ErrorStatus.toStatus(e));
    }
  }
}
