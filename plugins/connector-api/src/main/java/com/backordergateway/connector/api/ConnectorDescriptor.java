package com.backordergateway.connector.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a connector is: its type name (used in config), the settings it takes, the rate its
 * platform allows by default, and what it can do.
 */
public record ConnectorDescriptor(
    String type, String displayName, List<SettingSpec> settings, RateLimit defaultRateLimit,
    Set<Capability> capabilities) {

  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public ConnectorDescriptor {
    Objects.requireNonNull(type, "type is null");
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("type must be lower-case letters, digits and dashes: " + type);
    }
    Objects.requireNonNull(displayName, "displayName is null");
    settings = List.copyOf(settings);
    Objects.requireNonNull(defaultRateLimit, "defaultRateLimit is null");
    capabilities = Set.copyOf(capabilities);
  }

  /** The spec of one setting, if declared. */
  public java.util.Optional<SettingSpec> setting(String key) {
    return settings.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
