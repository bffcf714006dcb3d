package com.backordergateway.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

  @TempDir Path dir;

  static TemplateFacts facts(String trigger, String purpose, Locale locale) {
    TemplateFacts s = TemplateFacts.sample(trigger, purpose);
    return new TemplateFacts(s.storeName(), trigger, purpose, s.sku(), s.product(), s.orderId(), s.customerName(),
        s.customerEmail(), s.customerPhone(), s.eta(), s.zone(), locale, s.caseId(), s.reason(), s.supplier(),
        s.poNumber(), s.resolution(), s.message());
  }

  @Test
  void theBuiltInTemplatesRenderForEveryTriggerAndPurpose() {
    Templates templates = Templates.of(List.of(DefaultTemplates.source()));
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String purpose : TemplateNames.PURPOSES) {
        RenderedMessage message = templates.render(TemplateFacts.sample(trigger, purpose)).orElseThrow();
        assertThat(message.subject()).isNotBlank();
        assertThat(message.body()).doesNotContain("{{").isNotBlank();
      }
    }
    RenderedMessage notice = templates.render(TemplateFacts.sample("stock-depleted", "customer-notice")).orElseThrow();
    assertThat(notice.subject()).isEqualTo("Your Maple & Thread Crafts order ORD-5001: Titanium White Acrylic 120 ml is on backorder");
    assertThat(notice.body()).startsWith("Hi Maya,").contains("expect it back by April 14, 2026");
  }

  @Test
  void theEtaIsWrittenInTheLanguageOfTheTemplateUsedAndTheRecipientsZone() {
    Templates templates = Templates.of(List.of(TemplateSource.of("plugin", Map.of(
        "customer-notice.mustache", "Back by {{eta}}.", "customer-notice.fr.mustache", "De retour le {{eta}}."))));
    TemplateFacts sample = TemplateFacts.sample("stock-depleted", "customer-notice");
    assertThat(templates.render(sample.withLocale(Locale.FRANCE)).orElseThrow().body()).isEqualTo("De retour le 14 avril 2026.");
    assertThat(templates.render(sample.withLocale(Locale.forLanguageTag("de-DE"))).orElseThrow().body())
        .as("a German customer gets the English text, so an English date").isEqualTo("Back by April 14, 2026.");
    TemplateFacts lateInTokyo = new TemplateFacts("s", "stock-depleted", "customer-notice", "S", "", "O", "", "", "",
        Instant.parse("2026-04-14T20:00:00Z"), ZoneId.of("Asia/Tokyo"), Locale.UK, "c", "", "", "", "", "");
    assertThat(templates.render(lateInTokyo).orElseThrow().body()).isEqualTo("Back by 15 April 2026.");
  }

  @Test
  void aCanadianFrenchCustomerGetsTheFrenchTemplateBeforeAnEnglishOneForTheTrigger() {
    Templates templates = Templates.of(List.of(TemplateSource.of("plugin", Map.of(
        "stock-depleted/customer-notice.mustache", "Sold out, back {{eta}}.",
        "customer-notice.fr.mustache", "En rupture, de retour le {{eta}}."))));
    TemplateFacts quebec = TemplateFacts.sample("stock-depleted", "customer-notice").withLocale(Locale.CANADA_FRENCH);
    assertThat(templates.render(quebec).orElseThrow().body()).startsWith("En rupture, de retour le 14 avril 2026");
    assertThat(templates.choose(quebec).orElseThrow()).isEqualTo(new Templates.Choice("plugin/customer-notice.fr.mustache",
        Locale.FRENCH));
  }

  @Test
  void untaggedOverridesAreInTheStoresLanguage() {
    Templates templates = Templates.of(List.of(
        TemplateSource.of("overrides", Map.of("customer-notice.mustache", "Zurück am {{eta}}.")).writtenIn(Locale.GERMANY),
        DefaultTemplates.source()));
    assertThat(templates.render(TemplateFacts.sample("stock-depleted", "customer-notice")
        .withLocale(Locale.GERMANY)).orElseThrow().body()).isEqualTo("Zurück am 14. April 2026.");
  }

  @Test
  void staffNoticesUseStaffTemplatesAndNeverCustomerWording() {
    Templates templates = Templates.of(List.of(DefaultTemplates.source()));
    TemplateFacts staffResolution = TemplateFacts.sample("stock-depleted", "staff-resolution");
    assertThat(staffResolution.templateName()).isEqualTo("staff-resolution");
    RenderedMessage staff = templates.render(staffResolution).orElseThrow();
    assertThat(staff.subject()).isEqualTo("Back in stock: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE)");
    assertThat(staff.body()).startsWith("Restocked: 48 on hand after a receipt. Orders waiting on it can ship now.")
        .doesNotContain("Hi ", "Hello", "your order");
    RenderedMessage customer = templates.render(TemplateFacts.sample("stock-depleted", "resolution")).orElseThrow();
    assertThat(customer.body()).startsWith("Hi Maya,").doesNotContain("48 on hand");
  }

  @Test
  void aCustomerTemplateThatNamesAStaffOnlyVariableIsRefusedWithFileAndLine() {
    assertThatThrownBy(() -> Templates.of(List.of(TemplateSource.of("ops", Map.of(
        "resolution.mustache", "Hi {{customer.first_name}},\n{{note}}",
        "staff-resolution.mustache", "{{note}} ({{reason}})")))))
        .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.problems()).containsExactly(
            "ops/resolution.mustache:2: {{note}} is for staff only and cannot appear in a template customers read"));
    assertThatThrownBy(() -> Templates.of(List.of(TemplateSource.of("ops", Map.of("staff-notice.mustache", "x")))))
        .hasMessageContaining("ops/staff-notice.mustache: not a template name");
  }

  @Test
  void withoutAnyFactTheBuiltInTemplatesLeaveNoBlanks() {
    Templates templates = Templates.of(List.of(DefaultTemplates.source()));
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String name : TemplateNames.ALL_NAMES) {
        RenderedMessage m = templates.render(TemplateFacts.sample(trigger, name).sparse()).orElseThrow();
        assertThat(m.subject() + "\n" + m.body()).as("%s/%s", trigger, name)
            .doesNotContain("Hi ,", "  ", " .", " ,", "order .", "()").doesNotContainPattern(":\\s*$");
      }
    }
  }

  @Test
  void overridesWinAndTheMostSpecificFileIsChosen() throws Exception {
    Files.createDirectories(dir.resolve("stock-depleted"));
    Files.writeString(dir.resolve("stock-depleted/customer-notice.fr.mustache"), "Bonjour {{customer.first_name}}");
    Files.writeString(dir.resolve("customer-notice.mustache"), "Subject: Hello\n\nHello {{customer.first_name}}");
    Templates templates = Templates.of(List.of(TemplateSource.folder(dir), DefaultTemplates.source()));

    assertThat(templates.render(facts("stock-depleted", "customer-notice", Locale.CANADA_FRENCH)).orElseThrow().body())
        .as("the operator's fr beats the built-in fr-CA").isEqualTo("Bonjour Maya");
    assertThat(templates.render(facts("marked-unavailable", "customer-notice", Locale.US)).orElseThrow())
        .isEqualTo(new RenderedMessage("Hello", "Hello Maya"));
    assertThat(templates.render(facts("marked-unavailable", "staff-alert", Locale.US)).orElseThrow().subject())
        .as("falls back to the built-in layer").isEqualTo("Backorder: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE)");
    assertThat(templates.sourceOf("stock-depleted", "customer-notice", Locale.FRANCE)).hasValue(
        dir + "/stock-depleted/customer-notice.fr.mustache");
  }

  @Test
  void anUnknownVariableOrBrokenTemplateIsReportedWithFileAndLine() throws Exception {
    Files.writeString(dir.resolve("staff-alert.mustache"), "Line one\nSKU {{sku}} for {{customer_name}}\n");
    Files.writeString(dir.resolve("resolution.mustache"), "{{#restocked}}back{{/cancelled}}");
    TemplateException e = catchThrowableOfType(TemplateException.class,
        () -> Templates.of(List.of(TemplateSource.folder(dir))));

    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems()).anySatisfy(p -> assertThat(p)
        .isEqualTo(dir + "/staff-alert.mustache:2: unknown variable {{customer_name}}"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(dir + "/resolution.mustache: "));
  }

  @Test
  void valuesAreNotHtmlEscaped() {
    Templates templates = Templates.of(List.of(TemplateSource.of("t", Map.of("staff-alert.mustache", "{{store_name}}"))));
    assertThat(templates.render(TemplateFacts.sample("stock-depleted", "staff-alert")).orElseThrow().body())
        .isEqualTo("Maple & Thread Crafts");
  }

  @Test
  void noTemplateAnywhereIsEmpty() {
    Templates templates = Templates.of(List.of(TemplateSource.folder(dir.resolve("absent"))));
    assertThat(templates.render(TemplateFacts.sample("stock-depleted", "staff-alert"))).isEmpty();
  }
}
