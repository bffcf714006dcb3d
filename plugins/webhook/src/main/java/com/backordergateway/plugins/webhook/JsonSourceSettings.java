package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import com.fasterxml.jackson.core.JsonPointer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One generic JSON source instance's settings: how posts are authenticated, what makes two posts
 * the same delivery, which trigger they report and where each of its fields sits in the body (a
 * JSON pointer per field). A {@code preset} fills what is not configured. {@link #toString()}
 * masks the secret.
 *
 * @param secret the shared HMAC key, or the token itself with {@link Auth#TOKEN}
 * @param auth how a post proves it comes from the sender
 * @param signatureHeader the header with the signature (or the token)
 * @param timestampHeader the header with the time of signing, when the sender signs
 *     {@code <timestamp>.<body>} and posts older than {@code replayWindow} are refused
 * @param replayWindow how old (or how far ahead) a signed timestamp may be
 * @param dedupHeader the header whose value identifies the delivery, if it comes from a header
 * @param dedupPointer the body field that identifies the delivery, if it comes from the body
 * @param trigger what the posts report
 * @param when only posts whose value at this pointer equals {@code whenValue} count; others are
 *     acknowledged and ignored
 * @param fields where each mapped field is in the body
 */
record JsonSourceSettings(
    String secret, Auth auth, String signatureHeader, Optional<String> timestampHeader, Duration replayWindow,
    Optional<String> dedupHeader, Optional<JsonPointer> dedupPointer, JsonTrigger trigger,
    Optional<JsonPointer> when, String whenValue, Map<String, JsonPointer> fields) {

  /** How a post proves it comes from the sender. */
  enum Auth {
    /** HMAC-SHA256 of the body (hex or base64, with or without {@code sha256=}). */
    HMAC,
    /** The secret itself in the header, for senders that cannot compute a signature. */
    TOKEN
  }

  static final String SECRET = "secret";
  static final String PRESET = "preset";
  static final String AUTH = "auth";
  static final String SIGNATURE_HEADER = "signature-header";
  static final String TIMESTAMP_HEADER = "timestamp-header";
  static final String REPLAY_WINDOW = "replay-window";
  static final String DEDUP = "dedup";
  static final String TRIGGER = "trigger";
  static final String WHEN = "when";

  /** The body fields a mapping may name, by setting key. */
  static final Map<String, String> FIELDS = fieldMeanings();

  private static final int MIN_SECRET_LENGTH = 16;
  private static final SettingFormat HEADER = SettingFormat.pattern(ConfiguredHeaders.TOKEN_SYNTAX,
      "an HTTP header name (a token)");
  private static final SettingFormat POINTER = SettingFormat.pattern("(/[^/]*)+",
      "a JSON pointer such as /item/sku");

  static final List<SettingSpec> SPECS = specs();

  JsonSourceSettings {
    Objects.requireNonNull(secret, "secret is null");
    Objects.requireNonNull(auth, "auth is null");
    Objects.requireNonNull(signatureHeader, "signatureHeader is null");
    Objects.requireNonNull(timestampHeader, "timestampHeader is null");
    Objects.requireNonNull(replayWindow, "replayWindow is null");
    Objects.requireNonNull(dedupHeader, "dedupHeader is null");
    Objects.requireNonNull(dedupPointer, "dedupPointer is null");
    Objects.requireNonNull(trigger, "trigger is null");
    Objects.requireNonNull(when, "when is null");
    Objects.requireNonNull(whenValue, "whenValue is null");
    fields = Map.copyOf(fields);
  }

  private static Map<String, String> fieldMeanings() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("sku", "the SKU (stock-level, marked-unavailable)");
    fields.put("on-hand", "units on hand, a whole number (stock-level)");
    fields.put("observed-at", "when the level was observed (stock-level)");
    fields.put("category", "the SKU's product category, for routes");
    fields.put("reason", "why the SKU is unavailable, for staff (marked-unavailable)");
    fields.put("actor", "who marked it (marked-unavailable)");
    fields.put("eta", "when it is expected back (marked-unavailable, platform-backorder)");
    fields.put("orders", "an array of open orders with the SKU (marked-unavailable)");
    fields.put("order-id", "the order's id: in each element of orders, or of the body (platform-backorder)");
    fields.put("order-name", "the name the shop shows for the order");
    fields.put("customer-name", "the customer's name");
    fields.put("customer-email", "the customer's email address");
    fields.put("customer-phone", "the customer's phone number, E.164");
    fields.put("customer-locale", "the customer's language, e.g. fr-CA");
    fields.put("customer-time-zone", "the customer's IANA time zone");
    fields.put("skus", "the order's backordered SKUs: an array, or one SKU (platform-backorder)");
    fields.put("po-number", "the registered purchase order (shipment-update)");
    fields.put("new-expected-at", "the supplier's new expected date (shipment-update)");
    fields.put("received", "true when the shipment arrived (shipment-update)");
    fields.put("cancelled", "true when the shipment will not come (shipment-update)");
    return Collections.unmodifiableMap(fields);
  }

  private static List<SettingSpec> specs() {
    List<SettingSpec> specs = new ArrayList<>(List.of(
        SettingSpec.required(SECRET, SettingFormat.secret(MIN_SECRET_LENGTH),
            "Shared secret (at least " + MIN_SECRET_LENGTH + " characters): the HMAC-SHA256 key, or the token."),
        SettingSpec.optional(PRESET, SettingFormat.oneOf("wms", "airtable", "zapier"), null,
            "Ready-made settings for a sender; settings given here win over the preset's."),
        SettingSpec.optional(AUTH, SettingFormat.oneOf("hmac", "token"), null,
            "hmac (default): the header carries HMAC-SHA256 of the body, hex or base64, sha256= allowed; "
                + "token: the header carries the secret itself."),
        SettingSpec.optional(SIGNATURE_HEADER, HEADER, null, "Header with the signature (default X-Signature)."),
        SettingSpec.optional(TIMESTAMP_HEADER, HEADER, null,
            "Header with the signing time (Unix seconds or ISO-8601); the signature then covers <timestamp>.<body>."),
        SettingSpec.optional(REPLAY_WINDOW, SettingFormat.duration(Duration.ofSeconds(10), Duration.ofHours(24)),
            "PT5M", "How old a signed timestamp may be (ISO-8601)."),
        SettingSpec.optional(DEDUP, SettingFormat.pattern("header:" + ConfiguredHeaders.TOKEN_SYNTAX + "|(/[^/]*)+",
                "header:<Name> or a JSON pointer"), null,
            "What identifies a delivery: header:<Name> or a body field's pointer; default the body's SHA-256."),
        SettingSpec.optional(TRIGGER, SettingFormat.oneOf("stock-level", "marked-unavailable", "platform-backorder",
            "shipment-update"), null, "What the posts report (a preset gives one)."),
        SettingSpec.optional(WHEN, SettingFormat.pattern("(/[^/=]*)+=.*", "<pointer>=<value>"), null,
            "Only posts with this value at this pointer count, e.g. /status=Unavailable; others are ignored.")));
    FIELDS.forEach((key, meaning) -> specs.add(
        SettingSpec.optional(key, POINTER, null, "JSON pointer to " + meaning + ".")));
    return List.copyOf(specs);
  }

  /**
   * Reads the instance's settings over its preset's.
   *
   * @throws InvalidSettingsException naming the key: no trigger, a field the trigger needs unmapped
   */
  static JsonSourceSettings from(ConnectorSettings settings) {
    Map<String, String> preset = settings.find(PRESET).map(p -> JsonSourcePresets.ALL.get(p.strip())).orElse(Map.of());
    Settings s = new Settings(settings, preset);
    JsonTrigger trigger = s.find(TRIGGER).map(JsonTrigger::fromSetting).orElseThrow(() -> new InvalidSettingsException(
        TRIGGER, "required (stock-level, marked-unavailable, platform-backorder or shipment-update), or a preset"));
    Map<String, JsonPointer> fields = new LinkedHashMap<>();
    for (String key : FIELDS.keySet()) {
      s.find(key).ifPresent(pointer -> fields.put(key, JsonPointer.compile(pointer)));
    }
    for (String key : trigger.required()) {
      if (!fields.containsKey(key)) {
        throw new InvalidSettingsException(key, "required for trigger " + trigger.settingValue() + ": a JSON pointer");
      }
    }
    if (trigger == JsonTrigger.SHIPMENT_UPDATE && !fields.containsKey("new-expected-at")
        && !fields.containsKey("received") && !fields.containsKey("cancelled")) {
      throw new InvalidSettingsException("new-expected-at",
          "shipment-update needs at least one of new-expected-at, received, cancelled");
    }
    Optional<String> dedup = s.find(DEDUP);
    Optional<String> when = s.find(WHEN);
    return new JsonSourceSettings(settings.get(SECRET).strip(),
        s.find(AUTH).map(a -> Auth.valueOf(a.toUpperCase(Locale.ROOT))).orElse(Auth.HMAC),
        s.find(SIGNATURE_HEADER).orElse("X-Signature"), s.find(TIMESTAMP_HEADER), settings.getDuration(REPLAY_WINDOW),
        dedup.filter(d -> d.startsWith("header:")).map(d -> d.substring("header:".length())),
        dedup.filter(d -> d.startsWith("/")).map(JsonPointer::compile), trigger,
        when.map(w -> JsonPointer.compile(w.substring(0, w.indexOf('=')))),
        when.map(w -> w.substring(w.indexOf('=') + 1)).orElse(""), fields);
  }

  /** The configured value, else the preset's. */
  private record Settings(ConnectorSettings configured, Map<String, String> preset) {
    Optional<String> find(String key) {
      return configured.find(key).map(String::strip).filter(v -> !v.isEmpty())
          .or(() -> Optional.ofNullable(preset.get(key)));
    }
  }

  @Override
  public String toString() {
    return "JsonSourceSettings[secret=****, auth=" + auth + ", signature-header=" + signatureHeader + ", trigger="
        + trigger.settingValue() + ", fields=" + fields.keySet() + "]";
  }
}
