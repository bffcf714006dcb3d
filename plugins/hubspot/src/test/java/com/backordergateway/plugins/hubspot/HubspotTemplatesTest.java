package com.backordergateway.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The wording the plugin ships for the contact's message property and the custom event's
 * {@code message}: one paragraph per customer purpose (and trigger where it differs), without a
 * greeting or sign-off, as the merchant's HubSpot email wraps it. The testkit's contract, within
 * the 65,536 characters a HubSpot text property holds, plus the wording word for word.
 */
class HubspotTemplatesTest extends TemplatesContract {

  private static final String NBSP = "\u00a0";

  @Override
  protected OptionalInt maxBodyLength() {
    return OptionalInt.of(ContactPayload.MAX_TEXT);
  }

  @Test
  void eachCustomerPurposeHasWordingInThreeLanguagesAndNoSubject() {
    List<String> english = List.of("stock-depleted/customer-notice", "marked-unavailable/customer-notice",
        "supplier-delayed/customer-notice", "platform-backorder/customer-notice", "eta-correction",
        "supplier-delayed/eta-correction", "resolution");
    assertThat(TemplateSource.folder(templatesFolder()).paths()).containsExactlyInAnyOrderElementsOf(english.stream()
        .flatMap(file -> List.of(file + ".mustache", file + ".fr.mustache", file + ".es.mustache").stream()).toList());
    for (Shipped s : shipped()) {
      assertThat(render(s.trigger(), s.name(), "en").subject()).as(s.toString()).isEmpty();
    }
  }

  @Test
  void theNoticeReadsAsAParagraphForTheMerchantsEmail() {
    assertThat(render("stock-depleted", "customer-notice", "en").body()).isEqualTo(
        "Titanium White Acrylic 120 ml from your order ORD-5001 sold out before we could send it, so it is on "
            + "backorder. We expect it back by April 14, 2026 and will ship it as soon as it arrives. The rest of your "
            + "order is not held up.");
    assertThat(render("supplier-delayed", "eta-correction", "en").body()).isEqualTo(
        "Our supplier has pushed back Titanium White Acrylic 120 ml for your order ORD-5001. It should now reach us "
            + "by April 14, 2026, and we will ship it straight away. We are sorry for the extra wait.");
  }

  @Test
  void withoutOrderOrDateTheWordingStillReads() {
    TemplateFacts sparse = TemplateFacts.sample("stock-depleted", "eta-correction").withLocale(Locale.US).sparse();
    assertThat(render(sparse).body()).isEqualTo("Titanium White Acrylic 120 ml from your order is taking longer "
        + "than we said. We do not have a new date yet and will let you know when we do. We are sorry for the extra wait.");
  }

  @Test
  void resolutionsSayWhatHappenedInEachLanguage() {
    RenderedMessage french = render(TemplateFacts.sample("stock-depleted", "resolution")
        .withLocale(Locale.forLanguageTag("fr-CA")).withResolution("cancelled"));
    assertThat(french.body()).startsWith("Nous sommes désolés" + NBSP + ": l'article Titanium White Acrylic 120 ml "
        + "ne sera pas réapprovisionné");
    RenderedMessage spanish = render("stock-depleted", "resolution", "es-MX");
    assertThat(spanish.body()).isEqualTo("Buenas noticias: Titanium White Acrylic 120 ml vuelve a estar disponible y "
        + "lo estamos preparando para tu pedido ORD-5001. Back on the shelf today. Gracias por tu paciencia.");
  }

  @Test
  void noTemplateNamesAStaffOnlyFact() throws IOException {
    for (String file : TemplateSource.folder(templatesFolder()).paths()) {
      assertThat(Files.readString(templatesFolder().resolve(file), StandardCharsets.UTF_8)).as(file)
          .doesNotContainPattern("\\{\\{[#^/&{]?\\s*(reason|note|has_note)\\b");
    }
  }
}
