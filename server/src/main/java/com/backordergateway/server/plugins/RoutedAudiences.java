package com.backordergateway.server.plugins;

import com.backordergateway.connector.api.Capability;
import com.backordergateway.connector.api.ConnectorDescriptor;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.server.config.AudienceName;
import com.backordergateway.server.config.GatewayConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Holds the routes to the audiences connectors declare: a route that sends customer notices to
 * a staff-only connector (a Slack channel would get customers' names and orders) or staff alerts
 * to a customer-only one (an SMS to nobody) is a configuration error, found when the plugin's
 * descriptor is known. A route without {@code when.audience} sends both. A connector that
 * declares neither audience (SPI 1.0 plugins) takes both.
 */
final class RoutedAudiences {

  private final List<GatewayConfig.Route> routes;

  RoutedAudiences(List<GatewayConfig.Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** Whether a connector of this descriptor takes notices for {@code audience}. */
  static boolean accepts(ConnectorDescriptor descriptor, Notification.Audience audience) {
    Set<Capability> declared = descriptor.capabilities();
    boolean customers = declared.contains(Capability.CUSTOMER_AUDIENCE);
    boolean staff = declared.contains(Capability.STAFF_AUDIENCE);
    if (!customers && !staff) {
      return true;
    }
    return audience == Notification.Audience.CUSTOMER ? customers : staff;
  }

  /** The first route that sends {@code instanceId} an audience its connector does not take. */
  Optional<String> misroute(String instanceId, ConnectorDescriptor descriptor) {
    for (int i = 0; i < routes.size(); i++) {
      GatewayConfig.Route route = routes.get(i);
      boolean sends = route.send().contains(instanceId) || route.fallback().contains(instanceId);
      if (!sends) {
        continue;
      }
      AudienceName audience = route.when().audience();
      for (Notification.Audience routed : routed(audience)) {
        if (!accepts(descriptor, routed)) {
          String other = routed == Notification.Audience.CUSTOMER ? "staff" : "customer";
          return Optional.of("routes[" + i + "] (" + route.name() + ") sends " + word(routed) + " notices to connector "
              + instanceId + " (type " + descriptor.type() + "), which takes " + other + " notices only: "
              + (audience == null ? "set when.audience: " + other + " on the route" : "send them to a " + word(routed)
              + " channel instead") + ", or take " + instanceId + " off the route");
        }
      }
    }
    return Optional.empty();
  }

  private static List<Notification.Audience> routed(AudienceName audience) {
    if (audience == null) {
      return List.of(Notification.Audience.CUSTOMER, Notification.Audience.STAFF);
    }
    return List.of(audience == AudienceName.CUSTOMER ? Notification.Audience.CUSTOMER : Notification.Audience.STAFF);
  }

  private static String word(Notification.Audience audience) {
    return audience == Notification.Audience.CUSTOMER ? "customer" : "staff";
  }
}
