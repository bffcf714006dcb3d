package com.backordergateway.plugins.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.DefaultTemplates;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SMS templates the plugin ships: the testkit's contract (every file in English, French and
 * Spanish reads right with any fact missing), within the segments its language's encoding allows,
 * and the wording word for word.
 */
class TwilioTemplatesTest extends TemplatesContract {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  /** A no-break space is outside GSM-7: French SMS use plain spaces before : and ;. */
  @Override
  protected boolean frenchTypography() {
    return false;
  }

  /** An SMS has no subject, starts with the store's name, and fits its segments. */
  @Override
  protected void checkRendered(TemplateFacts facts, RenderedMessage sms) {
    String what = facts.trigger() + "/" + facts.templateName() + " " + facts.locale();
    assertThat(sms.subject()).as("SMS have no subject: %s", what).isEmpty();
    assertThat(sms.body()).as(what).startsWith("Maple & Thread Crafts: ");
    assertFitsItsSegments(facts.locale().getLanguage(), what, sms.body());
  }

  /** The translations use exactly the English file's variables and sections. */
  @Test
  void translationsUseTheSameVariablesAndSectionsAsTheEnglish() throws IOException {
    for (String english : TemplateSource.folder(TEMPLATES).paths()) {
      if (english.matches(".*\\.[a-z]{2}\\.mustache")) {
        continue;
      }
      List<String> tags = tags(TEMPLATES.resolve(english));
      for (String language : List.of("fr", "es")) {
        assertThat(tags(TEMPLATES.resolve(english.replace(".mustache", "." + language + ".mustache"))))
            .as("%s in %s", english, language).containsExactlyInAnyOrderElementsOf(tags);
      }
    }
  }

