package com.backordergateway.plugins.woocommerce;

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
 * The customer-note templates the plugin ships, in English (the default), French and Spanish: the
 * text WooCommerce emails to the customer under its own subject and greeting. Each renders the
 * sample word for word, the customer's locale picks the file, and every file reads right when
 * facts are missing (no order number, store name, date, supplier, outcome or message).
 *
 * <p>Facts other than the sample's are rendered with mustache.java directly, on the variables
 * {@link TemplateVariables} makes of the sample with some emptied, as the gateway renders them
 * (no HTML escaping).
 */
class WooCommerceTemplatesTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final String NBSP = "\u00a0";
  private static final List<String> PURPOSES = List.of("customer-notice", "eta-correction", "resolution");

  /** The English (default) file of every customer template. */
  private static final List<String> ENGLISH = List.of(
      "stock-depleted/customer-notice.mustache", "marked-unavailable/customer-notice.mustache",
      "supplier-delayed/customer-notice.mustache", "platform-backorder/customer-notice.mustache",
      "eta-correction.mustache", "supplier-delayed/eta-correction.mustache",
      "resolution.mustache", "supplier-delayed/resolution.mustache");
  private static final List<String> LANGUAGES = List.of("en", "fr", "es");
  private static final Map<String, String> IF_YOU_WOULD_RATHER_NOT_WAIT = Map.of(
      "en", "If you'd rather not wait, contact us", "fr", "Si vous préférez ne pas attendre, contactez-nous",
      "es", "Si prefieres no esperar, ponte en contacto con nosotros");

  private final Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));

  // ---- English, the default --------------------------------------------------------------------

  @Test
  void shippedTemplatesCompileAndGiveABodyWithoutSubjectForEveryCustomerPurpose() {
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String purpose : PURPOSES) {
        RenderedMessage note = templates.render(TemplateFacts.sample(trigger, purpose)).orElseThrow();
        assertThat(note.subject()).as("WooCommerce's email has its own subject: %s/%s", trigger, purpose).isEmpty();
        assertThat(note.body()).as("%s/%s", trigger, purpose).doesNotContain("{{", "  ")
            .contains("Titanium White Acrylic 120 ml", "ORD-5001").endsWith("\n\nMaple & Thread Crafts");
        if (!purpose.equals("resolution")) {
          assertThat(note.body()).as("%s/%s says what the customer can do", trigger, purpose)
              .contains(IF_YOU_WOULD_RATHER_NOT_WAIT.get("en"));
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "stock-depleted|customer-notice|stock-depleted/customer-notice.mustache|We're sorry: Titanium White Acrylic 120 ml "
          + "sold out before we could pack it for your order ORD-5001, so it is now on backorder and we have put your order "
          + "on hold while we wait for it.",
      "marked-unavailable|customer-notice|marked-unavailable/customer-notice.mustache|We're sorry: Titanium White "
          + "Acrylic 120 ml on your order ORD-5001 is unavailable right now, so we can't ship it yet and have put your "
          + "order on hold.",
      "supplier-delayed|customer-notice|supplier-delayed/customer-notice.mustache|We're sorry: Titanium White Acrylic "
          + "120 ml on your order ORD-5001 is delayed at our supplier, so we have put your order on hold until it reaches us.",
      "platform-backorder|customer-notice|platform-backorder/customer-notice.mustache|Thank you for your order ORD-5001. "
          + "Titanium White Acrylic 120 ml was on backorder when you ordered it, so we have put your order on hold until "
          + "it arrives.",
      "stock-depleted|eta-correction|eta-correction.mustache|We're sorry: Titanium White Acrylic 120 ml on your order "
          + "ORD-5001 is taking longer than we said.",
      "supplier-delayed|eta-correction|supplier-delayed/eta-correction.mustache|We're sorry: our supplier has pushed "
          + "back Titanium White Acrylic 120 ml on your order ORD-5001.",
      "marked-unavailable|resolution|resolution.mustache|Good news: Titanium White Acrylic 120 ml is back in stock, and "
          + "your order ORD-5001 will be on its way shortly. Back on the shelf today.",
      "supplier-delayed|resolution|supplier-delayed/resolution.mustache|Good news: Titanium White Acrylic 120 ml has "
          + "arrived from our supplier, and your order ORD-5001 will be on its way shortly. Back on the shelf today."})
  void eachShippedTemplateRendersTheSample(String trigger, String purpose, String file, String firstParagraph) {
    assertThat(templates.sourceOf(trigger, purpose, Locale.US)).hasValue(TEMPLATES + "/" + file);
    assertThat(templates.render(TemplateFacts.sample(trigger, purpose)).orElseThrow().body())
        .startsWith(firstParagraph + "\n\n");
  }

  @Test
  void aWholeNoticeReadsAsTheCustomerGetsIt() {
    assertThat(templates.render(TemplateFacts.sample("stock-depleted", "customer-notice")).orElseThrow())
        .isEqualTo(new RenderedMessage("", """
            We're sorry: Titanium White Acrylic 120 ml sold out before we could pack it for your order ORD-5001, so it \
            is now on backorder and we have put your order on hold while we wait for it.

            We expect new stock by April 14, 2026 and will ship your order as soon as it arrives.

            If you'd rather not wait, contact us and we'll ship the rest of your order now and refund Titanium White \
            Acrylic 120 ml, or suggest an alternative.

            Maple & Thread Crafts"""));
    Map<String, Object> delayed = variables("supplier-delayed", "customer-notice");
    withoutEta(delayed);
    assertThat(render("supplier-delayed/customer-notice.mustache", delayed)).contains(
        "Our supplier hasn't given us a new date yet; we'll add a note to your order as soon as they do.");
    Map<String, Object> cancelled = variables("stock-depleted", "resolution");
    resolved(cancelled, "cancelled");
    withoutMessage(cancelled);
    assertThat(render("resolution.mustache", cancelled)).isEqualTo("""
        We're sorry: Titanium White Acrylic 120 ml won't be coming back, so we have taken it off your order ORD-5001 \
        and will refund anything you paid for it. The rest of your order will be on its way shortly.

        Thank you for your patience.

        Maple & Thread Crafts""");
  }

  @Test
  void withoutAnOrderNumberOrOutcomeNoSentenceIsLeftHanging() {
    Map<String, Object> notice = variables("platform-backorder", "customer-notice");
    notice.put("order_id", "");
    assertThat(render("platform-backorder/customer-notice.mustache", notice)).startsWith("Thank you for your order. "
        + "Titanium White Acrylic 120 ml was on backorder when you ordered it");
    Map<String, Object> unknown = variables("stock-depleted", "resolution");
    resolved(unknown, "");
    assertThat(render("resolution.mustache", unknown)).startsWith("We have news about Titanium White Acrylic 120 ml on "
        + "your order ORD-5001: it is no longer on backorder. If you have any questions, contact us. Back on the shelf "
        + "today.\n\n");
  }

  // ---- Mustache, as the templates rely on it ----------------------------------------------------

  @Test
  void mustacheTreatsAnEmptyStringAsFalseInASection() {
    String template = "Thank you for your order{{#order_id}} {{order_id}}{{/order_id}}."
        + "{{#store_name}} {{store_name}}{{/store_name}}{{^store_name}} (no store){{/store_name}}";
    assertThat(renderText(template, Map.of("order_id", "", "store_name", ""))).isEqualTo("Thank you for your order. (no store)");
    assertThat(renderText(template, Map.of("order_id", "4127", "store_name", "Maple")))
        .isEqualTo("Thank you for your order 4127. Maple");
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
        "Nous sommes désolés" + NBSP + ": l'article Titanium White Acrylic 120 ml s'est épuisé avant que nous ayons pu "
            + "préparer votre commande ORD-5001" + NBSP + "; il est donc en cours de réapprovisionnement et nous avons mis "
            + "votre commande en attente le temps de le recevoir.\n\n"
            + "Nous attendons du stock d'ici le 14 avril 2026 et expédierons votre commande dès son arrivée.\n\n"
            + "Si vous préférez ne pas attendre, contactez-nous" + NBSP + ": nous vous enverrons dès maintenant le reste "
            + "de votre commande et vous rembourserons l'article Titanium White Acrylic 120 ml, ou nous vous proposerons "
            + "un article de remplacement.\n\n"
            + "Maple & Thread Crafts");
  }

  @Test
  void spanishRendersTheSampleWithTheDateInTheCustomersLocale() {
    Map<String, Object> v = variables("supplier-delayed", "eta-correction");
    v.put("eta", etaIn(Locale.forLanguageTag("es-MX")));
    assertThat(render("supplier-delayed/eta-correction.es.mustache", v)).isEqualTo(
        "Lo sentimos: nuestro proveedor ha retrasado la entrega del artículo Titanium White Acrylic 120 ml de tu pedido "
            + "ORD-5001.\n\n"
            + "Ahora debería llegarnos para el 14 de abril de 2026; tu pedido seguirá en espera hasta entonces y saldrá en "
            + "cuanto llegue el artículo.\n\n"
            + "Si prefieres no esperar, ponte en contacto con nosotros: te enviaremos ya el resto del pedido y te "
            + "reembolsaremos el artículo Titanium White Acrylic 120 ml, o te propondremos una alternativa.\n\n"
            + "Maple & Thread Crafts");
    Map<String, Object> resolved = variables("stock-depleted", "resolution");
    assertThat(render("resolution.es.mustache", resolved)).startsWith("¡Buenas noticias! El artículo Titanium White "
        + "Acrylic 120 ml vuelve a estar disponible y tu pedido ORD-5001 saldrá en breve. Back on the shelf today.\n\n");
  }

  @TestFactory
  Stream<DynamicTest> translationsSayEverythingInTheirLanguageAndOfferTheSameChoice() {
    return ENGLISH.stream().flatMap(english -> Stream.of("fr", "es").map(language -> localized(english, language)))
        .map(file -> dynamicTest(file, () -> {
          Map<String, Object> v = variables(triggerOf(file), purposeOf(file));
          withoutMessage(v);
          String text = render(file, v);
          assertThat(text).doesNotContain("We're", "your order", "Thank you", "backorder", "supplier", " :", " ;", " !",
              " ?", "\u2019");
          if (!purposeOf(file).equals("resolution")) {
            assertThat(text).contains(IF_YOU_WOULD_RATHER_NOT_WAIT.get(languageOf(file)));
          }
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
            v.put("customer", Map.of("name", "", "first_name", "", "email", "", "phone", ""));
            v.put("order_id", "");
            v.put("store_name", "");
            v.put("case_id", "");
            v.put("supplier", "");
            v.put("po_number", "");
            withoutEta(v);
            resolved(v, outcome);
            withoutMessage(v);
            String text = render(file, v);
            assertThat(text).contains("Titanium White Acrylic 120 ml").endsWith(".")
                .doesNotContain("{{", "  ", " ,", " .", " :", " ;", "()", " \n", "\n\n\n", "ORD-5001");
            assertThat(text.split("\n\n")).allSatisfy(paragraph -> assertThat(paragraph).isNotBlank().doesNotStartWith(" "));
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

  private static String languageOf(String file) {
    String[] parts = file.split("\\.");
    return parts.length == 3 ? parts[1] : "en";
  }

  private static String triggerOf(String file) {
    return file.contains("/") ? file.substring(0, file.indexOf('/')) : "stock-depleted";
  }

  private static String purposeOf(String file) {
    String name = file.substring(file.indexOf('/') + 1);
    return name.substring(0, name.indexOf('.'));
  }

  /** The rendered file, stripped as the gateway's RenderedMessage strips it. */
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
