package com.backordergateway.plugins.gorgias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The wording the plugin ships: the customer's emails (sent from the Gorgias ticket) and the
 * staff's internal notes, in English, French and Spanish. Every file compiles under the
 * gateway's strict rules (no unknown variable, no staff-only one in a customer template), and
 * every trigger × template × language renders from the plugin's own files and reads right both
 * with every fact and with every optional fact missing (no name, order, date, supplier, message
 * or note; a resolution that is neither restocked nor cancelled).
 */
class GorgiasTemplatesTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final String NBSP = "\u00a0";
  private static final List<String> NAMES = List.of("customer-notice", "eta-correction", "resolution", "staff-alert",
      "staff-eta-correction", "staff-resolution");
  /** A customer locale per shipped language, and the language the file must be written in. */
  private static final Map<String, Locale> LANGUAGES = Map.of(
      "en", Locale.US, "fr", Locale.forLanguageTag("fr-FR"), "es", Locale.forLanguageTag("es-MX"));
  private static final Map<String, List<String>> GREETINGS = Map.of(
      "en", List.of("Hi Maya,", "Hello,"), "fr", List.of("Bonjour Maya,", "Bonjour,"), "es", List.of("Hola, Maya:", "Hola:"));

  private final Templates templates = Templates.of(List.of(TemplateSource.folder(TEMPLATES)));

  @Test
  void everyFileShipsInEnglishFrenchAndSpanish() {
    List<String> paths = TemplateSource.folder(TEMPLATES).paths().stream().sorted().toList();
    List<String> english = paths.stream().filter(p -> !p.matches(".*\\.(fr|es)\\.mustache")).toList();
    assertThat(english).hasSize(13);
    List<String> expected = new ArrayList<>();
    for (String file : english) {
      expected.add(file);
      expected.add(file.replace(".mustache", ".fr.mustache"));
      expected.add(file.replace(".mustache", ".es.mustache"));
    }
    assertThat(paths).containsExactlyInAnyOrderElementsOf(expected);
  }

  @TestFactory
  Stream<DynamicTest> everyTriggerTemplateAndLanguageReadsRightWithAllFactsAndWithFew() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String name : NAMES) {
        for (Map.Entry<String, Locale> language : LANGUAGES.entrySet()) {
          tests.add(dynamicTest(trigger + "/" + name + " " + language.getKey(), () -> {
            for (TemplateFacts facts : variants(trigger, name)) {
              assertReadsRight(facts.withLocale(language.getValue()), language.getKey());
            }
          }));
        }
      }
    }
    return tests.stream();
  }

  @Test
  void theStockDepletedNoticeRendersTheSampleWordForWord() {
    assertThat(render("stock-depleted", "customer-notice")).isEqualTo(new RenderedMessage(
        "Titanium White Acrylic 120 ml from your order ORD-5001 is on backorder",
        """
        Hi Maya,

        Thank you for your order ORD-5001 with Maple & Thread Crafts. We are sorry to let you know that Titanium \
        White Acrylic 120 ml sold out before we could pack it for you, so it is now on backorder.

        We expect new stock by April 14, 2026 and will ship it to you as soon as it arrives. The rest of your order \
        is not held up.

        If you would rather not wait, just reply to this email: we can cancel the item or suggest an alternative.

        Thank you for your patience,
        Maple & Thread Crafts"""));
  }

  @Test
  void withoutANameAnOrderOrADateTheNoticeStillReadsWell() {
    RenderedMessage sparse = templates.render(TemplateFacts.sample("marked-unavailable", "customer-notice").sparse())
        .orElseThrow();
    assertThat(sparse.subject()).isEqualTo("Titanium White Acrylic 120 ml from your order is unavailable for now");
    assertThat(sparse.body()).startsWith("Hello,\n\nThank you for your order with Maple & Thread Crafts. We are sorry")
        .contains("\n\nWe do not know yet when it will be available again; we will write to you as soon as we do.\n\n");
  }

  @Test
  void aResolutionThatIsNeitherRestockedNorCancelledIsANeutralUpdate() {
    RenderedMessage neither = templates.render(TemplateFacts.sample("stock-depleted", "resolution").withResolution(""))
        .orElseThrow();
    assertThat(neither.subject()).isEqualTo("An update on Titanium White Acrylic 120 ml from your order ORD-5001");
    assertThat(neither.body()).contains("\n\nTitanium White Acrylic 120 ml from your order ORD-5001 is no longer on "
        + "backorder. Back on the shelf today.\n\nIf you have any questions, just reply to this email.\n\n");
    RenderedMessage cancelled = templates.render(TemplateFacts.sample("stock-depleted", "resolution")
        .withResolution("cancelled").sparse()).orElseThrow();
    assertThat(cancelled.subject()).isEqualTo("Titanium White Acrylic 120 ml has been removed from your order");
    assertThat(cancelled.body()).contains("You will not be charged for it.\n\nIf you would like a suggestion");
  }

  @Test
  void theStaffAlertGivesAgentsTheReasonAndTheCase() {
    assertThat(render("stock-depleted", "staff-alert")).isEqualTo(new RenderedMessage(
        "Backorder: Titanium White Acrylic 120 ml sold out (order ORD-5001)",
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out before order ORD-5001 could ship and is now on "
            + "backorder. Reason: sold out after a sale.\n\nExpected back by April 14, 2026.\n\nCase case_01JSAMPLE."));
    RenderedMessage delayed = templates.render(TemplateFacts.sample("supplier-delayed", "staff-alert").sparse())
        .orElseThrow();
    assertThat(delayed.body()).startsWith("The supplier has pushed back its delivery: Titanium White Acrylic 120 ml "
        + "(ACR-TITANIUM-WHITE) is late, with no new date yet. Reason: sold out after a sale.");
  }

  @Test
  void frenchAndSpanishWriteTheDateInTheirLanguage() {
    RenderedMessage french = templates.render(TemplateFacts.sample("stock-depleted", "customer-notice")
        .withLocale(Locale.CANADA_FRENCH)).orElseThrow();
    assertThat(french.subject()).isEqualTo("Titanium White Acrylic 120 ml de votre commande ORD-5001 est en rupture de stock");
    assertThat(french.body()).startsWith("Bonjour Maya,\n\nMerci pour votre commande ORD-5001 chez Maple & Thread Crafts.")
        .contains("Nous attendons du stock d'ici le 14 avril 2026 et vous l'expédierons dès son arrivée.")
        .contains("répondez simplement à cet e-mail" + NBSP + ": nous pouvons annuler");
    RenderedMessage spanish = templates.render(TemplateFacts.sample("supplier-delayed", "eta-correction")
        .withLocale(Locale.forLanguageTag("es-MX"))).orElseThrow();
    assertThat(spanish.body()).startsWith("Hola, Maya:\n\nNuestro proveedor ha retrasado la entrega del artículo")
        .contains(" Ahora debería llegarnos antes del 14 de abril de 2026 y te lo enviaremos de inmediato.");
  }

  @TestFactory
  Stream<DynamicTest> translationsSayEverythingInTheirLanguage() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String language : List.of("fr", "es")) {
      for (String trigger : TemplateNames.TRIGGERS) {
        for (String name : NAMES) {
          tests.add(dynamicTest(trigger + "/" + name + " " + language, () -> {
            RenderedMessage message = templates.render(TemplateFacts.sample(trigger, name)
                .withLocale(LANGUAGES.get(language))).orElseThrow();
            String text = message.subject() + "\n" + message.body();
            assertThat(text).doesNotContain("Hi ", "Hello", "Thank you", "your order", "Case ", "Reason", "Expected",
                "Supplier", "Order ");
            assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("backorder");
          }));
        }
      }
    }
    return tests.stream();
  }

  // ---- Helpers ----------------------------------------------------------------------------------

  /** The sample, the sample with every optional fact missing, and for resolutions every outcome. */
  private static List<TemplateFacts> variants(String trigger, String name) {
    TemplateFacts sample = TemplateFacts.sample(trigger, name);
    List<TemplateFacts> variants = new ArrayList<>(List.of(sample, sample.sparse(), sample.withOrderName("#1001")));
    if (name.endsWith("resolution")) {
      for (String outcome : List.of("restocked", "cancelled", "")) {
        variants.add(sample.withResolution(outcome));
        variants.add(sample.withResolution(outcome).sparse());
      }
    }
    return variants;
  }

  private void assertReadsRight(TemplateFacts facts, String language) {
    String what = facts.trigger() + "/" + facts.templateName() + " " + facts.locale().toLanguageTag()
        + (facts.orderId().isEmpty() ? " (sparse)" : "") + " resolution=" + facts.resolution();
    Templates.Choice choice = templates.choose(facts).orElseThrow();
    assertThat(choice.file()).as(what).startsWith(TEMPLATES.toString());
    assertThat(choice.file()).as(what)
        .endsWith(language.equals("en") ? facts.templateName() + ".mustache" : "." + language + ".mustache");

    RenderedMessage message = templates.render(facts).orElseThrow();
    assertThat(message.subject()).as("%s subject", what).isNotBlank();
    assertThat(message.body()).as("%s body", what).isNotBlank();
    for (String text : List.of(message.subject(), message.body())) {
      assertThat(text).as(what).doesNotContain("{{", "}}", "  ", " ,", " .", "()", "( ", " )", ",.", "..", ": .",
          "\n\n\n", "Hi ,", "null", "\t");
      for (String line : text.split("\n")) {
        assertThat(line).as("%s line", what).isEqualTo(line.strip());
      }
      if (language.equals("fr")) {
        assertThat(text).as("%s: French puts a no-break space before : ; ! ?", what)
            .doesNotContain(" :", " ;", " !", " ?");
      }
    }
    if (!facts.staff()) {
      String greeting = message.body().split("\n")[0];
      assertThat(GREETINGS.get(language)).as("%s greeting", what).contains(greeting);
      assertThat(message.body()).as(what).endsWith("\nMaple & Thread Crafts");
    } else {
      assertThat(message.body()).as(what).contains("ACR-TITANIUM-WHITE").doesNotStartWith("Hi");
    }
  }

  private RenderedMessage render(String trigger, String name) {
    return templates.render(TemplateFacts.sample(trigger, name)).orElseThrow();
  }
}
