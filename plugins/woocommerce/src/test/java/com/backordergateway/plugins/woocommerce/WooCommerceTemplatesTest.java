package com.backordergateway.plugins.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The customer-note templates the plugin ships: the text WooCommerce emails to the customer under
 * its own subject and greeting. The testkit's contract (every file in English, French and Spanish
 * reads right with any fact missing), and the wording word for word.
 */
class WooCommerceTemplatesTest extends TemplatesContract {

  private static final String NBSP = "\u00a0";
  private static final Map<String, String> IF_YOU_WOULD_RATHER_NOT_WAIT = Map.of(
      "en", "If you'd rather not wait, contact us", "fr", "Si vous préférez ne pas attendre, contactez-nous",
      "es", "Si prefieres no esperar, ponte en contacto con nosotros");

  /**
   * A customer note has no subject (WooCommerce's email has its own), says what the customer can
   * do unless the case is over, and is signed by the store in a paragraph of its own.
   */
  @Override
  protected void checkRendered(TemplateFacts facts, RenderedMessage note) {
    String what = facts.trigger() + "/" + facts.templateName() + " " + facts.locale();
    String language = facts.locale().getLanguage();
    assertThat(note.subject()).as("WooCommerce's email has its own subject: %s", what).isEmpty();
    assertThat(note.body()).as(what).endsWith("\n\n" + facts.storeName());
    assertThat(note.body().split("\n\n")).as(what)
        .allSatisfy(paragraph -> assertThat(paragraph).isNotBlank().doesNotStartWith(" "));
    if (!facts.purpose().equals("resolution")) {
      assertThat(note.body()).as("%s says what the customer can do", what).contains(IF_YOU_WOULD_RATHER_NOT_WAIT.get(language));
    }
    if (!language.equals("en")) {
      assertThat(note.body()).as("English left in %s", what).doesNotContain("We're", "supplier", "\u2019");
    }
  }

  @Test
  void onlyCustomerNotesAreShipped() {
    assertThat(shipped()).hasSize(TemplateNames.TRIGGERS.size() * TemplateNames.CUSTOMER_NAMES.size())
        .allMatch(s -> TemplateNames.isCustomerName(s.name()));
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
    assertThat(templates().sourceOf(trigger, purpose, Locale.US)).hasValue(templatesFolder() + "/" + file);
    assertThat(render(trigger, purpose, "en-US").body()).startsWith(firstParagraph + "\n\n");
  }

  @Test
  void aWholeNoticeReadsAsTheCustomerGetsIt() {
    assertThat(render("stock-depleted", "customer-notice", "en-US")).isEqualTo(new RenderedMessage("", """
        We're sorry: Titanium White Acrylic 120 ml sold out before we could pack it for your order ORD-5001, so it \
        is now on backorder and we have put your order on hold while we wait for it.

        We expect new stock by April 14, 2026 and will ship your order as soon as it arrives.

        If you'd rather not wait, contact us and we'll ship the rest of your order now and refund Titanium White \
        Acrylic 120 ml, or suggest an alternative.

        Maple & Thread Crafts"""));
    assertThat(render(TemplateFacts.sample("supplier-delayed", "customer-notice").withEta(null)).body()).contains(
        "Our supplier hasn't given us a new date yet; we'll add a note to your order as soon as they do.");
    assertThat(render(TemplateFacts.sample("stock-depleted", "resolution").sparse().withResolution("cancelled")).body())
        .isEqualTo("""
            We're sorry: Titanium White Acrylic 120 ml won't be coming back, so we have taken it off your order and \
            will refund anything you paid for it. The rest of your order will be on its way shortly.

            Thank you for your patience.

            Maple & Thread Crafts""");
  }

  @Test
  void withoutAnOrderNumberOrOutcomeNoSentenceIsLeftHanging() {
    assertThat(render(TemplateFacts.sample("platform-backorder", "customer-notice").sparse()).body())
        .startsWith("Thank you for your order. Titanium White Acrylic 120 ml was on backorder when you ordered it");
    assertThat(render(TemplateFacts.sample("stock-depleted", "resolution").withResolution("")).body())
        .startsWith("We have news about Titanium White Acrylic 120 ml on your order ORD-5001: it is no longer on "
            + "backorder. If you have any questions, contact us. Back on the shelf today.\n\n");
  }

  @Test
  void theOrderIsNamedAsTheShopShowsIt() {
    assertThat(render(TemplateFacts.sample("stock-depleted", "customer-notice").withOrderName("#1001")).body())
        .contains("pack it for your order #1001, so").doesNotContain("ORD-5001");
  }

  @Test
  void frenchRendersTheSampleWithTheDateInFrench() {
    assertThat(render("stock-depleted", "customer-notice", "fr-CA")).isEqualTo(new RenderedMessage("",
        "Nous sommes désolés" + NBSP + ": l'article Titanium White Acrylic 120 ml s'est épuisé avant que nous ayons pu "
            + "préparer votre commande ORD-5001" + NBSP + "; il est donc en cours de réapprovisionnement et nous avons mis "
            + "votre commande en attente le temps de le recevoir.\n\n"
            + "Nous attendons du stock d'ici le 14 avril 2026 et expédierons votre commande dès son arrivée.\n\n"
            + "Si vous préférez ne pas attendre, contactez-nous" + NBSP + ": nous vous enverrons dès maintenant le reste "
            + "de votre commande et vous rembourserons l'article Titanium White Acrylic 120 ml, ou nous vous proposerons "
            + "un article de remplacement.\n\n"
            + "Maple & Thread Crafts"));
  }

  @Test
  void spanishRendersTheSampleWithTheDateInSpanish() {
    assertThat(render("supplier-delayed", "eta-correction", "es-MX").body()).isEqualTo(
        "Lo sentimos: nuestro proveedor ha retrasado la entrega del artículo Titanium White Acrylic 120 ml de tu pedido "
            + "ORD-5001.\n\n"
            + "Ahora debería llegarnos para el 14 de abril de 2026; tu pedido seguirá en espera hasta entonces y saldrá en "
            + "cuanto llegue el artículo.\n\n"
            + "Si prefieres no esperar, ponte en contacto con nosotros: te enviaremos ya el resto del pedido y te "
            + "reembolsaremos el artículo Titanium White Acrylic 120 ml, o te propondremos una alternativa.\n\n"
            + "Maple & Thread Crafts");
    assertThat(render("stock-depleted", "resolution", "es").body()).startsWith("¡Buenas noticias! El artículo Titanium "
        + "White Acrylic 120 ml vuelve a estar disponible y tu pedido ORD-5001 saldrá en breve. Back on the shelf today.\n\n");
  }
}
