package com.backordergateway.connector.api;

import java.util.Objects;

/**
 * One setting a connector takes. Secret settings (tokens, keys, webhook URLs that embed a
 * secret) are masked in logs, errors and API answers.
 */
public record SettingSpec(String key, boolean required, boolean secret, String defaultValue, String description) {

  public SettingSpec {
    Objects.requireNonNull(key, "key is null");
    Objects.requireNonNull(description, "description is null");
    if (required && defaultValue != null) {
      throw new IllegalArgumentException("a required setting has no default: " + key);
    }
  }

  public static SettingSpec required(String key, String description) {
    return new SettingSpec(key, true, false, null, description);
  }

  public static SettingSpec requiredSecret(String key, String description) {
    return new SettingSpec(key, true, true, null, description);
  }

  public static SettingSpec optional(String key, String defaultValue, String description) {
    return new SettingSpec(key, false, false, defaultValue, description);
  }

  public static SettingSpec optionalSecret(String key, String description) {
    return new SettingSpec(key, false, true, null, description);
  }
}
