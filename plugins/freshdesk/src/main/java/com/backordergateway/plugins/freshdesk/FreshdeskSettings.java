package com.backordergateway.plugins.freshdesk;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.SettingFormat;
import com.backordergateway.connector.api.SettingSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Freshdesk instance's settings, read once in {@code open} after the host checked each value's
 * format. What a format cannot say is checked here: the custom-field mapping names known facts and
 * {@code cf_} fields, and the routing rules are {@code group:<id>} / {@code agent:<id>}.
 * {@link #toString()} masks the API key.
 *
 * @param baseUrl the helpdesk, {@code https://<domain>.freshdesk.com} unless {@code base-url} says otherwise
 * @param apiKey an agent's API key, sent as Basic {@code <key>:X}
 * @param status the status new tickets get (2 open)
 * @param priority the priority new tickets get (1 low)
 * @param tags tags every ticket gets, before the trigger and the SKU
 * @param customFields fact name → Freshdesk custom field ({@code cf_…}), in the configured order
 * @param routing which group and agent a new ticket is assigned to
 * @param staffRequester the requester of staff tickets, if staff notifications are routed here
 */
record FreshdeskSettings(
    URI baseUrl, String apiKey, int status, int priority, List<String> tags, Map<String, String> customFields,
    TicketRouting routing, Optional<String> staffRequester) {

  static final String DOMAIN = "domain";
  static final String BASE_URL = "base-url";
  static final String API_KEY = "api-key";
  static final String STATUS = "status";
  static final String PRIORITY = "priority";
  static final String TAGS = "tags";
  static final String CUSTOM_FIELDS = "custom-fields";
  static final String CATEGORY_ROUTING = "category-routing";
  static final String SUPPLIER_ROUTING = "supplier-routing";
  static final String STAFF_REQUESTER_EMAIL = "staff-requester-email";

  /** What a custom field can be filled from: the facts the host sets, and three the connector derives. */
  static final Set<String> FIELD_SOURCES = Set.of("sku", "product", "order_id", "order_name", "case_id", "eta",
      "eta_date", "eta_source", "status", "reason", "note", "category", "supplier", "po_number", "store_name",
      "trigger", "purpose");

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.required(DOMAIN, SettingFormat.pattern("[A-Za-z0-9][A-Za-z0-9-]{0,62}(\\.freshdesk\\.com)?",
              "the helpdesk's name, e.g. example-crafts for example-crafts.freshdesk.com"),
          "Your Freshdesk helpdesk: the name before .freshdesk.com.").withExample("example-crafts"),
      SettingSpec.optional(BASE_URL, SettingFormat.url(), null,
          "API host, if not https://<domain>.freshdesk.com (tests, sandboxes).").withExample("https://example-crafts.freshdesk.com"),
      SettingSpec.required(API_KEY, SettingFormat.secret(),
          "API key of the agent the tickets are created as (Profile settings → Your API Key)."),
      SettingSpec.optional(STATUS, SettingFormat.integer(2, 9999), "2",
          "Status of new tickets: 2 open, 3 pending, 4 resolved, 5 closed, or a custom status's id."),
      SettingSpec.optional(PRIORITY, SettingFormat.integer(1, 4), "1",
          "Priority of new tickets: 1 low, 2 medium, 3 high, 4 urgent."),
      SettingSpec.optional(TAGS, SettingFormat.list(SettingFormat.text()), "backorder",
          "Tags on every ticket; the trigger (stock-depleted, …) and the SKU are added.").withExample("backorder, web"),
      SettingSpec.optional(CUSTOM_FIELDS, SettingFormat.map(false), null,
          "Custom fields filled from facts: 'fact=cf_field' entries separated by ';'. Facts: " + new TreeSet<>(FIELD_SOURCES)
              + " (eta_date is the date alone, for a date field).").withExample("sku=cf_sku; eta_date=cf_expected_on"),
      SettingSpec.optional(CATEGORY_ROUTING, SettingFormat.map(false), null,
          "Assignment by the SKU's category: 'category=group:<id>,agent:<id>' entries separated by ';' (group, agent or "
              + "both); '*' for every other category.").withExample("paints=group:101; brushes=group:102,agent:5501"),
      SettingSpec.optional(SUPPLIER_ROUTING, SettingFormat.map(false), null,
          "Assignment by supplier, consulted before category-routing: 'supplier=group:<id>,agent:<id>' entries.")
          .withExample("Golden Artist Colors=group:103"),
      SettingSpec.optional(STAFF_REQUESTER_EMAIL, SettingFormat.email(), null,
          "Requester of the tickets staff alerts open; needed when staff notifications are routed here.")
          .withExample("backorders@example-crafts.com"));

  FreshdeskSettings {
    Objects.requireNonNull(baseUrl, "baseUrl is null");
    Objects.requireNonNull(apiKey, "apiKey is null");
    tags = List.copyOf(tags);
    customFields = Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    Objects.requireNonNull(routing, "routing is null");
    Objects.requireNonNull(staffRequester, "staffRequester is null");
  }

  /**
   * Reads the instance's settings.
   *
   * @throws InvalidSettingsException naming the bad key (never its value)
   */
  static FreshdeskSettings from(ConnectorSettings settings) {
    String domain = settings.get(DOMAIN).strip().replaceFirst("\\.freshdesk\\.com$", "");
    URI baseUrl = settings.find(BASE_URL).isPresent()
        ? settings.getUrl(BASE_URL) : URI.create("https://" + domain + ".freshdesk.com");
    return new FreshdeskSettings(baseUrl, settings.get(API_KEY).strip(), settings.getInt(STATUS),
        settings.getInt(PRIORITY), settings.getList(TAGS), customFields(settings.getMap(CUSTOM_FIELDS)),
        TicketRouting.from(settings.getMap(CATEGORY_ROUTING), settings.getMap(SUPPLIER_ROUTING)),
        settings.find(STAFF_REQUESTER_EMAIL).map(String::strip));
  }

  private static Map<String, String> customFields(Map<String, String> configured) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> entries = new ArrayList<>(configured.keySet());
    for (int i = 0; i < entries.size(); i++) {
      String fact = entries.get(i);
      String field = configured.get(fact);
      if (!FIELD_SOURCES.contains(fact)) {
        throw new InvalidSettingsException(CUSTOM_FIELDS, "entry " + (i + 1) + " does not name a fact; use one of "
            + new TreeSet<>(FIELD_SOURCES));
      }
      if (!field.matches("cf_[a-z0-9_]+")) {
        throw new InvalidSettingsException(CUSTOM_FIELDS, "entry " + (i + 1) + " must name a Freshdesk custom field "
            + "such as cf_sku (cf_ and lower-case letters, digits, _); separate entries with ';', not ','");
      }
      fields.put(fact, field);
    }
    return fields;
  }

  URI ticketsUrl() {
    return URI.create(baseUrl + "/api/v2/tickets");
  }

  URI ticketUrl(String ticketId) {
    return URI.create(baseUrl + "/api/v2/tickets/" + ticketId);
  }

  URI notesUrl(String ticketId) {
    return URI.create(baseUrl + "/api/v2/tickets/" + ticketId + "/notes");
  }

  /** The helpdesk host (and port), for logs and error messages. */
  String host() {
    return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
  }

  @Override
  public String toString() {
    return "FreshdeskSettings[host=" + host() + ", api-key=****, status=" + status + ", priority=" + priority
        + ", tags=" + tags + ", custom-fields=" + customFields + ", " + routing
        + staffRequester.map(email -> ", staff-requester-email=" + email).orElse("") + "]";
  }
}
