package com.backordergateway.server.routing;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.TriggerName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Matches configured routes: which connector instances hear about a trigger, for whom. */
public final class RoutePlanner {

  /** One connector instance chosen by one route. */
  public record Target(String route, String connector) {}

  private record CompiledRoute(
      String name, Set<Trigger> triggers, Audience audience, Pattern sku, List<String> send) {

    boolean matches(Trigger trigger, Audience audience, String sku) {
      return (triggers.isEmpty() || triggers.contains(trigger))
          && (this.audience == null || this.audience == audience)
          && (this.sku == null || this.sku.matcher(sku).matches());
    }
  }

  private final List<CompiledRoute> routes;
  private final java.util.Map<String, List<String>> fallbacks = new java.util.HashMap<>();

  public RoutePlanner(List<GatewayConfig.Route> configured) {
    this.routes = configured.stream().map(RoutePlanner::compile).toList();
    configured.forEach(r -> fallbacks.put(r.name(), r.fallback()));
  }

  /** The connectors that take over a dead delivery of {@code route}, in order. */
  public List<String> fallbackFor(String route) {
    return fallbacks.getOrDefault(route, List.of());
  }

  /** Targets in route order; a connector named by several matching routes appears once. */
  public List<Target> targets(Trigger trigger, Audience audience, String sku) {
    List<Target> targets = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (CompiledRoute route : routes) {
      if (route.matches(trigger, audience, sku)) {
        for (String connector : route.send()) {
          if (seen.add(connector)) {
            targets.add(new Target(route.name(), connector));
          }
        }
      }
    }
    return targets;
  }

  private static CompiledRoute compile(GatewayConfig.Route route) {
    GatewayConfig.RouteWhen when = route.when();
    Set<Trigger> triggers =
        when.triggers().stream().map(TriggerName::trigger).collect(Collectors.toUnmodifiableSet());
    Audience audience = when.audience() == null ? null : when.audience().audience();
    Pattern sku = when.sku() == null ? null : glob(when.sku());
    return new CompiledRoute(route.name(), triggers, audience, sku, route.send());
  }

  /** {@code PAINT-*} style globs: {@code *} any run, {@code ?} one character. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
