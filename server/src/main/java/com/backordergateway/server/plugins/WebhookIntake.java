package com.backordergateway.server.plugins;

import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.IngestPlatformEventRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.PlatformSignal;
import com.backordergateway.connector.api.BackorderSignal;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSource;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.Secrets;
import com.backordergateway.server.errors.ConflictException;
import com.backordergateway.server.errors.InvalidRequestException;
import com.backordergateway.server.errors.NotFoundException;
import com.backordergateway.server.errors.UnavailableException;
import com.backordergateway.server.intake.IntakeService;
import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A raw platform webhook: its source plugin checks the signature on the exact bytes before
 * anything is read, then turns the body into a backorder signal, which intake records like any
 * other (answering the platform's retries of one delivery id as duplicates). Requests that are
 * authentic but not a backorder are acknowledged and record nothing.
 */
@Singleton
public final class WebhookIntake {

  private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

  private final List<GatewayConfig.Source> sources;
  private final PluginHost plugins;
  private final IntakeService intake;

  @Inject
  WebhookIntake(GatewayConfig config, PluginHost plugins, IntakeService intake) {
    this.sources = config.sources();
    this.plugins = plugins;
    this.intake = intake;
  }

  public CompletableFuture<IntakeResponse> ingest(IngestPlatformEventRequest r) {
    if (r.getWebhook().getBody().isEmpty()) {
      throw InvalidRequestException.of("webhook.body", "required");
    }
    int index = indexOf(r.getSource(), r.getInstance());
    GatewayConfig.Source source = sources.get(index);
    WebhookSource plugin = plugins.webhookSource(source.type()).orElseThrow(() -> new UnavailableException(
        "no plugin for webhook source " + source.type() + " is loaded; the platform will retry"));
    ConnectorSettings settings;
    try {
      settings = ConnectorSettings.of(source.settings(), plugin.settings());
    } catch (InvalidSettingsException e) {
      log.error("webhook source {}/{} is misconfigured: sources[{}].settings.{}", source.type(), source.id(), index,
          e.getMessage());
      throw ConflictException.failedPrecondition("source " + source.type() + "/" + source.id() + " is misconfigured: sources["
          + index + "].settings." + e.getMessage());
    }
    WebhookRequest request = new WebhookRequest(r.getWebhook().getHeadersMap(), r.getWebhook().getBody().toByteArray());
    Optional<BackorderSignal> signal;
    try {
      plugin.verify(request, settings);
      signal = plugin.parse(request, settings);
    } catch (WebhookRejectedException e) {
      String why = Secrets.global().redact(e.getMessage());
      if (e.unauthenticated()) {
        throw Status.UNAUTHENTICATED.withDescription(why).asRuntimeException();
      }
      throw InvalidRequestException.of("webhook.body", why);
    }
    if (signal.isEmpty()) {
      return CompletableFuture.completedFuture(IntakeResponse.newBuilder()
          .setReason("acknowledged: not a backorder, nothing recorded").build());
    }
    return intake.ingestPlatformEvent(r.toBuilder().setSignal(toProto(signal.get())).build());
  }

  private int indexOf(String type, String id) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).type().equals(type) && sources.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new NotFoundException("no webhook source " + type + "/" + id + " is configured");
  }

  private static PlatformSignal toProto(BackorderSignal signal) {
    Recipient c = signal.customer();
    PlatformSignal.Builder out = PlatformSignal.newBuilder()
        .setDeliveryId(signal.deliveryId())
        .setOrder(CustomerOrder.newBuilder()
            .setOrderId(c.orderId())
            .setOrderName(signal.orderName())
            .setCustomer(Customer.newBuilder().setName(c.name()).setEmail(c.email()).setPhone(c.phone())
                .setLocale(c.locale()).setTimeZone(c.timeZone()).setCustomerId(c.customerId())))
        .addAllBackorderedSkus(signal.backorderedSkus());
    signal.eta().ifPresent(eta -> out.setEta(Timestamps.fromMillis(eta.toEpochMilli())));
    return out.build();
  }
}
