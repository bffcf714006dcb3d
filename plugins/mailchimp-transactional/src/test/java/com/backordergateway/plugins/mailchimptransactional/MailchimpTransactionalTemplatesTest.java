package com.backordergateway.plugins.mailchimptransactional;

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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The email templates the plugin ships, in English (the default), French and Spanish: each renders
 * the sample word for word, the customer's locale picks the file, and every file reads right when
 * facts are missing (no name, order, date, store name or outcome).
 *
 * <p>Facts other than the sample's are rendered with mustache.java directly, on the variables
 * {@link TemplateVariables} makes of the sample with some emptied, as the gateway renders them
 * (no HTML escaping).
 */
class MailchimpTransactionalTemplatesTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final String NBSP = "\u00a0";

  /** The English (default) file of every customer template. */
  private static final List<String> ENGLISH = List.of(
      "stock-depleted/customer-notice.mustache", "marked-unavailable/customer-notice.mustache",
      "supplier-delayed/customer-notice.mustache", "platform-backorder/customer-notice.mustache",
      "eta-correction.mustache", "supplier-delayed/eta-correction.mustache",
      "resolution.mustache", "supplier-delayed/resolution.mustache");
  private static final List<String> LANGUAGES = List.of("en", "fr", "es");
  private static final Map<String, String> GREETING_WITHOUT_NAME = Map.of("en", "Hello,", "fr", "Bonjour,", "es", "Hola:");

  private final Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));

  // ---- English, the default --------------------------------------------------------------------

  @Test
  void shippedTemplatesCompileAndGiveASubjectAndBodyForEveryCustomerPurpose() {
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String purpose : List.of("customer-notice", "eta-correction", "resolution")) {
        RenderedMessage email = templates.render(TemplateFacts.sample(trigger, purpose)).orElseThrow();
        assertThat(email.subject()).as("%s/%s", trigger, purpose).isNotBlank().contains("Titanium White Acrylic 120 ml");
        assertThat(email.body()).as("%s/%s", trigger, purpose).doesNotContain("{{", "  ")
            .startsWith("Hi Maya,").contains("ORD-5001").endsWith("\nMaple & Thread Crafts");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "stock-depleted/customer-notice", "marked-unavailable/customer-notice", "supplier-delayed/customer-notice",
      "platform-backorder/customer-notice", "stock-depleted/eta-correction", "supplier-delayed/eta-correction",
      "stock-depleted/resolution", "supplier-delayed/resolution"})
  void eachShippedTemplateRendersTheSample(String triggerAndPurpose) {
    String trigger = triggerAndPurpose.split("/")[0];
    String purpose = triggerAndPurpose.split("/")[1];
    assertThat(templates.sourceOf(trigger, purpose, Locale.US)).hasValue(TEMPLATES + "/" + englishFile(trigger, purpose));
    assertThat(templates.render(TemplateFacts.sample(trigger, purpose)).orElseThrow())
        .isEqualTo(ShippedEmails.expected(triggerAndPurpose));
  }

  @Test
  void withoutANameOrADateTheEmailStillReadsWell() {
    Map<String, Object> delayed = variables("supplier-delayed", "customer-notice");
    delayed.put("customer", customer(""));
    withoutEta(delayed);
    assertThat(render("supplier-delayed/customer-notice.mustache", delayed)).contains("\n\nHello,\n\n")
        .contains("Our supplier has not given us a new date yet; we will email you as soon as they do. The rest of "
            + "your order is not held up.");

    Map<String, Object> cancelled = variables("supplier-delayed", "resolution");
    cancelled.put("customer", customer(""));
    resolved(cancelled, "cancelled");
    cancelled.put("has_message", false);
    assertThat(render("supplier-delayed/resolution.mustache", cancelled))
        .startsWith("Subject: Titanium White Acrylic 120 ml has been removed from your order ORD-5001\n")
        .contains("We are sorry: our supplier cannot deliver Titanium White Acrylic 120 ml after all, so we have "
            + "removed it from your order ORD-5001. You will not be charged for it.");
  }

  @Test
  void withoutAnOrderNumberOrStoreNameNoSentenceIsLeftHanging() {
    Map<String, Object> v = variables("stock-depleted", "customer-notice");
    v.put("order_id", "");
    v.put("store_name", "");
    assertThat(render("stock-depleted/customer-notice.mustache", v))
        .startsWith("Subject: Titanium White Acrylic 120 ml from your order is on backorder\n")
        .contains("\n\nThank you for your order. We are sorry to tell you that");
  }

  // ---- Mustache, as the templates rely on it ----------------------------------------------------

  @Test
  void mustacheTreatsAnEmptyStringAsFalseInASection() {
    String template = "{{#customer.first_name}}Hi {{customer.first_name}},{{/customer.first_name}}"
        + "{{^customer.first_name}}Hello,{{/customer.first_name}} order{{#order_id}} {{order_id}}{{/order_id}}.";
    assertThat(renderText(template, Map.of("customer", customer(""), "order_id", ""))).isEqualTo("Hello, order.");
    assertThat(renderText(template, Map.of("customer", customer("Maya Okafor"), "order_id", "ORD-5001")))
        .isEqualTo("Hi Maya, order ORD-5001.");
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
      for (String purpose : List.of("customer-notice", "eta-correction", "resolution")) {
        assertThat(templates.sourceOf(trigger, purpose, Locale.forLanguageTag(tag))).as("%s %s/%s", tag, trigger, purpose)
            .hasValue(TEMPLATES + "/" + localized(englishFile(trigger, purpose), language));
      }
    }
  }

  @Test
  void frenchRendersTheSampleWithTheDateInTheCustomersLocale() {
    Map<String, Object> v = variables("stock-depleted", "customer-notice");
    v.put("eta", etaIn(Locale.CANADA_FRENCH));
    assertThat(render("stock-depleted/customer-notice.fr.mustache", v).strip()).isEqualTo(
        "Subject: Titanium White Acrylic 120 ml de votre commande ORD-5001 est en rupture de stock\n\n"
            + "Bonjour Maya,\n\n"
            + "Merci pour votre commande ORD-5001 chez Maple & Thread Crafts. Nous sommes désolés" + NBSP + ": le stock "
            + "de l'article Titanium White Acrylic 120 ml s'est épuisé avant que nous ayons pu préparer votre colis" + NBSP
            + "; l'article est donc en cours de réapprovisionnement.\n\n"
            + "Nous attendons du stock d'ici le 14 avril 2026 et vous expédierons l'article dès son arrivée. Le reste de "
            + "votre commande n'est pas retardé pour autant.\n\n"
            + "Si vous préférez ne pas attendre, répondez simplement à cet e-mail" + NBSP + ": nous annulerons cet "
            + "article ou vous proposerons un article de remplacement.\n\n"
            + "Merci de votre patience,\nMaple & Thread Crafts");
  }

  @Test
  void spanishRendersTheSampleWithTheDateInTheCustomersLocale() {
    Map<String, Object> v = variables("supplier-delayed", "resolution");
    v.put("eta", etaIn(Locale.forLanguageTag("es-MX")));
    assertThat(render("supplier-delayed/resolution.es.mustache", v).strip()).isEqualTo(
        "Subject: Tu artículo Titanium White Acrylic 120 ml ya ha llegado (pedido ORD-5001)\n\n"
            + "Hola, Maya:\n\n"
            + "¡Buenas noticias! El artículo Titanium White Acrylic 120 ml de tu pedido ORD-5001 ya ha llegado de "
            + "nuestro proveedor y te lo enviaremos en breve. Back on the shelf today.\n\n"
            + "Gracias por tu paciencia,\nMaple & Thread Crafts");
    Map<String, Object> delayed = variables("supplier-delayed", "eta-correction");
    delayed.put("eta", etaIn(Locale.forLanguageTag("es-MX")));
    assertThat(render("supplier-delayed/eta-correction.es.mustache", delayed))
        .contains(" Ahora debería llegarnos antes del 14 de abril de 2026 y te lo enviaremos de inmediato.");
  }

  @TestFactory
  Stream<DynamicTest> translationsSayEverythingInTheirLanguage() {
    return ENGLISH.stream().flatMap(english -> Stream.of("fr", "es").map(language -> localized(english, language)))
        .map(file -> dynamicTest(file, () -> {
          String text = render(file, variables(triggerOf(file), purposeOf(file)));
          assertThat(text).doesNotContain("Hi ", "Hello", "Thank you", "your order", "order ORD", " :", " ;", " !", " ?");
          assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("backorder");
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
            v.put("customer", customer(""));
            v.put("order_id", "");
            v.put("store_name", "");
            v.put("case_id", "");
            v.put("supplier", "");
            v.put("po_number", "");
            withoutEta(v);
            resolved(v, outcome);
            v.put("message", "");
            v.put("has_message", false);
            String text = render(file, v).strip();
            String[] lines = text.split("\n", -1);
            assertThat(lines[0]).startsWith("Subject: ").doesNotEndWith(" ").hasSizeGreaterThan("Subject: ".length() + 10);
            assertThat(lines[2]).isEqualTo(GREETING_WITHOUT_NAME.get(language));
            assertThat(text).contains("Titanium White Acrylic 120 ml")
                .doesNotContain("{{", "  ", " ,", " .", " :", " ;", "()", "( ", " )", " \n", "ORD-5001", "Maya");
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

  private static Map<String, String> customer(String name) {
    String first = name.isBlank() ? "" : name.strip().split("\\s+")[0];
    return Map.of("name", name, "first_name", first, "email", "", "phone", "");
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

  private static String render(String file, Map<String, Object> variables) {
    try {
      return renderText(read(file), variables);
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
