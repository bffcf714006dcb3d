package com.backordergateway.server.grpc;

import com.backordergateway.api.v1.AdminServiceGrpc;
import com.backordergateway.api.v1.ConnectorInstance;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.ListConnectorsRequest;
import com.backordergateway.api.v1.ListConnectorsResponse;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.ListDeliveriesResponse;
import com.backordergateway.api.v1.RetryDeliveriesRequest;
import com.backordergateway.api.v1.RetryDeliveriesResponse;
import com.backordergateway.api.v1.ReloadPluginsRequest;
import com.backordergateway.api.v1.ReloadPluginsResponse;
import com.backordergateway.api.v1.SetConnectorEnabledRequest;
import com.backordergateway.api.v1.TestConnectorRequest;
import com.backordergateway.api.v1.TestConnectorResponse;
import com.backordergateway.server.plugins.ConnectorAdmin;
import com.backordergateway.server.errors.InvalidRequestException;
import com.backordergateway.server.store.DeliveryRows;
import com.backordergateway.server.store.DeliveryWakeups;
import com.backordergateway.server.store.GroupCommitWriter;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

/** AdminService: plugins, connector instances, and the delivery queue (listing and dead-letter replay). */
@Singleton
final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {

  private final ConnectorAdmin connectors;
  private final BackorderQueries queries;
  private final GroupCommitWriter writer;
  private final DeliveryWakeups wakeups;
  private final Clock clock;
  private final Executor queryPool;

  @Inject
  AdminGrpcService(
      ConnectorAdmin connectors, BackorderQueries queries, GroupCommitWriter writer, DeliveryWakeups wakeups, Clock clock,
      @Named("queries") Executor queryPool) {
    this.connectors = connectors;
    this.queries = queries;
    this.writer = writer;
    this.wakeups = wakeups;
    this.clock = clock;
    this.queryPool = queryPool;
  }

  @Override
  public void listConnectors(ListConnectorsRequest r, StreamObserver<ListConnectorsResponse> out) {
    Calls.blocking(queryPool, out, connectors::list);
  }

  @Override
  public void reloadPlugins(ReloadPluginsRequest r, StreamObserver<ReloadPluginsResponse> out) {
    Calls.blocking(queryPool, out, connectors::reload);
  }

  @Override
  public void setConnectorEnabled(SetConnectorEnabledRequest r, StreamObserver<ConnectorInstance> out) {
    Calls.blocking(queryPool, out, () -> connectors.setEnabled(r.getConnectorId(), r.getEnabled()));
  }

  @Override
  public void testConnector(TestConnectorRequest r, StreamObserver<TestConnectorResponse> out) {
    Calls.blocking(queryPool, out, () -> connectors.test(r));
  }

  @Override
  public void listDeliveries(ListDeliveriesRequest r, StreamObserver<ListDeliveriesResponse> out) {
    Calls.blocking(queryPool, out, () -> queries.listDeliveries(r));
  }

  @Override
  public void retryDeliveries(RetryDeliveriesRequest r, StreamObserver<RetryDeliveriesResponse> out) {
    Calls.async(out, () -> {
      validate(r);
      Instant now = clock.instant();
      return writer.submit(h -> {
        Instant before = r.hasUpdatedBefore()
            ? Instant.ofEpochMilli(BackorderQueries.millis("updated_before", r.getUpdatedBefore())) : now.plusMillis(1);
        List<String> ids = r.getDeliveryIdsCount() > 0
            ? r.getDeliveryIdsList()
            : DeliveryRows.replayable(h, r.getStatus(), r.getConnectorId(), before);
        return RetryDeliveriesResponse.newBuilder().setRequeued(DeliveryRows.requeue(h, ids, now)).build();
      }).whenComplete((answer, error) -> wakeups.signal());
    });
  }

  private static void validate(RetryDeliveriesRequest r) {
    if (r.hasUpdatedBefore()) {
      BackorderQueries.millis("updated_before", r.getUpdatedBefore());
    }
    if (r.getDeliveryIdsCount() > PageTokens.MAX_SIZE) {
      throw InvalidRequestException.of("delivery_ids", "at most " + PageTokens.MAX_SIZE + " ids per call");
    }
    if (r.getDeliveryIdsCount() == 0
        && r.getStatus() != DeliveryStatus.DELIVERY_STATUS_DEAD
        && r.getStatus() != DeliveryStatus.DELIVERY_STATUS_CANCELLED) {
      throw InvalidRequestException.of("status", "give delivery_ids, or a status of DEAD or CANCELLED to replay");
    }
  }
}
