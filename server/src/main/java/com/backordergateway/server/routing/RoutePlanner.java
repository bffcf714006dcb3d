package com.backordergateway.server.routing;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.server.config.GatewayConfig;
import com.backordergateway.server.config.TriggerName;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Matches configured routes: which connector instances hear about a trigger, for whom, and when. */
public final class RoutePlanner {

  /** One connector instance chosen by one route. */
  public record Target(String route, String connector) {}

  /** What the notice is about, as routes match it. */
  public record Subject(Trigger trigger, Audience audience, String sku, String category, String supplier) {}

  private record CompiledRoute(String name, Set<Trigger> triggers, Audience audience, Pattern sku, Pattern category,
      Pattern supplier, List<String> send) {

    boolean matches(Subject s) {
      return (triggers.isEmpty() || triggers.contains(s.trigger()))
          && (audience == null || audience == s.audience())
          && (sku == null || sku.matcher(s.sku()).matches())
          && (category == null || category.matcher(s.category()).matches())
          && (supplier == null || supplier.matcher(s.supplier()).matches());
    }
  }

  private final List<CompiledRoute> routes;
  private final Map<String, GatewayConfig.Route> byName = new HashMap<>();
  /** Parsed once: every customer notice on a route with quiet hours asks for them. */
  private final Map<String, LocalTime[]> quietHours = new HashMap<>();

  public RoutePlanner(List<GatewayConfig.Route> configured) {
    this.routes = configured.stream().map(RoutePlanner::compile).toList();
    configured.forEach(r -> byName.put(r.name(), r));
    configured.stream().filter(r -> r.quietHours() != null).forEach(r -> quietHours.put(r.name(),
        new LocalTime[] {LocalTime.parse(r.quietHours().from()), LocalTime.parse(r.quietHours().to())}));
  }

  /** Targets in route order; a connector named by several matching routes appears once. */
  public List<Target> targets(Subject subject) {
    List<Target> targets = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (CompiledRoute route : routes) {
      if (route.matches(subject)) {
        for (String connector : route.send()) {
          if (seen.add(connector)) {
            targets.add(new Target(route.name(), connector));
          }
        }
      }
    }
    return targets;
  }

  /** The connectors that take over a dead delivery of {@code route}, in order. */
  public List<String> fallbackFor(String route) {
    return route(route).map(GatewayConfig.Route::fallback).orElse(List.of());
  }

  /** The route's quiet hours as local times, if it has them. */
  public Optional<LocalTime[]> quietHours(String route) {
    LocalTime[] window = quietHours.get(route);
    return window == null ? Optional.empty() : Optional.of(window.clone());
  }

  /** The route's staff digest window, if it coalesces. */
  public Optional<Duration> coalesce(String route) {
    return route(route).map(GatewayConfig.Route::coalesce);
  }

  private Optional<GatewayConfig.Route> route(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  private static CompiledRoute compile(GatewayConfig.Route route) {
    GatewayConfig.RouteWhen when = route.when();
    Set<Trigger> triggers =
        when.triggers().stream().map(TriggerName::trigger).collect(Collectors.toUnmodifiableSet());
    Audience audience = when.audience() == null ? null : when.audience().audience();
    return new CompiledRoute(route.name(), triggers, audience, globOrNull(when.sku()), globOrNull(when.category()),
        globOrNull(when.supplier()), route.send());
  }

  private static Pattern globOrNull(String glob) {
    return glob == null ? null : glob(glob);
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
