package com.backordergateway.connector.testkit;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.RateLimit;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.api.SettingSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A minimal connector for a made-up JSON API ({@code POST /v1/messages}, Bearer key, 201 with
 * {@code id}), written the way connectors should be, plus switchable flaws: the testkit's own
 * tests run the contract against it to show the contract passes good connectors and catches
 * each flaw.
 */
final class ReferenceConnector implements Connector {

  /** A mistake a connector could make. */
  enum Flaw { NONE, LOGS_SECRET, CLIENT_ERRORS_RETRYABLE, IGNORES_RETRY_AFTER, OPENS_WITHOUT_CHECKING }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Flaw flaw;

  ReferenceConnector(Flaw flaw) {
    this.flaw = flaw;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return new ConnectorDescriptor("reference", "Reference API",
        List.of(SettingSpec.optional("base-url", "https://api.reference.example", "API root"),
            SettingSpec.requiredSecret("api-key", "API key"),
            SettingSpec.required("channel", "Where messages go")),
        RateLimit.perSecond(5), Set.of(Capability.STAFF_AUDIENCE));
  }

  @Override
  public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
    URI base = settings.getUrl("base-url");
    String key = flaw == Flaw.OPENS_WITHOUT_CHECKING ? settings.find("api-key").orElse("") : settings.get("api-key");
    String channel = flaw == Flaw.OPENS_WITHOUT_CHECKING ? settings.find("channel").orElse("") : settings.get("channel");
    if (flaw == Flaw.LOGS_SECRET) {
      context.logger().debug("opening with key {}", key);
    }
    return notification -> deliver(notification, base, key, channel, context);
  }

  private DeliveryReceipt deliver(Notification n, URI base, String key, String channel, ConnectorContext context)
      throws DeliveryException {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("channel", channel, "text", n.message().body(), "dedupe", n.deliveryId()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpResponse<String> response = context.http().send(HttpRequest.newBuilder(URI.create(base + "/v1/messages"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    int status = response.statusCode();
    if (flaw == Flaw.CLIENT_ERRORS_RETRYABLE && status >= 400 && status < 500 && status != 429) {
      throw new RetryableDeliveryException("failed: " + status);
    }
    if (flaw == Flaw.IGNORES_RETRY_AFTER && status == 429) {
      throw new RetryableDeliveryException("rate limited");
    }
    PlatformResponses.check("Reference API", response, context.clock());
    try {
      return DeliveryReceipt.of(JSON.readTree(response.body()).path("id").asText());
    } catch (IOException e) {
      throw new RetryableDeliveryException("unreadable answer", null, e);
    }
  }
}
