package com.backordergateway.server.plugins;

import com.backordergateway.api.v1.ConnectorInstance;
import com.backordergateway.api.v1.ListConnectorsResponse;
import com.backordergateway.api.v1.ReloadPluginsResponse;
import com.backordergateway.api.v1.TestConnectorRequest;
import com.backordergateway.api.v1.TestConnectorResponse;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.server.config.Secrets;
import com.backordergateway.server.errors.NotFoundException;
import com.backordergateway.server.intake.Ids;
import com.backordergateway.server.intake.Violations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The plugin and connector operations behind AdminService. */
@Singleton
public final class ConnectorAdmin {

  private final PluginHost host;
  private final ConnectorInstances instances;
  private final Ids ids;
  private final Clock clock;

  @Inject
  ConnectorAdmin(PluginHost host, ConnectorInstances instances, Ids ids, Clock clock) {
    this.host = host;
    this.instances = instances;
    this.ids = ids;
    this.clock = clock;
  }

  public ListConnectorsResponse list() {
    ListConnectorsResponse.Builder out = ListConnectorsResponse.newBuilder();
    host.plugins().forEach(p -> out.addPlugins(p.toProto()));
    out.addAllInstances(instances.statuses());
    host.connectorTypes().forEach(t -> out.addTypes(t.toProto()));
    return out.build();
  }

  public ReloadPluginsResponse reload() {
    ReloadPluginsResponse.Builder out = ReloadPluginsResponse.newBuilder();
    host.scan().forEach(p -> out.addPlugins(p.toProto()));
    return out.build();
  }

  public ConnectorInstance setEnabled(String instanceId, boolean enabled) {
    requireInstance(instanceId);
    return instances.setEnabled(instanceId, enabled);
  }

  /**
   * Sends a sample notification, or only renders it when asked to or when the instance is in
   * dry-run mode. Platform failures are the answer, not an RPC error.
   */
  public TestConnectorResponse test(TestConnectorRequest request) {
    requireInstance(request.getConnectorId());
    Violations.requireValidCustomer("recipient", request.getRecipient());
    Notification sample = SampleNotification.create(ids.next("test"), request.getConnectorId(), request.getRecipient(), clock);
    TestConnectorResponse.Builder out = TestConnectorResponse.newBuilder()
        .setRendered(sample.message().subject() + "\n\n" + sample.message().body());
    if (request.getDryRun() || instances.isDryRun(request.getConnectorId())) {
      return out.setOk(true).build();
    }
    try {
      DeliveryReceipt receipt = instances.deliver(request.getConnectorId(), sample);
      return out.setOk(true).setExternalId(receipt.externalId()).build();
    } catch (DeliveryException | ConnectorUnavailableException e) {
      return out.setOk(false).setError(Secrets.global().redact(e.getMessage())).build();
    }
  }

  private void requireInstance(String instanceId) {
    if (!instances.exists(instanceId)) {
      throw new NotFoundException("no connector instance " + instanceId);
    }
  }
}
