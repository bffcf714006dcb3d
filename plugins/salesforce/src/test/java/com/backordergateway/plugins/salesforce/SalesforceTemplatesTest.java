package com.backordergateway.plugins.salesforce;

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
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Chatter texts the plugin ships: the post on the customer's Order (read by the sales team,
 * its Subject line the follow-up Task's subject) and the post on the staff feed, for every trigger
 * and purpose, in English, French and Spanish. The testkit's contract renders each with the sample
 * and the sparse facts within Chatter's 10,000 characters; these tests add the wording word for
 * word and facts emptier still (no store name, reason, case, note, name, email or phone).
 */
class SalesforceTemplatesTest extends TemplatesContract {

  private static final String NBSP = "\u00a0";
  private static final List<String> ALL_NAMES =
      Stream.concat(TemplateNames.CUSTOMER_NAMES.stream(), TemplateNames.STAFF_NAMES.stream()).toList();

  @Override
  protected OptionalInt maxBodyLength() {
    return OptionalInt.of(ChatterPost.MAX_LENGTH);
  }

  @Override
  protected void checkRendered(TemplateFacts facts, RenderedMessage rendered) {
    assertThat(rendered.subject().length()).as("the Task subject %s", rendered.subject())
        .isBetween(1, FollowUpTask.MAX_SUBJECT);
  }

  @Test
  void everyTriggerAndPurposeHasWordingForTheOrderAndTheStaffFeed() {
    assertThat(shipped()).hasSize(TemplateNames.TRIGGERS.size() * ALL_NAMES.size());
  }

  @Test
  void triggerFoldersOnlyWhereTheWordingDiffersAndEveryFileInThreeLanguages() {
    List<String> english = List.of(
        "stock-depleted/customer-notice", "marked-unavailable/customer-notice", "supplier-delayed/customer-notice",
        "platform-backorder/customer-notice", "eta-correction", "resolution", "stock-depleted/staff-alert",
        "marked-unavailable/staff-alert", "supplier-delayed/staff-alert", "platform-backorder/staff-alert",
        "staff-eta-correction", "staff-resolution");
    List<String> expected = new ArrayList<>();
    for (String file : english) {
      for (String suffix : List.of("", ".fr", ".es")) {
        expected.add(file + suffix + ".mustache");
      }
    }
    assertThat(TemplateSource.folder(templatesFolder()).paths()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void thePostOnTheOrderTellsTheSalesTeamWhatHappenedAndWhomToCall() {
    assertThat(render("stock-depleted", "customer-notice", "en")).isEqualTo(new RenderedMessage(
        "Follow up with the customer: Titanium White Acrylic 120 ml is on backorder (order ORD-5001)",
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) on this order (ORD-5001) sold out before it could be "
            + "packed and is now on backorder. New stock is expected by April 14, 2026. The rest of the order is not "
            + "held up.\n\n"
            + "Please check in with Maya Okafor (maya@example.com, +14155550123) and offer to wait, to cancel the item "
            + "or to take an alternative.\n\n"
            + "Backorder case case_01JSAMPLE. New dates and the outcome will be posted here."));
    assertThat(render("supplier-delayed", "eta-correction", "en").body()).startsWith(
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) on this order (ORD-5001) is taking longer than expected. "
            + "It is now expected by April 14, 2026, according to Golden Artist Colors (PO PO-2041).");
    assertThat(render("stock-depleted", "resolution", "en")).isEqualTo(new RenderedMessage(
        "Back in stock: Titanium White Acrylic 120 ml for order ORD-5001",
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) is back in stock and can now ship with this order "
            + "(ORD-5001). Message for the customer: \"Back on the shelf today.\"\n\n"
            + "Backorder case case_01JSAMPLE."));
  }

  @Test
  void theStaffPostGivesTheReasonTheDateTheSupplierAndTheCase() {
    assertThat(render("stock-depleted", "staff-alert", "en")).isEqualTo(new RenderedMessage(
        "Backorder: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out",
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out and is now on backorder. Order ORD-5001 is "
            + "waiting for it. Reason: sold out after a sale.\n\n"
            + "Expected back by April 14, 2026.\n\n"
            + "Backorder case case_01JSAMPLE. Updates on this case are posted in this feed."));
    assertThat(render("stock-depleted", "staff-resolution", "en").body()).startsWith(
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) is back in stock: 48 on hand after a receipt. Orders "
            + "waiting on it can ship now. Customers were told: \"Back on the shelf today.\"");
  }

  @Test
  void frenchAndSpanishWriteTheDateAndPunctuationTheirWay() {
    RenderedMessage french = render("stock-depleted", "customer-notice", "fr-CA");
    assertThat(french.subject()).isEqualTo("À suivre avec le client" + NBSP + ": Titanium White Acrylic 120 ml en "
        + "rupture de stock (commande ORD-5001)");
    assertThat(french.body()).contains("Du stock est attendu d'ici le 14 avril 2026.",
        "Merci de contacter Maya Okafor (maya@example.com, +14155550123)");
    assertThat(render("stock-depleted", "resolution", "fr").body())
        .contains("Message pour le client" + NBSP + ": «" + NBSP + "Back on the shelf today." + NBSP + "»");
    RenderedMessage spanish = render("supplier-delayed", "customer-notice", "es-MX");
    assertThat(spanish.body()).startsWith("El artículo Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) de este "
        + "pedido (ORD-5001) se ha retrasado en Golden Artist Colors (orden de compra PO-2041), así que no saldrá con "
        + "el resto del pedido. Debería llegar antes del 14 de abril de 2026.");
  }

  @TestFactory
  Stream<DynamicTest> everyTemplateReadsRightWithoutStoreNameReasonCaseNoteOrContact() {
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
              assertThat(text).as(label).doesNotContain("ORD-5001", "Maya", "maya@", "+1415", "case_01JSAMPLE",
                  "Maple", "Golden");
              assertThat(message.subject()).as(label).isNotBlank();
            }));
          }
        }
      }
    }
    return tests.stream();
  }

  @Test
  void noTemplateTheOrderFeedShowsNamesAStaffOnlyFact() throws IOException {
    for (String file : TemplateSource.folder(templatesFolder()).paths()) {
      if (!file.contains("staff-")) {
        assertThat(Files.readString(templatesFolder().resolve(file), StandardCharsets.UTF_8)).as(file)
            .doesNotContainPattern("\\{\\{[#^/&{]?\\s*(reason|note|has_note)\\b");
      }
    }
  }

  /** The sample with every optional fact empty, the store's name, reason, case and contact details included. */
  private static TemplateFacts bare(String trigger, String name, String language, String outcome) {
    TemplateFacts s = TemplateFacts.sample(trigger, name).withLocale(Locale.forLanguageTag(language));
    return new TemplateFacts("", s.trigger(), s.purpose(), s.sku(), s.product(), "", "", "", "", null, s.zone(),
        s.locale(), "", "", "", "", outcome, "", s.staff(), "", "", false);
  }
}
