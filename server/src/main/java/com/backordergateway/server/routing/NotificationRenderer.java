package com.backordergateway.server.routing;

import com.backordergateway.api.v1.Audience;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.Purpose;
import com.backordergateway.api.v1.Trigger;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.server.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a planned notification for one connector instance: the template of the instance's
 * type for the audience, in the recipient's locale and time zone (staff: the gateway's), plus the
 * structured facts connectors that take fields need.
 */
@Singleton
public final class NotificationRenderer {

  /** What is stored with the delivery. */
  public record Rendered(String subject, String body, Map<String, String> facts) {}

  private final NotificationTemplates templates;
  private final Map<String, String> typeById;
  private final String storeName;
  private final ZoneId defaultZone;
  private final Locale defaultLocale;

  @Inject
  public NotificationRenderer(GatewayConfig config, NotificationTemplates templates) {
    this.templates = templates;
    this.typeById = config.connectors().stream()
        .collect(Collectors.toMap(GatewayConfig.Connector::id, GatewayConfig.Connector::type));
    this.storeName = config.store().name();
    this.defaultZone = ZoneId.of(config.triggers().defaultTimeZone());
    this.defaultLocale = Locale.forLanguageTag(config.triggers().defaultLocale());
  }

  /** The recipient's time zone, or the gateway's default. */
  public ZoneId zoneOf(Customer customer) {
    return customer.getTimeZone().isEmpty() ? defaultZone : ZoneId.of(customer.getTimeZone());
  }

  /** Renders {@code about} for {@code customer} ({@link Customer#getDefaultInstance()} for staff). */
  public Rendered render(String connectorId, Trigger trigger, Purpose purpose, Audience audience, NoticeAbout about,
      Customer customer) {
    boolean staff = audience == Audience.AUDIENCE_STAFF;
    TemplateFacts facts = new TemplateFacts(storeName, kebab(trigger.name(), "TRIGGER_"),
        kebab(purpose.name(), "PURPOSE_"), about.sku(), "", about.orderId(), customer.getName(), customer.getEmail(),
        customer.getPhone(), about.eta(), zoneOf(customer),
        customer.getLocale().isEmpty() ? defaultLocale : Locale.forLanguageTag(customer.getLocale()),
        about.caseId(), about.reason(), about.supplier(), about.poNumber(), about.resolution(), about.message(), staff,
        about.orderName(), about.note(), about.etaExpected());
    RenderedMessage message = templates.render(typeById.getOrDefault(connectorId, connectorId), facts);
    Map<String, String> structured = factsFor(facts, about, trigger, purpose);
    return new Rendered(message.subject(), message.body(), structured);
  }

  /** The fact keys the SPI promises connectors (see Notification#facts). */
  private static Map<String, String> factsFor(TemplateFacts f, NoticeAbout about, Trigger trigger, Purpose purpose) {
    Map<String, String> facts = new HashMap<>();
    facts.put("sku", f.sku());
    facts.put("product", f.product().isEmpty() ? f.sku() : f.product());
    facts.put("order_id", f.orderId());
    facts.put("order_name", f.orderName().isBlank() ? f.orderId() : f.orderName());
    facts.put("case_id", f.caseId());
    facts.put("eta", f.eta() == null ? "" : f.eta().toString());
    facts.put("eta_source", f.eta() == null ? "" : f.etaExpected() ? "supplier" : "case");
    facts.put("status", status(trigger, purpose, f.resolution()));
    facts.put("reason", f.reason());
    facts.put("note", f.note());
    facts.put("message", f.message());
    facts.put("supplier", f.supplier());
    facts.put("po_number", f.poNumber());
    facts.put("store_name", f.storeName());
    facts.put("category", about.category());
    return facts;
  }

  private static String status(Trigger trigger, Purpose purpose, String resolution) {
    if (purpose == Purpose.PURPOSE_RESOLUTION) {
      return resolution;
    }
    if (purpose == Purpose.PURPOSE_ETA_CORRECTION || trigger == Trigger.TRIGGER_SUPPLIER_DELAYED) {
      return "delayed";
    }
    return "backordered";
  }

  private static String kebab(String enumName, String prefix) {
    return enumName.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
