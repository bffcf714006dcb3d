package com.backordergateway.plugins.mailchimptransactional;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The email templates the plugin ships: the testkit's contract (every file in English, French and
 * Spanish reads right with any fact missing), and the wording word for word.
 */
class MailchimpTransactionalTemplatesTest extends TemplatesContract {

  private static final String NBSP = "\u00a0";
  private static final Map<String, String> GREETING_WITHOUT_NAME = Map.of("en", "Hello,", "fr", "Bonjour,", "es", "Hola:");

  /** Every email has a subject naming the item, greets the customer (by name when known) and is signed by the store. */
  @Override
  protected void checkRendered(TemplateFacts facts, RenderedMessage email) {
    String what = facts.trigger() + "/" + facts.templateName() + " " + facts.locale();
    assertThat(email.subject()).as("subject of %s", what).contains(facts.product());
    if (facts.customerName().isBlank()) {
      assertThat(email.body()).as(what).startsWith(GREETING_WITHOUT_NAME.get(facts.locale().getLanguage()) + "\n\n");
    }
    assertThat(email.body()).as(what).endsWith("\n" + facts.storeName());
  }

  @Test
  void onlyCustomerEmailsAreShipped() {
    assertThat(shipped()).hasSize(TemplateNames.TRIGGERS.size() * TemplateNames.CUSTOMER_NAMES.size())
        .allMatch(s -> TemplateNames.isCustomerName(s.name()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "stock-depleted/customer-notice", "marked-unavailable/customer-notice", "supplier-delayed/customer-notice",
      "platform-backorder/customer-notice", "stock-depleted/eta-correction", "supplier-delayed/eta-correction",
      "stock-depleted/resolution", "supplier-delayed/resolution"})
  void eachShippedTemplateRendersTheSample(String triggerAndPurpose) {
    String[] parts = triggerAndPurpose.split("/");
    assertThat(render(parts[0], parts[1], "en-US")).isEqualTo(ShippedEmails.expected(triggerAndPurpose));
  }

  @Test
  void withoutANameOrADateTheEmailStillReadsWell() {
    RenderedMessage delayed = render(TemplateFacts.sample("supplier-delayed", "customer-notice").sparse());
    assertThat(delayed.body()).startsWith("Hello,\n\n")
        .contains("Our supplier has not given us a new date yet; we will email you as soon as they do. The rest of "
            + "your order is not held up.");

    RenderedMessage cancelled = render(TemplateFacts.sample("supplier-delayed", "resolution").sparse()
        .withResolution("cancelled"));
    assertThat(cancelled.subject()).isEqualTo("Titanium White Acrylic 120 ml has been removed from your order");
    assertThat(cancelled.body()).startsWith("Hello,\n\n")
        .contains("We are sorry: our supplier cannot deliver Titanium White Acrylic 120 ml after all, so we have "
            + "removed it from your order. You will not be charged for it.");
  }

  @Test
  void withoutAnOrderNumberNoSentenceIsLeftHanging() {
    RenderedMessage email = render(TemplateFacts.sample("stock-depleted", "customer-notice").sparse());
    assertThat(email.subject()).isEqualTo("Titanium White Acrylic 120 ml from your order is on backorder");
    assertThat(email.body()).contains("\n\nThank you for your order with Maple & Thread Crafts. We are sorry to tell you that");
  }

  @Test
  void theOrderIsNamedAsTheShopShowsIt() {
    RenderedMessage email = render(TemplateFacts.sample("stock-depleted", "customer-notice").withOrderName("#1001"));
    assertThat(email.subject()).isEqualTo("Titanium White Acrylic 120 ml from your order #1001 is on backorder");
    assertThat(email.body()).contains("Thank you for your order #1001 with Maple & Thread Crafts.")
        .doesNotContain("ORD-5001");
  }

  @Test
  void frenchRendersTheSampleWithTheDateInFrench() {
    assertThat(render("stock-depleted", "customer-notice", "fr-CA")).isEqualTo(new RenderedMessage(
        "Titanium White Acrylic 120 ml de votre commande ORD-5001 est en rupture de stock",
        "Bonjour Maya,\n\n"
            + "Merci pour votre commande ORD-5001 chez Maple & Thread Crafts. Nous sommes désolés" + NBSP + ": le stock "
            + "de l'article Titanium White Acrylic 120 ml s'est épuisé avant que nous ayons pu préparer votre colis" + NBSP
            + "; l'article est donc en cours de réapprovisionnement.\n\n"
            + "Nous attendons du stock d'ici le 14 avril 2026 et vous expédierons l'article dès son arrivée. Le reste de "
            + "votre commande n'est pas retardé pour autant.\n\n"
            + "Si vous préférez ne pas attendre, répondez simplement à cet e-mail" + NBSP + ": nous annulerons cet "
            + "article ou vous proposerons un article de remplacement.\n\n"
            + "Merci de votre patience,\nMaple & Thread Crafts"));
  }

  @Test
  void spanishRendersTheSampleWithTheDateInSpanish() {
    assertThat(render("supplier-delayed", "resolution", "es-MX")).isEqualTo(new RenderedMessage(
        "Tu artículo Titanium White Acrylic 120 ml ya ha llegado (pedido ORD-5001)",
        "Hola, Maya:\n\n"
            + "¡Buenas noticias! El artículo Titanium White Acrylic 120 ml de tu pedido ORD-5001 ya ha llegado de "
            + "nuestro proveedor y te lo enviaremos en breve. Back on the shelf today.\n\n"
            + "Gracias por tu paciencia,\nMaple & Thread Crafts"));
    assertThat(render("supplier-delayed", "eta-correction", "es-MX").body())
        .contains(" Ahora debería llegarnos antes del 14 de abril de 2026 y te lo enviaremos de inmediato.");
  }
}
