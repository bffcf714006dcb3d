package com.backordergateway.plugins.freshdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The wording the plugin ships: a customer template and a staff template for every trigger and
 * purpose, each in English (the default), French and Spanish. Every one compiles under the
 * gateway's strict rules (so no customer template names a staff-only variable), is the file
 * chosen for a recipient in its language, and reads right with the sample facts, with every
 * optional fact missing ({@link TemplateFacts#sparse()}) and with nothing but the item known,
 * for every resolution outcome: no tag left, no blank placeholder ("Hi ,", double spaces, " .",
 * empty parentheses, a dangling colon), the product named, dates in the template's language.
 */
class FreshdeskTemplatesTest {

  private static final Path FOLDER = Path.of("src/main/resources/templates");
  private static final TemplateSource SHIPPED = TemplateSource.folder(FOLDER);
  private static final Templates TEMPLATES = Templates.of(List.of(SHIPPED));
  private static final List<String> LANGUAGES = List.of("en", "fr", "es");
  private static final List<String> NAMES = List.of("customer-notice", "eta-correction", "resolution", "staff-alert",
      "staff-eta-correction", "staff-resolution");
  private static final Map<String, String> DATES = Map.of("en", "April 14, 2026", "fr", "14 avril 2026",
      "es", "14 de abril de 2026");

  /** Text that is never right in a rendered message. */
  private static final List<String> FLAWS = List.of("{{", "}}", "  ", " ,", " .", "()", "( ", " )", ": .", ":.", " \n",
      "\n\n\n", "null");

  @Test
  void shipsEveryTemplateInEnglishFrenchAndSpanish() {
    List<String> english = List.of(
        "stock-depleted/customer-notice", "marked-unavailable/customer-notice", "supplier-delayed/customer-notice",
        "platform-backorder/customer-notice", "eta-correction", "supplier-delayed/eta-correction", "resolution",
        "supplier-delayed/resolution", "stock-depleted/staff-alert", "marked-unavailable/staff-alert",
        "supplier-delayed/staff-alert", "platform-backorder/staff-alert", "staff-eta-correction", "staff-resolution");
    List<String> expected = new ArrayList<>();
    for (String name : english) {
      expected.add(name + ".mustache");
      expected.add(name + ".fr.mustache");
      expected.add(name + ".es.mustache");
    }
    assertThat(SHIPPED.paths()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @TestFactory
  Stream<DynamicTest> everyTriggerAndPurposeReadsRightInEveryLanguageWithAnyFactMissing() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String name : NAMES) {
        for (String language : LANGUAGES) {
          for (String outcome : name.endsWith("resolution") ? List.of("", "restocked", "cancelled") : List.of("")) {
            String label = trigger + "/" + name + " " + language + (outcome.isEmpty() ? "" : " " + outcome);
            tests.add(dynamicTest(label, () -> {
              TemplateFacts sample = TemplateFacts.sample(trigger, name).withLocale(Locale.forLanguageTag(language));
              TemplateFacts full = outcome.isEmpty() ? sample : sample.withResolution(outcome);
              RenderedMessage rendered = checkReadsRight(label, full);
              checkReadsRight(label + " (sparse)", sample.sparse().withResolution(outcome));
              checkReadsRight(label + " (bare)", bare(sample.withResolution(outcome)));
              if (full.eta() != null && !(name.endsWith("resolution"))) {
                assertThat(rendered.subject() + "\n" + rendered.body()).as("%s date", label).contains(DATES.get(language));
              }
              if (!language.equals("en")) {
                assertThat(rendered.subject() + "\n" + rendered.body()).as("English left in %s", label)
                    .doesNotContain("Hi ", "Hello", "Thank you", "your order", "April", "Order ");
              }
            }));
          }
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> theRecipientsLanguagePicksTheFile() {
    return NAMES.stream().flatMap(name -> TemplateNames.TRIGGERS.stream().map(trigger -> dynamicTest(trigger + "/" + name,
        () -> {
          for (String tag : List.of("fr", "fr-CA", "fr-FR")) {
            assertThat(TEMPLATES.sourceOf(trigger, name, Locale.forLanguageTag(tag))).as(tag).hasValueSatisfying(
                file -> assertThat(file).endsWith(".fr.mustache"));
          }
          for (String tag : List.of("es", "es-MX", "es-ES")) {
            assertThat(TEMPLATES.sourceOf(trigger, name, Locale.forLanguageTag(tag))).as(tag).hasValueSatisfying(
                file -> assertThat(file).endsWith(".es.mustache"));
          }
          for (String tag : List.of("en-US", "de-DE", "und")) {
            assertThat(TEMPLATES.sourceOf(trigger, name, Locale.forLanguageTag(tag))).as(tag).hasValueSatisfying(
                file -> assertThat(file).doesNotContain(".fr.", ".es."));
          }
        })));
  }

  @Test
  void frenchUsesNoBreakSpacesBeforeDoublePunctuation() throws IOException {
    for (String file : SHIPPED.paths()) {
      if (file.contains(".fr.")) {
        assertThat(Files.readString(FOLDER.resolve(file), StandardCharsets.UTF_8)).as(file)
            .doesNotContain(" :", " ;", " !", " ?");
      }
    }
  }

  @Test
  void noCustomerTemplateNamesAStaffOnlyFact() throws IOException {
    for (String file : SHIPPED.paths()) {
      if (!file.contains("staff-")) {
        assertThat(Files.readString(FOLDER.resolve(file), StandardCharsets.UTF_8)).as(file)
            .doesNotContainPattern("\\{\\{[#^/&{]?\\s*(reason|note|has_note)\\b");
      }
    }
  }

  // ---- Word for word ----------------------------------------------------------------------------

  @Test
  void theCustomersTicketReadsLikeALetterFromTheStore() {
    assertThat(render("stock-depleted", "customer-notice", "en")).isEqualTo(new RenderedMessage(
        "Titanium White Acrylic 120 ml from your order ORD-5001 is on backorder",
        "Hi Maya,\n\n"
            + "Thank you for your order ORD-5001 with Maple & Thread Crafts. We are sorry to tell you that Titanium White "
            + "Acrylic 120 ml sold out before we could pack it for you, so it is now on backorder.\n\n"
            + "We expect new stock by April 14, 2026 and will ship it to you as soon as it arrives. The rest of your "
            + "order is not held up.\n\n"
            + "If you would rather not wait, reply to this message and we will cancel that item or suggest an "
            + "alternative.\n\n"
            + "Thank you for your patience,\nMaple & Thread Crafts"));
  }

  @Test
  void withoutANameOrderDateOrStoreTheCustomersTicketStillReadsWell() {
    RenderedMessage bare = TEMPLATES.render(bare(TemplateFacts.sample("marked-unavailable", "customer-notice")))
        .orElseThrow();
    assertThat(bare.subject()).isEqualTo("Titanium White Acrylic 120 ml from your order is unavailable for now");
    assertThat(bare.body()).startsWith("Hello,\n\nThank you for your order. We are sorry to tell you that")
        .contains("We do not know yet when it will be available again; we will write to you as soon as we do. The rest "
            + "of your order is not held up.")
        .endsWith("\n\nThank you for your patience.");
  }

  @Test
  void theStaffTicketSaysWhatHappenedWhyAndWhatComesNext() {
    assertThat(render("supplier-delayed", "staff-alert", "en")).isEqualTo(new RenderedMessage(
        "Supplier delay: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE)",
        "Golden Artist Colors has pushed back purchase order PO-2041: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) "
            + "is now expected April 14, 2026. Order ORD-5001 is waiting for it. Reason: sold out after a sale.\n\n"
            + "Orders waiting on it will ship late.\n\n"
            + "New dates and the resolution will be added to this ticket as private notes (gateway case "
            + "case_01JSAMPLE)."));
    assertThat(TEMPLATES.render(bare(TemplateFacts.sample("supplier-delayed", "staff-alert"))).orElseThrow().body())
        .isEqualTo("Our supplier has pushed back its delivery: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) has "
            + "no confirmed date yet.\n\nOrders waiting on it will ship late. Please ask the supplier for a new date.\n\n"
            + "New dates and the resolution will be added to this ticket as private notes.");
  }

  @Test
  void theStaffResolutionNoteSaysWhyAndWhatCustomersWereTold() {
    assertThat(render("stock-depleted", "staff-resolution", "en")).isEqualTo(new RenderedMessage(
        "Back in stock: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE)",
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) is back in stock. Orders waiting on it can ship now. Why: 48 "
            + "on hand after a receipt. Customers were told: Back on the shelf today.\n\nThis ticket is now resolved."));
  }

  @Test
  void frenchAndSpanishWriteTheDateTheirWay() {
    assertThat(render("stock-depleted", "staff-alert", "fr").body()).contains("Retour prévu le 14 avril 2026.");
    assertThat(render("supplier-delayed", "eta-correction", "es").body())
        .contains(" Ahora debería llegarnos antes del 14 de abril de 2026 y te lo enviaremos de inmediato.");
    assertThat(render("stock-depleted", "customer-notice", "fr").body()).startsWith("Bonjour Maya,\n\nMerci pour votre "
        + "commande ORD-5001 chez Maple & Thread Crafts. Nous sommes désolés\u00a0: le stock");
  }

  // ---- Helpers ----------------------------------------------------------------------------------

  private static RenderedMessage render(String trigger, String name, String language) {
    return TEMPLATES.render(TemplateFacts.sample(trigger, name).withLocale(Locale.forLanguageTag(language))).orElseThrow();
  }

  private static RenderedMessage checkReadsRight(String label, TemplateFacts facts) {
    RenderedMessage message = TEMPLATES.render(facts).orElseThrow(() -> new AssertionError("no template for " + label));
    assertThat(message.subject()).as("%s subject", label).isNotBlank();
    assertThat(message.body()).as("%s body", label).isNotBlank().contains(facts.product());
    for (String text : List.of(message.subject(), message.body())) {
      assertThat(text).as("%s:%n%s", label, text).doesNotContain(FLAWS);
      assertThat(text.strip()).as("%s ends with a dangling colon", label).doesNotEndWith(":");
    }
    return message;
  }

  /** Nothing known but the item: no customer, order, date, store, case, supplier, reason, message or note. */
  private static TemplateFacts bare(TemplateFacts f) {
    return new TemplateFacts("", f.trigger(), f.purpose(), f.sku(), f.product(), "", "", "", "", null, f.zone(),
        f.locale(), "", "", "", "", f.resolution(), "", f.staff(), "", "", false);
  }
}
