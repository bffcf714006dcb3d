package com.backordergateway.plugins.mailchimptransactional;

import com.backordergateway.rendering.RenderedMessage;
import java.util.Map;

/**
 * What each shipped email template renders for {@code TemplateFacts.sample(trigger, purpose)}:
 * the wording a customer of the sample store would read, word for word.
 */
final class ShippedEmails {

  private static final String PRODUCT = "Titanium White Acrylic 120 ml";
  private static final String GREETING = "Hi Maya,";
  private static final String THANKS = "Thank you for your order ORD-5001 with Maple & Thread Crafts.";
  private static final String CANCEL =
      "If you would rather not wait, reply to this email and we will cancel that item or suggest an alternative.";
  private static final String SIGN_OFF = "Thank you for your patience,\nMaple & Thread Crafts";

  private static final Map<String, RenderedMessage> EXPECTED = Map.of(
      "stock-depleted/customer-notice", email(PRODUCT + " from your order ORD-5001 is on backorder",
          THANKS + " We are sorry to tell you that " + PRODUCT + " sold out before we could pack it for you, so it is "
              + "now on backorder.",
          "We expect new stock by April 14, 2026 and will ship it to you as soon as it arrives. The rest of your order "
              + "is not held up.",
          CANCEL),
      "marked-unavailable/customer-notice", email(PRODUCT + " from your order ORD-5001 is unavailable for now",
          THANKS + " We are sorry to tell you that " + PRODUCT + " is currently unavailable, so we cannot ship it with "
              + "the rest of your order.",
          "We expect it to be available again by April 14, 2026 and will ship it to you as soon as it is. The rest of "
              + "your order is not held up.",
          CANCEL),
      "supplier-delayed/customer-notice", email(PRODUCT + " from your order ORD-5001 is delayed",
          THANKS + " We are sorry to tell you that " + PRODUCT + " is delayed at our supplier, so it will not ship "
              + "with the rest of your order.",
          "It should reach us by April 14, 2026, and we will ship it to you straight away. The rest of your order is "
              + "not held up.",
          CANCEL),
      "platform-backorder/customer-notice", email("Your backordered " + PRODUCT + " (order ORD-5001)",
          THANKS + " " + PRODUCT + " was on backorder when you ordered it, so it will ship separately from the rest "
              + "of your order.",
          "We expect it by April 14, 2026 and will ship it to you as soon as it arrives.",
          CANCEL),
      "stock-depleted/eta-correction", email("New date for " + PRODUCT + " on your order ORD-5001",
          PRODUCT + " on your order ORD-5001 is taking longer than we told you, and we are sorry for the wait. Our new "
              + "estimate is April 14, 2026.",
          CANCEL),
      "supplier-delayed/eta-correction", email("New date for " + PRODUCT + " on your order ORD-5001",
          "Our supplier has pushed back their delivery of " + PRODUCT + " for your order ORD-5001, and we are sorry "
              + "for the extra wait. It should now reach us by April 14, 2026, and we will ship it to you straight away.",
          CANCEL),
      "stock-depleted/resolution", email(PRODUCT + " is back in stock for your order ORD-5001",
          "Good news: " + PRODUCT + " is back in stock, and we will ship it for your order ORD-5001 shortly. Back on "
              + "the shelf today."),
      "supplier-delayed/resolution", email(PRODUCT + " has arrived for your order ORD-5001",
          "Good news: " + PRODUCT + " has arrived from our supplier, and we will ship it for your order ORD-5001 "
              + "shortly. Back on the shelf today."));

  private ShippedEmails() {}

  /** The rendering of {@code trigger/purpose} for the sample facts. */
  static RenderedMessage expected(String triggerAndPurpose) {
    RenderedMessage expected = EXPECTED.get(triggerAndPurpose);
    if (expected == null) {
      throw new IllegalArgumentException("no expected email for " + triggerAndPurpose);
    }
    return expected;
  }

  private static RenderedMessage email(String subject, String... paragraphs) {
    return new RenderedMessage(subject, GREETING + "\n\n" + String.join("\n\n", paragraphs) + "\n\n" + SIGN_OFF);
  }
}
