package com.backordergateway.connector.api;

import java.util.Objects;

/**
 * One setting a connector takes: its key, whether it is required, its default, what its value
 * must look like ({@link SettingFormat}), a description and an example for operators. Secret
 * settings (tokens, keys, webhook URLs that embed a secret) are masked in logs, errors and API
 * answers.
 *
 * <p>Declare settings with the typed factories (since 1.1):
 *
 * <pre>{@code
 * SettingSpec.optional("base-url", SettingFormat.url(), "https://api.twilio.com", "Twilio REST API host."),
 * SettingSpec.required("account-sid", SettingFormat.pattern("AC[0-9a-fA-F]{32}", "AC and 32 hex digits"),
 *     "The account messages are created in.").withExample("AC0123456789abcdef0123456789abcdef"),
 * SettingSpec.required("auth-token", SettingFormat.secret(), "The account's auth token."),
 * }</pre>
 *
 * @param secret whether the value is masked; true whenever the format is a secret one
 * @param defaultValue applied when the setting is not configured; null for none
 * @param format what the value must look like; the host checks it before {@code open}
 * @param example a sample value shown to operators; empty for none
 */
public record SettingSpec(String key, boolean required, boolean secret, String defaultValue, String description,
    SettingFormat format, String example) {

  public SettingSpec {
    Objects.requireNonNull(key, "key is null");
    Objects.requireNonNull(description, "description is null");
    Objects.requireNonNull(format, "format is null");
    Objects.requireNonNull(example, "example is null");
    if (required && defaultValue != null) {
      throw new IllegalArgumentException("a required setting has no default: " + key);
    }
    if (format.isSecret() && !secret) {
      throw new IllegalArgumentException("a setting of a secret format is secret: " + key);
    }
    if (defaultValue != null && format.problem(defaultValue).isPresent()) {
      throw new IllegalArgumentException("the default of " + key + " " + format.problem(defaultValue).get());
    }
  }

  /** A free-text setting, as SPI 1.0 declared every setting (secret ones are masked, not checked). */
  public SettingSpec(String key, boolean required, boolean secret, String defaultValue, String description) {
    this(key, required, secret, defaultValue, description, SettingFormat.text(), "");
  }

  /** A required setting of this format. */
  public static SettingSpec required(String key, SettingFormat format, String description) {
    return new SettingSpec(key, true, format.isSecret(), null, description, format, "");
  }

  /** An optional setting of this format; {@code defaultValue} may be null (no default). */
  public static SettingSpec optional(String key, SettingFormat format, String defaultValue, String description) {
    return new SettingSpec(key, false, format.isSecret(), defaultValue, description, format, "");
  }

  /** The same setting with an example value for operators. */
  public SettingSpec withExample(String exampleValue) {
    return new SettingSpec(key, required, secret, defaultValue, description, format, exampleValue);
  }

  /** The same setting with its value masked: a URL or an id that embeds a credential (Slack, Teams webhooks). */
  public SettingSpec masked() {
    return new SettingSpec(key, required, true, defaultValue, description, format, "");
  }

  /** The same setting, optional (the contract test uses it to reach {@code open} without it). */
  public SettingSpec asOptional() {
    return new SettingSpec(key, false, secret, defaultValue, description, format, example);
  }

  // ---- SPI 1.0 factories: free text ----

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
