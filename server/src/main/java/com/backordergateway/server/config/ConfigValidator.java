package com.backordergateway.server.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a bound config for problems that binding alone cannot see, naming each key path. */
final class ConfigValidator {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final int MIN_TOKEN_LENGTH = 16;
  /** What a SKU may hold (see intake), plus the route wildcards {@code *} and {@code ?}. */
  private static final Pattern SKU_GLOB = Pattern.compile("[A-Za-z0-9._/*?-]{1,64}");

  private final GatewayConfig config;

  ConfigValidator(GatewayConfig config) {
    this.config = config;
  }

  void validate(List<String> problems) {
    validateServer(problems);
    validateStorage(problems);
    validateAuth(problems);
    validateTriggers(problems);
    validateDelivery(problems);
    Set<String> connectorIds = validateConnectors(problems);
    validateRoutes(connectorIds, problems);
    validateSources(problems);
    check(config.shim().maxBodyBytes() >= 1024, "shim.max-body-bytes: must be at least 1024", problems);
  }

  private void validateSources(List<String> problems) {
    Set<String> keys = new HashSet<>();
    List<GatewayConfig.Source> sources = config.sources();
    for (int i = 0; i < sources.size(); i++) {
      GatewayConfig.Source source = sources.get(i);
      String at = "sources[" + i + "]";
      if (blank(source.id()) || !ID.matcher(source.id()).matches()) {
        problems.add(at + ".id: required; lower-case letters, digits and dashes only");
      }
      if (blank(source.type()) || !ID.matcher(source.type()).matches()) {
        problems.add(at + ".type: required; a webhook source type such as shopify");
      }
      if (!blank(source.id()) && !blank(source.type()) && !keys.add(source.type() + "/" + source.id())) {
        problems.add(at + ".id: duplicate " + source.type() + " source " + source.id());
      }
    }
  }

  private void validateServer(List<String> problems) {
    GatewayConfig.Server server = config.server();
    port("server.grpc-port", server.grpcPort(), problems);
    port("server.http-port", server.httpPort(), problems);
    if (server.maxRequestBytes() < 1024) {
      problems.add("server.max-request-bytes: must be at least 1024");
    }
    GatewayConfig.Tls tls = server.tls();
    if (tls != null) {
      if (blank(tls.certChain())) {
        problems.add("server.tls.cert-chain: required when tls is set");
      }
      if (blank(tls.privateKey())) {
        problems.add("server.tls.private-key: required when tls is set");
      }
    }
  }

  private static void port(String path, int port, List<String> problems) {
    if (port < 0 || port > 65535) {
      problems.add(path + ": must be between 0 and 65535");
    }
  }

