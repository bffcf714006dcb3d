package com.backordergateway.plugins.hubspot;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One HubSpot instance's settings, read once in {@code open} after the host checked each value's
 * format. What a format cannot say is checked here: the account's time zone is a real zone, and
 * no two values go into the same contact property. {@link #toString()} masks the token.
 *
 * @param baseUrl the API host, {@code https://api.hubapi.com} unless set
 * @param accessToken the private app's access token, sent as a Bearer token
 * @param contactProperties what the connector writes → the contact property it writes it to, in
 *     the order written: {@code status}, {@code sku}, {@code eta}, {@code case_id}, {@code order_id},
 *     and {@code product} and {@code message} when configured
 * @param eventName the custom event sent after each contact update ({@code pe{HubID}_{name}}), if any
 * @param eventProperties what the custom event carries, each under its own name
 * @param accountZone the HubSpot account's time zone, in which the daily API limit resets at midnight
 */
record HubspotSettings(URI baseUrl, String accessToken, Map<String, String> contactProperties,
    Optional<String> eventName, List<String> eventProperties, ZoneId accountZone) {

  static final String BASE_URL = "base-url";
  static final String ACCESS_TOKEN = "access-token";
  static final String STATUS_PROPERTY = "status-property";
  static final String SKU_PROPERTY = "sku-property";
  static final String ETA_PROPERTY = "eta-property";
  static final String CASE_ID_PROPERTY = "case-id-property";
  static final String ORDER_ID_PROPERTY = "order-id-property";
  static final String PRODUCT_PROPERTY = "product-property";
  static final String MESSAGE_PROPERTY = "message-property";
  static final String EVENT_NAME = "event-name";
  static final String EVENT_PROPERTIES = "event-properties";
  static final String ACCOUNT_TIME_ZONE = "account-time-zone";

  static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

  /** The setting of each value a contact can be given, in the order the properties are written. */
  private static final Map<String, String> PROPERTY_SETTINGS = orderedMap(
      "status", STATUS_PROPERTY, "sku", SKU_PROPERTY, "eta", ETA_PROPERTY, "case_id", CASE_ID_PROPERTY,
      "order_id", ORDER_ID_PROPERTY, "product", PRODUCT_PROPERTY, "message", MESSAGE_PROPERTY);

  /**
   * What a custom event may carry: the facts a customer may see ({@code reason} and {@code note}
   * are staff-only and not offered), the trigger and purpose, and the rendered message.
   */
  static final List<String> EVENT_VALUES = List.of("status", "sku", "product", "order_id", "order_name", "case_id",
      "eta", "eta_source", "category", "supplier", "po_number", "store_name", "trigger", "purpose", "message");

  private static final SettingFormat PROPERTY_NAME = SettingFormat.pattern("[a-z][a-z0-9_]{0,99}",
      "a property's internal name: lower-case letters, digits and _, starting with a letter");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.optional(BASE_URL, SettingFormat.url(), DEFAULT_BASE_URL,
          "HubSpot API host (set it for a test server)."),
      SettingSpec.required(ACCESS_TOKEN, SettingFormat.secret(),
          "The private app's access token (pat-…), sent as a Bearer token; scope crm.objects.contacts.write, and "
              + "analytics.behavioral_events.send with event-name."),
      SettingSpec.optional(STATUS_PROPERTY, PROPERTY_NAME, "backorder_status",
          "Contact property set to backordered, delayed, restocked or cancelled; the workflow triggers on it."),
      SettingSpec.optional(SKU_PROPERTY, PROPERTY_NAME, "backorder_sku", "Contact property set to the SKU."),
      SettingSpec.optional(ETA_PROPERTY, PROPERTY_NAME, "backorder_eta",
          "Contact date property set to the expected day (YYYY-MM-DD, in the customer's time zone); cleared when "
              + "no date is known."),
      SettingSpec.optional(CASE_ID_PROPERTY, PROPERTY_NAME, "backorder_case_id",
          "Contact property set to the gateway's backorder case id."),
      SettingSpec.optional(ORDER_ID_PROPERTY, PROPERTY_NAME, "backorder_order_id",
          "Contact property set to the order's id in the shop."),
      SettingSpec.optional(PRODUCT_PROPERTY, PROPERTY_NAME, null,
          "Contact property set to the product's name; not written when not set.").withExample("backorder_product"),
      SettingSpec.optional(MESSAGE_PROPERTY, PROPERTY_NAME, null,
          "Multi-line text contact property set to the rendered message, for the workflow's email to show; not "
              + "written when not set.").withExample("backorder_message"),
      SettingSpec.optional(EVENT_NAME, SettingFormat.pattern("pe[0-9]+_[a-z0-9_]+",
              "the event's fully qualified name, pe{HubID}_{name}"), null,
          "Custom event sent on the contact after each update (Enterprise); none when not set.")
          .withExample("pe21345678_backorder_update"),
      SettingSpec.optional(EVENT_PROPERTIES, SettingFormat.list(SettingFormat.oneOf(EVENT_VALUES.toArray(String[]::new))),
          "status, sku, product, order_id, case_id, eta, message",
          "What the custom event carries, each as an event property of that name."),
      SettingSpec.optional(ACCOUNT_TIME_ZONE, SettingFormat.pattern("[A-Za-z][A-Za-z0-9_+\\-/]*",
              "a time zone such as America/Chicago or UTC"), "UTC",
          "The HubSpot account's time zone (Settings > Account defaults): the daily API limit resets at its midnight.")
          .withExample("America/Chicago"));

  HubspotSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(accessToken, "accessToken is null");
    contactProperties = Collections.unmodifiableMap(new LinkedHashMap<>(contactProperties));
    Objects.requireNonNull(eventName, "eventName is null");
    eventProperties = List.copyOf(eventProperties);
    Objects.requireNonNull(accountZone, "accountZone is null");
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static HubspotSettings from(ConnectorSettings settings) {
    URI baseUrl = settings.getUrl(BASE_URL);
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new InvalidSettingsException(BASE_URL, "must be a plain http(s) URL such as " + DEFAULT_BASE_URL);
    }
    Map<String, String> properties = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    PROPERTY_SETTINGS.forEach((value, key) -> settings.find(key).map(String::strip).ifPresent(property -> {
      if (!used.add(property)) {
        throw new InvalidSettingsException(key, "names a contact property another setting already writes");
      }
      properties.put(value, property);
    }));
    return new HubspotSettings(baseUrl, settings.get(ACCESS_TOKEN).strip(), properties,
        settings.find(EVENT_NAME).map(String::strip), settings.getList(EVENT_PROPERTIES).stream().distinct().toList(),
        zone(settings));
  }

  private static ZoneId zone(ConnectorSettings settings) {
    try {
      return ZoneId.of(settings.get(ACCOUNT_TIME_ZONE).strip());
    } catch (DateTimeException unknown) {
      throw new InvalidSettingsException(ACCOUNT_TIME_ZONE, "is not a time zone; use a name such as America/Chicago");
    }
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** {@code POST} here creates or updates a contact by email. */
  URI upsertUrl() {
    return URI.create(baseUrl + "/crm/v3/objects/contacts/batch/upsert");
  }

  /** {@code PATCH} here updates contact {@code id}. */
  URI contactUrl(String id) {
    return URI.create(baseUrl + "/crm/v3/objects/contacts/" + id);
  }

  /** {@code POST} here sends a custom event occurrence. */
  URI eventsUrl() {
    return URI.create(baseUrl + "/events/v3/send");
  }

  /** The API host (and port), for logs. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "HubspotSettings[host=" + host() + ", access-token=****, properties=" + contactProperties
        + ", event=" + eventName.map(name -> name + " " + eventProperties).orElse("none")
        + ", account-time-zone=" + accountZone + "]";
  }
}
