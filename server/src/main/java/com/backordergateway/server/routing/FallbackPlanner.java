package com.backordergateway.server.routing;

import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.server.intake.Ids;
import com.google.protobuf.util.Timestamps;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the fallback for a delivery that went dead: the same notice to the same recipient
 * through the route's fallback connectors (SMS failed → email), rendered for their type. A
 * fallback delivery's route is marked so that it never falls back again.
 */
@Singleton
public final class FallbackPlanner {

  static final String SUFFIX = ":fallback";

  private final RoutePlanner routes;
  private final NotificationRenderer renderer;
  private final Ids ids;

  @Inject
  public FallbackPlanner(RoutePlanner routes, NotificationRenderer renderer, Ids ids) {
    this.routes = routes;
    this.renderer = renderer;
    this.ids = ids;
  }

  public List<Delivery> plan(Delivery dead, Instant now) {
    if (dead.getRoute().isEmpty() || dead.getRoute().endsWith(SUFFIX)) {
      return List.of();
    }
    List<Delivery> planned = new ArrayList<>();
    for (String connector : routes.fallbackFor(dead.getRoute())) {
      if (connector.equals(dead.getConnector())) {
        continue;
      }
      NotificationRenderer.Rendered content = renderer.render(connector, dead.getTrigger(), dead.getPurpose(),
          dead.getAudience(), fromFacts(dead.getFactsMap()), dead.getRecipient().getCustomer());
      planned.add(dead.toBuilder()
          .setId(ids.next("dlv"))
          .setConnector(connector)
          .setRoute(dead.getRoute() + SUFFIX)
          .setStatus(DeliveryStatus.DELIVERY_STATUS_PENDING)
          .setAttempts(0)
          .clearExternalId()
          .clearLastError()
          .setSubject(content.subject())
          .setBody(content.body())
          .clearFacts()
          .putAllFacts(content.facts())
          .setNextAttemptAt(Timestamps.fromMillis(now.toEpochMilli()))
          .setCreatedAt(Timestamps.fromMillis(now.toEpochMilli()))
          .setUpdatedAt(Timestamps.fromMillis(now.toEpochMilli()))
          .build());
    }
    return planned;
  }

  /** The notice again, from the facts stored with the dead delivery. */
  private static NoticeAbout fromFacts(Map<String, String> facts) {
    String eta = facts.getOrDefault("eta", "");
    String status = facts.getOrDefault("status", "");
    boolean resolved = status.equals("restocked") || status.equals("cancelled");
    return new NoticeAbout(facts.getOrDefault("case_id", ""), facts.getOrDefault("sku", ""),
        facts.getOrDefault("category", ""), eta.isEmpty() ? null : Instant.parse(eta),
        facts.getOrDefault("eta_source", "").equals("supplier"), facts.getOrDefault("reason", ""),
        facts.getOrDefault("supplier", ""), facts.getOrDefault("po_number", ""), resolved ? status : "",
        facts.getOrDefault("message", ""), facts.getOrDefault("note", ""), facts.getOrDefault("order_id", ""),
        facts.getOrDefault("order_name", ""));
  }

}