  private void validateStorage(List<String> problems) {
    GatewayConfig.Storage storage = config.storage();
    String url = storage.url();
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql://")) {
      problems.add("storage.url: must be a jdbc:sqlite: file or a jdbc:postgresql:// URL");
    }
    if (url.startsWith("jdbc:postgresql:") && url.matches("(?i).*[?&]password=.*")) {
      problems.add("storage.url: put the password in storage.password (from ${env:…} or ${file:…}), not in the URL");
    }
    positive("storage.busy-timeout", storage.busyTimeout(), problems);
    positive("storage.connect-timeout", storage.connectTimeout(), problems);
    positive("storage.retention", storage.retention(), problems);
    check(storage.poolSize() >= 2 && storage.poolSize() <= 200,
        "storage.pool-size: must be between 2 and 200 (the writer keeps one connection)", problems);
  }

  private void validateAuth(List<String> problems) {
    List<GatewayConfig.ApiToken> tokens = config.auth().tokens();
    if (tokens.isEmpty()) {
      problems.add("auth.tokens: at least one token is required");
    }
    Set<String> names = new HashSet<>();
    Map<String, Integer> values = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      GatewayConfig.ApiToken token = tokens.get(i);
      String at = "auth.tokens[" + i + "]";
      if (blank(token.name())) {
        problems.add(at + ".name: required");
      } else if (!names.add(token.name())) {
        problems.add(at + ".name: duplicate name " + token.name());
      }
      if (blank(token.token())) {
        problems.add(at + ".token: required");
      } else if (token.token().length() < MIN_TOKEN_LENGTH) {
        problems.add(at + ".token: must be at least " + MIN_TOKEN_LENGTH + " characters");
      } else if (values.putIfAbsent(token.token(), i) != null) {
        // Two entries with one token would leave which scopes it has to the order of the list.
        problems.add(at + ".token: the same token as auth.tokens[" + values.get(token.token()) + "]; give each its own");
      }
      if (token.scopes().isEmpty()) {
        problems.add(at + ".scopes: at least one of intake, read, admin");
      }
    }
  }

  private void validateDelivery(List<String> problems) {
    GatewayConfig.Delivery d = config.delivery();
    check(d.workers() >= 1, "delivery.workers: must be at least 1", problems);
    check(d.batchSize() >= 1, "delivery.batch-size: must be at least 1", problems);
    check(d.maxAttempts() >= 1, "delivery.max-attempts: must be at least 1", problems);
    positive("delivery.lease", d.lease(), problems);
    positive("delivery.max-age", d.maxAge(), problems);
    positive("delivery.backoff-base", d.backoffBase(), problems);
    positive("delivery.backoff-cap", d.backoffCap(), problems);
    positive("delivery.unavailable-recheck", d.unavailableRecheck(), problems);
  }

  private static void check(boolean ok, String problem, List<String> problems) {
    if (!ok) {
      problems.add(problem);
    }
  }

  private void validateTriggers(List<String> problems) {
    GatewayConfig.Triggers triggers = config.triggers();
    positive("triggers.supplier-delay-threshold", triggers.supplierDelayThreshold(), problems);
    positive("triggers.supplier-monitor-interval", triggers.supplierMonitorInterval(), problems);
    triggers.supplierThresholds().forEach(
        (supplier, threshold) ->
            positive("triggers.supplier-thresholds." + supplier, threshold, problems));
    try {
      ZoneId.of(triggers.defaultTimeZone());
    } catch (DateTimeException e) {
      problems.add("triggers.default-time-zone: unknown time zone");
    }
  }

  private static void positive(String path, Duration value, List<String> problems) {
    if (value == null || value.isZero() || value.isNegative()) {
      problems.add(path + ": must be a positive duration");
    }
  }

  private Set<String> validateConnectors(List<String> problems) {
    Set<String> ids = new HashSet<>();
    List<GatewayConfig.Connector> connectors = config.connectors();
    for (int i = 0; i < connectors.size(); i++) {
      GatewayConfig.Connector connector = connectors.get(i);
      String at = "connectors[" + i + "]";
      if (blank(connector.id())) {
        problems.add(at + ".id: required");
      } else if (!ID.matcher(connector.id()).matches()) {
        problems.add(at + ".id: lower-case letters, digits and dashes only");
      } else if (!ids.add(connector.id())) {
        problems.add(at + ".id: duplicate id " + connector.id());
      }
      if (blank(connector.type())) {
        problems.add(at + ".type: required");
      }
      check(connector.maxConcurrency() >= 1, at + ".max-concurrency: must be at least 1", problems);
      check(connector.ratePerSecond() == null || connector.ratePerSecond() > 0, at + ".rate-per-second: must be positive", problems);
      check(connector.rateBurst() == null || connector.rateBurst() >= 1, at + ".rate-burst: must be at least 1", problems);
      check(connector.circuitFailures() >= 1, at + ".circuit-failures: must be at least 1", problems);
      positive(at + ".circuit-open-for", connector.circuitOpenFor(), problems);
      connector.settings().forEach((key, value) -> {
        if (value == null) {
          problems.add(at + ".settings." + key + ": must have a value");
        }
      });
    }
    return ids;
  }

  private void validateRoutes(Set<String> connectorIds, List<String> problems) {
    List<GatewayConfig.Route> routes = config.routes();
    for (int i = 0; i < routes.size(); i++) {
      GatewayConfig.Route route = routes.get(i);
      String at = "routes[" + i + "]";
      if (blank(route.name())) {
        problems.add(at + ".name: required");
      }
      if (route.send().isEmpty()) {
        problems.add(at + ".send: at least one connector id");
      }
      for (int j = 0; j < route.send().size(); j++) {
        String id = route.send().get(j);
        if (!connectorIds.contains(id)) {
          problems.add(at + ".send[" + j + "]: unknown connector id " + id);
        }
      }
      for (int j = 0; j < route.fallback().size(); j++) {
        String id = route.fallback().get(j);
        if (!connectorIds.contains(id)) {
          problems.add(at + ".fallback[" + j + "]: unknown connector id " + id);
        }
      }
      String sku = route.when().sku();
      if (sku != null && sku.isBlank()) {
        problems.add(at + ".when.sku: must not be blank");
      } else if (sku != null && !SKU_GLOB.matcher(sku).matches()) {
        problems.add(at + ".when.sku: a SKU pattern: letters, digits, . _ / - and the wildcards * and ?");
      }
      GatewayConfig.QuietHours quiet = route.quietHours();
      if (quiet != null) {
        localTime(at + ".quiet-hours.from", quiet.from(), problems);
        localTime(at + ".quiet-hours.to", quiet.to(), problems);
        if (route.when().audience() == AudienceName.STAFF) {
          problems.add(at + ".quiet-hours: only for customer routes (staff alerts are not deferred)");
        }
      }
      if (route.coalesce() != null) {
        positive(at + ".coalesce", route.coalesce(), problems);
        if (route.when().audience() != AudienceName.STAFF) {
          problems.add(at + ".coalesce: only for staff routes (when.audience: staff)");
        }
      }
    }
  }

  private static void localTime(String path, String value, List<String> problems) {
    try {
      java.time.LocalTime.parse(value == null ? "" : value);
    } catch (java.time.format.DateTimeParseException e) {
      problems.add(path + ": a local time such as 21:00");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
