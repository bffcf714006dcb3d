package com.backordergateway.connector.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One instance's settings with the connector's defaults applied. {@link #toString()} masks
 * secret values, so settings can be logged.
 */
public final class ConnectorSettings {

  private final Map<String, String> values;
  private final Set<String> secretKeys;

  private ConnectorSettings(Map<String, String> values, Set<String> secretKeys) {
    this.values = Map.copyOf(values);
    this.secretKeys = Set.copyOf(secretKeys);
  }

  /**
   * Applies defaults and checks the configured values against {@code specs}: required keys,
   * unknown keys and each value's {@link SettingFormat}. Connectors get settings only after this
   * passed, so they read typed values without checking them again.
   *
   * @throws InvalidSettingsException naming the first missing, unknown or malformed key
   */
  public static ConnectorSettings of(Map<String, String> configured, List<SettingSpec> specs) {
    Map<String, String> values = new HashMap<>();
    for (SettingSpec spec : specs) {
      String value = configured.get(spec.key());
      if (value == null || value.isBlank()) {
        if (spec.required()) {
          throw new InvalidSettingsException(spec.key(), "required");
        }
        value = spec.defaultValue();
      }
      if (value != null) {
        Optional<String> problem = spec.format().problem(value);
        if (problem.isPresent()) {
          throw new InvalidSettingsException(spec.key(), problem.get() + example(spec));
        }
        values.put(spec.key(), value);
      }
    }
    Set<String> known = specs.stream().map(SettingSpec::key).collect(Collectors.toSet());
    for (String key : new TreeMap<>(configured).keySet()) {
      if (!known.contains(key)) {
        throw new InvalidSettingsException(key, "unknown setting; known: " + new TreeSet<>(known));
      }
    }
    Set<String> secrets = specs.stream().filter(SettingSpec::secret).map(SettingSpec::key).collect(Collectors.toSet());
    return new ConnectorSettings(values, secrets);
  }

  private static String example(SettingSpec spec) {
    return spec.example().isEmpty() || spec.secret() ? "" : " (e.g. " + spec.example() + ")";
  }

  /** The value of a required or defaulted setting. */
  public String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new InvalidSettingsException(key, "required");
    }
    return value;
  }

  public Optional<String> find(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public int getInt(String key) {
    try {
      return Integer.parseInt(get(key).trim());
    } catch (NumberFormatException e) {
      throw new InvalidSettingsException(key, "must be a whole number");
    }
  }

  public boolean getBoolean(String key) {
    String value = get(key).trim();
    if (!value.equals("true") && !value.equals("false")) {
      throw new InvalidSettingsException(key, "must be true or false");
    }
    return Boolean.parseBoolean(value);
  }

  /**
   * A base URL such as {@code https://api.twilio.com}: absolute http(s), trailing slash removed
   * so paths can be appended. For endpoint URLs whose trailing slash matters (Zapier hooks),
   * read the string with {@link #get} and parse it.
   */
  public URI getUrl(String key) {
    String value = get(key).trim();
    try {
      URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        throw new InvalidSettingsException(key, "must be an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidSettingsException(key, "must be an absolute http(s) URL");
    }
  }

  /**
   * An endpoint URL exactly as configured (trailing slash kept: Zapier catch hooks and Slack
   * webhook URLs are used as given).
   */
  public URI getEndpoint(String key) {
    try {
      return new URI(get(key).strip());
    } catch (URISyntaxException e) {
      throw new InvalidSettingsException(key, "must be an absolute http(s) URL");
    }
  }

  /** A comma-separated list setting; empty when not configured. */
  public List<String> getList(String key) {
    return find(key).map(SettingFormat::items).orElse(List.of());
  }

  /** A map setting ({@code name: value} entries), in the configured order; empty when not configured. */
  public Map<String, String> getMap(String key) {
    try {
      return find(key).map(SettingFormat::entries).orElse(Map.of());
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingsException(key, e.getMessage());
    }
  }

  public Duration getDuration(String key) {
    try {
      return Duration.parse(get(key).trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new InvalidSettingsException(key, "must be an ISO-8601 duration such as PT10S");
    }
  }

  public boolean isSecret(String key) {
    return secretKeys.contains(key);
  }

  /** Settings with secrets masked, for display. */
  public Map<String, String> masked() {
    Map<String, String> shown = new TreeMap<>();
    values.forEach((k, v) -> shown.put(k, secretKeys.contains(k) ? "****" : v));
    return shown;
  }

  @Override
  public String toString() {
    return "ConnectorSettings" + masked();
  }
}
