package com.backordergateway.plugins.monday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Message;
import com.backordergateway.connector.api.Notification.Purpose;
import com.backordergateway.connector.api.Notification.Trigger;
import com.backordergateway.connector.testkit.SampleNotifications;
import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateNames;
import com.backordergateway.rendering.TemplateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The update texts the plugin ships: for staff, the case item's updates (the alert per trigger,
 * the new date, the end of the case); for customers, the order item's updates, worded as what the
 * customer is told. The testkit's contract renders each in English, French and Spanish with the
 * sample and the sparse facts; these tests add the wording word for word, facts emptier still,
 * and the update body monday.com receives from a rendered template.
 */
class MondayTemplatesTest extends TemplatesContract {

  private static final String NBSP = "\u00a0";

  @Test
  void staffAlertsDifferByTriggerAndEverythingElseIsSharedInThreeLanguages() {
    List<String> expected = new ArrayList<>();
    for (String file : List.of("customer-notice", "supplier-delayed/customer-notice", "eta-correction", "resolution",
        "stock-depleted/staff-alert", "marked-unavailable/staff-alert", "supplier-delayed/staff-alert",
        "platform-backorder/staff-alert", "staff-eta-correction", "staff-resolution")) {
      for (String suffix : List.of("", ".fr", ".es")) {
        expected.add(file + suffix + ".mustache");
      }
    }
    assertThat(TemplateSource.folder(templatesFolder()).paths()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(shipped()).hasSize(TemplateNames.TRIGGERS.size() * 6);
  }

  @Test
  void theStaffAlertTellsTheOwnersWhatWhyWhenAndWhichCase() {
    assertThat(render("stock-depleted", "staff-alert", "en")).isEqualTo(new RenderedMessage(
        "Backorder: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out",
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out and is now on backorder. Order ORD-5001 is "
            + "waiting for it. Reason: sold out after a sale.\n\n"
            + "Expected back by April 14, 2026.\n\n"
            + "Backorder case case_01JSAMPLE. Updates on this case are posted on this item."));
    assertThat(render("supplier-delayed", "staff-alert", "en").body()).startsWith(
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) is late from Golden Artist Colors (PO PO-2041). Order "
            + "ORD-5001 is waiting for it.");
    assertThat(render("stock-depleted", "staff-resolution", "en")).isEqualTo(new RenderedMessage(
        "Restocked: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE)",
        "Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) is back in stock: 48 on hand after a receipt. The orders "
            + "waiting for it can ship now. Customers were told: \"Back on the shelf today.\"\n\n"
            + "Backorder case case_01JSAMPLE."));
  }

  @Test
  void theCustomersUpdateIsWhatTheCustomerIsTold() {
    assertThat(render("stock-depleted", "customer-notice", "en")).isEqualTo(new RenderedMessage(
        "Titanium White Acrylic 120 ml from your order ORD-5001 is on backorder",
        "Hi Maya,\n\n"
            + "Titanium White Acrylic 120 ml from your order ORD-5001 is on backorder right now, and we are sorry for "
            + "the wait. We expect it back by April 14, 2026 and will ship it to you as soon as it arrives.\n\n"
            + "If you would rather not wait, just tell us and we will cancel that item or suggest an alternative.\n\n"
            + "Thank you for your patience,\nMaple & Thread Crafts"));
    assertThat(render("supplier-delayed", "customer-notice", "en").body())
        .contains("Our supplier is late delivering Titanium White Acrylic 120 ml for your order ORD-5001")
        .doesNotContain("Golden Artist Colors");
  }

  @Test
  void frenchAndSpanishWriteTheDateAndPunctuationTheirWay() {
    RenderedMessage french = render("supplier-delayed", "staff-alert", "fr-CA");
    assertThat(french.subject()).isEqualTo("Retard fournisseur" + NBSP + ": Titanium White Acrylic 120 ml "
        + "(ACR-TITANIUM-WHITE)");
    assertThat(french.body()).contains("(bon de commande PO-2041)", "Motif" + NBSP + ": sold out after a sale.",
        "pour le 14 avril 2026.");
    RenderedMessage spanish = render("stock-depleted", "resolution", "es-MX");
    assertThat(spanish.body()).startsWith("Hola, Maya:\n\n¡Buenas noticias! El artículo Titanium White Acrylic 120 ml "
        + "vuelve a estar disponible y te lo enviaremos con tu pedido ORD-5001 en breve. Back on the shelf today.");
  }

  @Test
  void theUpdateMondayReceivesIsTheRenderedTemplateAsHtml() throws Exception {
    RenderedMessage alert = render("stock-depleted", "staff-alert", "en");
    Notification staff = withMessage(SampleNotifications.staff(Trigger.STOCK_DEPLETED, Purpose.STAFF_ALERT), alert);
    assertThat(ItemWording.updateBody(staff)).isEqualTo(
        "<p><strong>Backorder: Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out</strong></p>\n"
            + "<p>Titanium White Acrylic 120 ml (ACR-TITANIUM-WHITE) sold out and is now on backorder. Order ORD-5001 "
            + "is waiting for it. Reason: sold out after a sale.</p>\n"
            + "<p>Expected back by April 14, 2026.</p>\n"
            + "<p>Backorder case case_01JSAMPLE. Updates on this case are posted on this item.</p>");
    RenderedMessage notice = render("stock-depleted", "customer-notice", "fr");
    Notification customer = withMessage(SampleNotifications.customerNotice(), notice);
    assertThat(ItemWording.updateBody(customer)).startsWith("<p><strong>Titanium White Acrylic 120 ml de votre commande "
        + "ORD-5001 est en rupture de stock</strong></p>\n<p>Bonjour Maya,</p>\n")
        .endsWith("<p>Merci de votre patience,<br>\nMaple &amp; Thread Crafts</p>");
  }

  @TestFactory
  Stream<DynamicTest> everyTemplateReadsRightWithoutStoreNameCaseOrReason() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Shipped s : shipped()) {
      for (String language : languages()) {
        for (String outcome : s.name().endsWith("resolution") ? List.of("", "restocked", "cancelled") : List.of("")) {
          String label = s + " " + language + " " + outcome;
          tests.add(dynamicTest(label, () -> {
            RenderedMessage message = render(bare(s.trigger(), s.name(), language, outcome));
            assertThat(flawsOf(message.subject())).as("%s subject: %s", label, message.subject()).isEmpty();
            assertThat(flawsOf(message.body())).as("%s body:%n%s", label, message.body()).isEmpty();
            assertThat(message.subject() + "\n" + message.body()).as(label)
                .doesNotContain("ORD-5001", "Maya", "case_01JSAMPLE", "Maple", "Golden");
          }));
        }
      }
    }
    return tests.stream();
  }

  /** The sample with every optional fact empty, the store's name, the reason and the case included. */
  private static TemplateFacts bare(String trigger, String name, String language, String outcome) {
    TemplateFacts s = TemplateFacts.sample(trigger, name).withLocale(Locale.forLanguageTag(language));
    return new TemplateFacts("", s.trigger(), s.purpose(), s.sku(), s.product(), "", "", s.customerEmail(),
        s.customerPhone(), null, s.zone(), s.locale(), "", "", "", "", outcome, "", s.staff(), "", "", false);
  }

  private static Notification withMessage(Notification n, RenderedMessage rendered) {
    return new Notification(n.deliveryId(), n.trigger(), n.purpose(), n.audience(), n.recipient(),
        new Message(rendered.subject(), rendered.body()), n.facts(), n.previousReference());
  }
}