  /**
   * As the host layers them: this plugin, then the gateway's built-in wording, which has fr-CA
   * files (a stand-in here, whatever rendering jar is built against). The recipient's language
   * comes first across layers, so a Canadian gets this plugin's French SMS, not the built-in email.
   */
  @Test
  void overTheBuiltInWordingFrenchCanadiansGetThisPluginsFrench() {
    Map<String, String> builtInFrCa = new HashMap<>();
    for (String name : TemplateNames.CUSTOMER_NAMES) {
      builtInFrCa.put(name + ".fr-CA.mustache", "Subject: Courriel\n\nBonjour, texte du gateway.");
    }
    Templates layered = Templates.of(List.of(TemplateSource.folder(TEMPLATES),
        TemplateSource.of("built-in-fr-CA", builtInFrCa), DefaultTemplates.source()));
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String purpose : TemplateNames.CUSTOMER_NAMES) {
        TemplateFacts canadian = TemplateFacts.sample(trigger, purpose).withLocale(Locale.CANADA_FRENCH);
        assertThat(layered.choose(canadian).orElseThrow().file()).as("%s/%s", trigger, purpose)
            .startsWith(TEMPLATES.toString()).endsWith(".fr.mustache");
        assertThat(layered.render(canadian)).as("%s/%s", trigger, purpose).contains(render(canadian));
      }
    }
  }

  @Test
  void frenchCanadiansGetTheFrenchTextAndOtherSpanishSpeakersTheSpanishOne() {
    assertThat(render("stock-depleted", "customer-notice", "fr-CA").body()).isEqualTo("Maple & Thread Crafts: "
        + "Désolés, Titanium White Acrylic 120 ml est en rupture de stock ; le reste de votre commande ORD-5001 n'est "
        + "pas bloqué. Nous l'attendons d'ici le 14 avril 2026 et vous l'enverrons dès réception. Pour l'annuler ou le "
        + "remplacer sans attendre, contactez-nous.");
    assertThat(render("supplier-delayed", "eta-correction", "es-MX").body()).isEqualTo("Maple & Thread Crafts: Lo "
        + "sentimos, nuestro proveedor ha aplazado la entrega de Titanium White Acrylic 120 ml de tu pedido ORD-5001. "
        + "Ahora lo esperamos para el 14 de abril de 2026. Para cancelarlo o cambiarlo sin esperar, contáctanos.");
  }

  @Test
  void datesFollowTheTemplatesLanguageSoACustomerWithoutATranslationGetsAnEnglishDate() {
    assertThat(render("marked-unavailable", "eta-correction", "de-DE").body())
        .contains("Our new estimate is April 14, 2026.").doesNotContain("14. April");
  }

  @Test
  void withoutAnOrderNumberTheEnglishTextStillNamesTheOrder() {
    assertThat(render(TemplateFacts.sample("stock-depleted", "customer-notice").sparse()).body()).startsWith(
        "Maple & Thread Crafts: Sorry, Titanium White Acrylic 120 ml on your order sold out before we could ship it.");
    assertThat(render(TemplateFacts.sample("platform-backorder", "customer-notice").sparse()).body()).startsWith(
        "Maple & Thread Crafts: Thanks for your order! Titanium White Acrylic 120 ml was on backorder");
    assertThat(render(TemplateFacts.sample("supplier-delayed", "resolution").sparse().withResolution("cancelled")).body())
        .isEqualTo("Maple & Thread Crafts: Sorry, our supplier can't deliver Titanium White Acrylic 120 ml after all, "
            + "so we've removed it from your order. You won't be charged for it. Thanks for your patience.");
  }

  @Test
  void theOrderIsNamedAsTheShopShowsIt() {
    assertThat(render(TemplateFacts.sample("stock-depleted", "customer-notice").withOrderName("#1001")).body())
        .contains("on your order #1001 sold out").doesNotContain("ORD-5001");
  }

  /**
   * The month is written by the JDK in the template's language, and French "août" has a û, which
   * GSM-7 lacks: a French text with an August date goes out in UCS-2. Pinned here so the README's
   * warning is kept true, and so a change in how dates are written shows.
   */
  @Test
  void aFrenchAugustDateIsTheOneThingThatTakesFrenchOutOfGsm() {
    String body = render("marked-unavailable", "eta-correction", "fr").body();
    for (int month = 1; month <= 12; month++) {
      String dated = body.replace("14 avril 2026",
          DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(LocalDate.of(2026, month, 14)));
      assertThat(SmsEncoding.nonGsmCharacters(dated)).as("month %d", month).isEqualTo(month == 8 ? "û" : "");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "stock-depleted|customer-notice|stock-depleted/customer-notice.mustache|Maple & Thread Crafts: Sorry, Titanium White "
          + "Acrylic 120 ml on your order ORD-5001 sold out before we could ship it. We expect more by April 14, 2026 and "
          + "will send it then. The rest of your order isn't held up. Rather not wait? Contact us to cancel the item or "
          + "pick an alternative.",
      "marked-unavailable|customer-notice|marked-unavailable/customer-notice.mustache|Maple & Thread Crafts: Sorry, "
          + "Titanium White Acrylic 120 ml on your order ORD-5001 is unavailable right now, so we can't ship it yet. We "
          + "expect it back by April 14, 2026. The rest of your order isn't held up. Rather not wait? Contact us to "
          + "cancel the item or pick an alternative.",
      "supplier-delayed|customer-notice|supplier-delayed/customer-notice.mustache|Maple & Thread Crafts: Sorry, "
          + "Titanium White Acrylic 120 ml on your order ORD-5001 is delayed at our supplier. It should reach us by "
          + "April 14, 2026 and we'll ship it straight away. The rest of your order isn't held up. Rather not wait? "
          + "Contact us to cancel the item or pick an alternative.",
      "platform-backorder|customer-notice|platform-backorder/customer-notice.mustache|Maple & Thread Crafts: Thanks "
          + "for your order ORD-5001! Titanium White Acrylic 120 ml was on backorder when you ordered it. We expect it "
          + "by April 14, 2026 and will ship it as soon as it arrives. The rest of your order isn't held up. Rather not "
          + "wait? Contact us to cancel the item or pick an alternative.",
      "marked-unavailable|eta-correction|eta-correction.mustache|Maple & Thread Crafts: Sorry, Titanium White Acrylic "
          + "120 ml on your order ORD-5001 is taking longer than we said. Our new estimate is April 14, 2026. Rather "
          + "not wait? Contact us to cancel the item or pick an alternative.",
      "supplier-delayed|eta-correction|supplier-delayed/eta-correction.mustache|Maple & Thread Crafts: Sorry, our "
          + "supplier has pushed back Titanium White Acrylic 120 ml on your order ORD-5001. It should now reach us by "
          + "April 14, 2026. Rather not wait? Contact us to cancel the item or pick an alternative.",
      "stock-depleted|resolution|resolution.mustache|Maple & Thread Crafts: Good news! Titanium White Acrylic 120 ml "
          + "is back in stock and your order ORD-5001 will ship soon. Back on the shelf today. Thanks for your patience.",
      "supplier-delayed|resolution|supplier-delayed/resolution.mustache|Maple & Thread Crafts: Good news! Titanium "
          + "White Acrylic 120 ml has arrived from our supplier and your order ORD-5001 will ship soon. Back on the "
          + "shelf today. Thanks for your patience."})
  void eachShippedTemplateRendersTheSample(String trigger, String purpose, String file, String expected) {
    assertThat(templates().sourceOf(trigger, purpose, Locale.US)).hasValue(TEMPLATES + "/" + file);
    assertThat(render(trigger, purpose, "en-US")).isEqualTo(new RenderedMessage("", expected));
  }

  @Test
  void withoutAnEtaTheTextPromisesToWriteAgainAndACancellationApologises() {
    assertThat(render(TemplateFacts.sample("stock-depleted", "customer-notice").withEta(null)).body()).isEqualTo(
        "Maple & Thread Crafts: Sorry, Titanium White Acrylic 120 ml on your order ORD-5001 sold out before we could "
            + "ship it. We'll text you once we have a restock date. The rest of your order isn't held up. Rather not "
            + "wait? Contact us to cancel the item or pick an alternative.");
    assertThat(render(TemplateFacts.sample("platform-backorder", "eta-correction").withEta(null)).body())
        .contains("We don't have a new date yet and will text you when we do.");
    assertThat(render(TemplateFacts.sample("marked-unavailable", "resolution").withResolution("cancelled")).body())
        .isEqualTo("Maple & Thread Crafts: Sorry, Titanium White Acrylic 120 ml won't be coming back, so we've removed "
            + "it from your order ORD-5001. You won't be charged for it. Back on the shelf today. Thanks for your "
            + "patience.");
    assertThat(render(TemplateFacts.sample("marked-unavailable", "resolution").sparse().withResolution("")).body())
        .isEqualTo("Maple & Thread Crafts: Titanium White Acrylic 120 ml on your order is no longer on backorder. "
            + "Thanks for your patience.");
  }

  /** English and French in GSM-7 within two segments; Spanish too, or in UCS-2 within four. */
  private static void assertFitsItsSegments(String language, String what, String body) {
    if (language.equals("es") && !SmsEncoding.isGsm7(body)) {
      assertThat(SmsEncoding.ucs2Units(body)).as("UCS-2 characters, at most 4 segments of 67: %s", what)
          .isLessThanOrEqualTo(4 * SmsEncoding.UCS2_SEGMENT);
      assertThat(SmsEncoding.segments(body)).as(what).isLessThanOrEqualTo(4);
      return;
    }
    assertThat(SmsEncoding.nonGsmCharacters(body)).as("characters outside GSM-7: %s", what).isEmpty();
    assertThat(SmsEncoding.gsmUnits(body)).as("GSM-7 units, at most 2 segments of 153: %s", what)
        .isLessThanOrEqualTo(2 * SmsEncoding.GSM_SEGMENT);
    assertThat(SmsEncoding.segments(body)).as(what).isLessThanOrEqualTo(2);
  }

  /** The Mustache tags of a template, e.g. {{#has_eta}}, {{eta}}, {{/has_eta}}. */
  private static List<String> tags(Path file) throws IOException {
    return Pattern.compile("\\{\\{[^}]*}}").matcher(Files.readString(file)).results().map(MatchResult::group).toList();
  }
}
