package com.backordergateway.plugins.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.TemplateVariables;
import com.backordergateway.rendering.Templates;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order-note templates the plugin ships, in English (the default), French and Spanish: each
 * renders the sample word for word on one line, the customer's locale picks the file, and every
 * file reads right when facts are missing (no date, case, SKU, supplier, outcome or message).
 *
 * <p>Facts other than the sample's are rendered with mustache.java directly, on the variables
 * {@link TemplateVariables} makes of the sample with some emptied, as the gateway renders them
 * (no HTML escaping).
 */
class ShopifyTemplatesTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final String NBSP = "\u00a0";
  private static final List<String> PURPOSES = List.of("customer-notice", "eta-correction", "resolution");

  /** The English (default) file of every customer template. */
  private static final List<String> ENGLISH = List.of(
      "stock-depleted/customer-notice.mustache", "marked-unavailable/customer-notice.mustache",
      "supplier-delayed/customer-notice.mustache", "platform-backorder/customer-notice.mustache",
      "eta-correction.mustache", "resolution.mustache");
  private static final List<String> LANGUAGES = List.of("en", "fr", "es");

  private final Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));

  // ---- English, the default --------------------------------------------------------------------

  @Test
  void shippedTemplatesCompileAndGiveOneLineWithoutSubjectForEveryCustomerPurpose() {
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String purpose : PURPOSES) {
        RenderedMessage note = templates.render(TemplateFacts.sample(trigger, purpose)).orElseThrow();
        assertThat(note.subject()).as("an order note has no subject: %s/%s", trigger, purpose).isEmpty();
        assertThat(note.body()).as("%s/%s", trigger, purpose).doesNotContain("{{", "  ", " .", "\n")
            .startsWith("Backorder").contains("(ACR-TITANIUM-WHITE)").endsWith(" Case case_01JSAMPLE.");
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "stock-depleted|customer-notice|stock-depleted/customer-notice.mustache|Backorder: Titanium White Acrylic 120 ml "
          + "(ACR-TITANIUM-WHITE) sold out before this order shipped. Restock expected April 14, 2026. Case case_01JSAMPLE.",
      "marked-unavailable|customer-notice|marked-unavailable/customer-notice.mustache|Backorder: Titanium White Acrylic "
          + "120 ml (ACR-TITANIUM-WHITE) is marked unavailable. Expected back April 14, 2026. Case case_01JSAMPLE.",
      "supplier-delayed|customer-notice|supplier-delayed/customer-notice.mustache|Backorder: Titanium White Acrylic 120 ml "
          + "(ACR-TITANIUM-WHITE) is delayed at Golden Artist Colors (PO PO-2041). Expected April 14, 2026. "
          + "Case case_01JSAMPLE.",
      "platform-backorder|customer-notice|platform-backorder/customer-notice.mustache|Backorder: Titanium White Acrylic "
          + "120 ml (ACR-TITANIUM-WHITE) was on backorder when ordered. Expected April 14, 2026. Case case_01JSAMPLE.",
      "supplier-delayed|eta-correction|eta-correction.mustache|Backorder update: Titanium White Acrylic 120 ml "
          + "(ACR-TITANIUM-WHITE) is now expected April 14, 2026. Case case_01JSAMPLE.",
      "stock-depleted|resolution|resolution.mustache|Backorder resolved: Titanium White Acrylic 120 ml "
          + "(ACR-TITANIUM-WHITE) is back in stock and can ship. Back on the shelf today. Case case_01JSAMPLE."})
  void eachShippedTemplateRendersTheSample(String trigger, String purpose, String file, String expected) {
    assertThat(templates.sourceOf(trigger, purpose, Locale.US)).hasValue(TEMPLATES + "/" + file);
    assertThat(templates.render(TemplateFacts.sample(trigger, purpose)).orElseThrow())
        .isEqualTo(new RenderedMessage("", expected));
  }

  @Test
  void withoutAnEtaOrWhenCancelledTheNoteSaysSo() {
    Map<String, Object> depleted = variables("stock-depleted", "customer-notice");
    withoutEta(depleted);
    assertThat(render("stock-depleted/customer-notice.mustache", depleted)).isEqualTo(
        "Backorder: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out before this order shipped. "
            + "No restock date yet. Case case_01JSAMPLE.");
    Map<String, Object> correction = variables("marked-unavailable", "eta-correction");
    withoutEta(correction);
    assertThat(render("eta-correction.mustache", correction)).isEqualTo(
        "Backorder update: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) has no new date yet. Case case_01JSAMPLE.");
    Map<String, Object> cancelled = variables("platform-backorder", "resolution");
    resolved(cancelled, "cancelled");
    withoutMessage(cancelled);
    assertThat(render("resolution.mustache", cancelled)).isEqualTo(
        "Backorder resolved: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) will not be restocked and was taken off "
            + "the order. Case case_01JSAMPLE.");
  }

  // ---- Mustache, as the templates rely on it ----------------------------------------------------

  @Test
  void mustacheTreatsAnEmptyStringAsFalseInASection() {
    String template = "Backorder: {{product}}{{#sku}} ({{sku}}){{/sku}}.{{#case_id}} Case {{case_id}}.{{/case_id}}"
        + "{{^case_id}} No case.{{/case_id}}";
    assertThat(renderText(template, Map.of("product", "Titanium White", "sku", "", "case_id", "")))
        .isEqualTo("Backorder: Titanium White. No case.");
    assertThat(renderText(template, Map.of("product", "Titanium White", "sku", "ACR-TW", "case_id", "case_1")))
        .isEqualTo("Backorder: Titanium White (ACR-TW). Case case_1.");
  }

  // ---- Locales ----------------------------------------------------------------------------------

  @Test
  void everyCustomerTemplateShipsInFrenchAndSpanishAndNoStaffTemplateIsShipped() {
    List<String> expected = new ArrayList<>();
    for (String english : ENGLISH) {
      expected.add(english);
      expected.add(localized(english, "fr"));
      expected.add(localized(english, "es"));
    }
    assertThat(TemplateSource.folder(TEMPLATES).paths()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @CsvSource({"fr-CA, fr", "fr-FR, fr", "fr, fr", "es-MX, es", "es-ES, es", "es, es", "en-US, en", "de-DE, en"})
  void theCustomersLocalePicksTheLanguage(String tag, String language) {
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String purpose : PURPOSES) {
        assertThat(templates.sourceOf(trigger, purpose, Locale.forLanguageTag(tag))).as("%s %s/%s", tag, trigger, purpose)
            .hasValue(TEMPLATES + "/" + localized(englishFile(trigger, purpose), language));
      }
    }
  }

  @Test
  void frenchRendersTheSampleWithTheDateInTheCustomersLocale() {
    Map<String, Object> v = variables("stock-depleted", "customer-notice");
    v.put("eta", etaIn(Locale.CANADA_FRENCH));
    assertThat(render("stock-depleted/customer-notice.fr.mustache", v)).isEqualTo(
        "Rupture de stock" + NBSP + ": l'article Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) s'est épuisé avant "
            + "l'expédition de cette commande. Réassort prévu le 14 avril 2026. Dossier case_01JSAMPLE.");
    Map<String, Object> supplier = variables("supplier-delayed", "customer-notice");
    supplier.put("eta", etaIn(Locale.FRANCE));
    assertThat(render("supplier-delayed/customer-notice.fr.mustache", supplier)).isEqualTo(
        "Rupture de stock" + NBSP + ": l'article Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) est retardé chez "
            + "Golden Artist Colors (bon de commande PO-2041). Arrivée prévue le 14 avril 2026. Dossier case_01JSAMPLE.");
  }

  @Test
  void spanishRendersTheSampleWithTheDateInTheCustomersLocale() {
    Map<String, Object> v = variables("stock-depleted", "eta-correction");
    v.put("eta", etaIn(Locale.forLanguageTag("es-MX")));
    assertThat(render("eta-correction.es.mustache", v)).isEqualTo(
        "Falta de stock, actualización: el artículo Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) se espera ahora "
            + "para el 14 de abril de 2026. Caso case_01JSAMPLE.");
    Map<String, Object> resolved = variables("stock-depleted", "resolution");
    assertThat(render("resolution.es.mustache", resolved)).isEqualTo(
        "Falta de stock resuelta: el artículo Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) vuelve a estar en stock "
            + "y puede enviarse. Back on the shelf today. Caso case_01JSAMPLE.");
  }

  @TestFactory
  Stream<DynamicTest> translationsSayEverythingInTheirLanguage() {
    return ENGLISH.stream().flatMap(english -> Stream.of("fr", "es").map(language -> localized(english, language)))
        .map(file -> dynamicTest(file, () -> {
          Map<String, Object> v = variables(triggerOf(file), purposeOf(file));
          withoutMessage(v);
          String text = render(file, v);
          assertThat(text).doesNotContain("Backorder", "Case ", "Expected", "order", "supplier", " :", " ;", "\u2019");
        }));
  }

  // ---- Any fact missing -------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> everyFileReadsRightWithEveryFactMissing() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String english : ENGLISH) {
      for (String language : LANGUAGES) {
        String file = localized(english, language);
        List<String> outcomes = purposeOf(file).equals("resolution") ? List.of("", "restocked", "cancelled") : List.of("");
        for (String outcome : outcomes) {
          tests.add(dynamicTest(file + (outcome.isEmpty() ? "" : " " + outcome), () -> {
            Map<String, Object> v = variables(triggerOf(file), purposeOf(file));
            v.put("sku", "");
            v.put("case_id", "");
            v.put("order_id", "");
            v.put("store_name", "");
            v.put("customer", Map.of("name", "", "first_name", "", "email", "", "phone", ""));
            v.put("supplier", "");
            v.put("po_number", "");
            withoutEta(v);
            resolved(v, outcome);
            withoutMessage(v);
            String text = render(file, v);
            assertThat(text).contains("Titanium White Acrylic 120 ml").endsWith(".")
                .doesNotContain("{{", "  ", " ,", " .", " :", " ;", "()", "( ", " )", "\n", "ACR-TITANIUM-WHITE",
                    "case_01JSAMPLE", "Golden", "PO-2041");
          }));
        }
      }
    }
    return tests.stream();
  }

  @Test
  void noCustomerTemplateNamesTheStaffOnlyReason() throws IOException {
    for (String file : TemplateSource.folder(TEMPLATES).paths()) {
      assertThat(read(file)).as(file).doesNotContainPattern("\\{\\{[#^/&{]?\\s*reason\\b");
    }
  }

  // ---- Helpers ------------------------------------------------------------------------------------

  /** The variables of the sample, in a map the test may change. */
  private static Map<String, Object> variables(String trigger, String purpose) {
    return new HashMap<>(TemplateVariables.of(TemplateFacts.sample(trigger, purpose)));
  }

  private static void withoutEta(Map<String, Object> v) {
    v.put("has_eta", false);
    v.put("eta", "");
    v.put("eta_iso", "");
  }

  private static void resolved(Map<String, Object> v, String outcome) {
    v.put("resolution", outcome);
    v.put("restocked", outcome.equals("restocked"));
    v.put("cancelled", outcome.equals("cancelled"));
  }

  private static void withoutMessage(Map<String, Object> v) {
    v.put("message", "");
    v.put("has_message", false);
  }

  /** The sample's date as the gateway writes it for a customer in {@code locale}. */
  private static String etaIn(Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
        .format(Instant.parse("2026-04-14T16:00:00Z").atZone(ZoneId.of("America/Chicago")));
  }

  /** The file used for a trigger and purpose in English: the trigger's own, else the shared one. */
  private static String englishFile(String trigger, String purpose) {
    String own = trigger + "/" + purpose + ".mustache";
    return ENGLISH.contains(own) ? own : purpose + ".mustache";
  }

  private static String localized(String englishFile, String language) {
    return language.equals("en") ? englishFile : englishFile.replace(".mustache", "." + language + ".mustache");
  }

  private static String triggerOf(String file) {
    return file.contains("/") ? file.substring(0, file.indexOf('/')) : "stock-depleted";
  }

  private static String purposeOf(String file) {
    String name = file.substring(file.indexOf('/') + 1);
    return name.substring(0, name.indexOf('.'));
  }

  /** The rendered file, without the final newline (as the gateway's RenderedMessage strips it). */
  private static String render(String file, Map<String, Object> variables) {
    try {
      return renderText(read(file), variables).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String file) throws IOException {
    return Files.readString(TEMPLATES.resolve(file), StandardCharsets.UTF_8);
  }

  private static String renderText(String template, Map<String, ?> variables) {
    Mustache mustache = new DefaultMustacheFactory() {
      @Override
      public void encode(String value, Writer writer) {
        try {
          writer.write(value);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }.compile(new StringReader(template), "test");
    StringWriter out = new StringWriter();
    mustache.execute(out, variables);
    return out.toString();
  }
}
