package com.backordergateway.plugins.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import com.backordergateway.rendering.TemplateSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The ticket texts the plugin ships: the customer's ticket (first comment and the public
 * follow-ups, which Zendesk emails to the customer) and the internal ticket of a case, for every
 * trigger and purpose, in English, French and Spanish. The testkit's contract renders each with
 * the sample and the sparse facts; these tests add the wording word for word and facts emptier
 * still (no store name, reason, case or note).
 */
class ZendeskTemplatesTest extends TemplatesContract {

  private static final String NBSP = "\u00a0";
  private static final List<String> ALL_NAMES =
      Stream.concat(TemplateNames.CUSTOMER_NAMES.stream(), TemplateNames.STAFF_NAMES.stream()).toList();
  private static final Map<String, String> GREETING_WITHOUT_NAME = Map.of("en", "Hello,", "fr", "Bonjour,", "es", "Hola:");

  @Test
  void everyTriggerAndPurposeHasWordingForTheCustomerAndTheInternalTicket() {
    assertThat(shipped()).hasSize(TemplateNames.TRIGGERS.size() * ALL_NAMES.size());
  }

  @Test
  void triggerFoldersOnlyWhereTheWordingDiffersAndEveryFileInThreeLanguages() {
    List<String> english = List.of(
        "stock-depleted/customer-notice", "marked-unavailable/customer-notice", "supplier-delayed/customer-notice",
        "platform-backorder/customer-notice", "eta-correction", "supplier-delayed/eta-correction", "resolution",
        "supplier-delayed/resolution", "stock-depleted/staff-alert", "marked-unavailable/staff-alert",
        "supplier-delayed/staff-alert", "platform-backorder/staff-alert", "staff-eta-correction", "staff-resolution");
    List<String> expected = new ArrayList<>();
    for (String file : english) {
      for (String suffix : List.of("", ".fr", ".es")) {
        expected.add(file + suffix + ".mustache");
      }
    }
    assertThat(TemplateSource.folder(templatesFolder()).paths()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theCustomersTicketReadsAsALetterFromTheStore() {
    assertThat(render("stock-depleted", "customer-notice", "en")).isEqualTo(new RenderedMessage(
        "Titanium White Acrylic 120 ml from your order ORD-5001 is on backorder",
        "Hi Maya,\n\n"
            + "Thank you for your order ORD-5001 with Maple & Thread Crafts. We are sorry to tell you that Titanium "
            + "White Acrylic 120 ml sold out before we could pack it for you, so it is now on backorder.\n\n"
            + "We expect new stock by April 14, 2026 and will ship it to you as soon as it arrives. The rest of your "
            + "order is not held up.\n\n"
            + "If you would rather not wait, reply to this message and we will cancel that item or suggest an "
            + "alternative.\n\n"
            + "Thank you for your patience,\nMaple & Thread Crafts"));
    assertThat(render("supplier-delayed", "eta-correction", "en").body()).contains(
        "Our supplier has pushed back their delivery of Titanium White Acrylic 120 ml for your order ORD-5001, and we "
            + "are sorry for the extra wait. It should now reach us by April 14, 2026, and we will ship it to you "
            + "straight away.");
  }

  @Test
  void theInternalTicketGivesAgentsTheReasonTheDateTheSupplierAndTheCase() {
    assertThat(render("stock-depleted", "staff-alert", "en")).isEqualTo(new RenderedMessage(
        "Backorder: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out",
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out and is now on backorder. Order ORD-5001 is "
            + "waiting for it. Reason: sold out after a sale.\n\n"
            + "Expected back by April 14, 2026.\n\n"
            + "Backorder case case_01JSAMPLE. Updates on this case are added to this ticket as internal notes."));
    assertThat(render("supplier-delayed", "staff-alert", "en").body()).startsWith(
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) is late from Golden Artist Colors (PO PO-2041). Order "
            + "ORD-5001 is waiting for it.");
    assertThat(render("stock-depleted", "staff-resolution", "en")).isEqualTo(new RenderedMessage(
        "Back in stock: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE)",
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) is back in stock: 48 on hand after a receipt. Orders "
            + "waiting on it can ship now. Customers were told: \"Back on the shelf today.\"\n\n"
            + "Backorder case case_01JSAMPLE."));
  }

  @Test
  void frenchAndSpanishWriteTheDateAndPunctuationTheirWay() {
    RenderedMessage french = render("stock-depleted", "staff-alert", "fr-CA");
    assertThat(french.subject()).isEqualTo("Rupture de stock" + NBSP + ": Titanium White Acrylic 120 ml "
        + "(ACR-TITANIUM-WHITE) épuisé");
    assertThat(french.body()).contains("Motif" + NBSP + ": sold out after a sale.", "d'ici le 14 avril 2026.");
    RenderedMessage spanish = render("supplier-delayed", "resolution", "es-MX");
    assertThat(spanish.body()).startsWith("Hola, Maya:\n\n¡Buenas noticias! El artículo Titanium White Acrylic 120 ml "
        + "de tu pedido ORD-5001 ya ha llegado de nuestro proveedor y te lo enviaremos en breve. Back on the shelf today.");
  }

  @TestFactory
  Stream<DynamicTest> everyTemplateReadsRightWithoutStoreNameReasonCaseOrNote() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String trigger : TemplateNames.TRIGGERS) {
      for (String name : ALL_NAMES) {
        for (String language : languages()) {
          for (String outcome : name.endsWith("resolution") ? List.of("", "restocked", "cancelled") : List.of("")) {
            String label = trigger + "/" + name + " " + language + " " + outcome;
            tests.add(dynamicTest(label, () -> {
              RenderedMessage message = render(bare(trigger, name, language, outcome));
              String text = message.subject() + "\n" + message.body();
              assertThat(flawsOf(message.subject())).as("%s subject: %s", label, message.subject()).isEmpty();
              assertThat(flawsOf(message.body())).as("%s body:%n%s", label, message.body()).isEmpty();
              assertThat(text).as(label).doesNotContain("ORD-5001", "Maya", "case_01JSAMPLE", "Maple", "Golden");
              if (!name.startsWith("staff-")) {
                assertThat(message.body()).as(label).startsWith(GREETING_WITHOUT_NAME.get(language) + "\n\n");
              }
            }));
          }
        }
      }
    }
    return tests.stream();
  }

  @Test
  void noTemplateCustomersReadNamesAStaffOnlyFact() throws IOException {
    for (String file : TemplateSource.folder(templatesFolder()).paths()) {
      if (!file.contains("staff-")) {
        assertThat(Files.readString(templatesFolder().resolve(file), StandardCharsets.UTF_8)).as(file)
            .doesNotContainPattern("\\{\\{[#^/&{]?\\s*(reason|note|has_note)\\b");
      }
    }
  }

  /** The sample with every optional fact empty, the store's name, reason and case included. */
  private static TemplateFacts bare(String trigger, String name, String language, String outcome) {
    TemplateFacts s = TemplateFacts.sample(trigger, name).withLocale(Locale.forLanguageTag(language));
    return new TemplateFacts("", s.trigger(), s.purpose(), s.sku(), s.product(), "", "", s.customerEmail(),
        s.customerPhone(), null, s.zone(), s.locale(), "", "", "", "", outcome, "", s.staff(), "", "", false);
  }
}
