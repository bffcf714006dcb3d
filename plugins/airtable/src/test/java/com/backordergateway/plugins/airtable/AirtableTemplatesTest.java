package com.backordergateway.plugins.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateNames;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The "Last update" texts the plugin ships, read by staff in the base: for a customer's order
 * (what is missing, whom to call, what to offer) and for a staff alert, and for the case's
 * follow-ups, for every trigger and purpose in English, French and Spanish. The testkit's
 * contract, within the 100,000 characters of a long text field.
 */
class AirtableTemplatesTest extends TemplatesContract {

  @Override
  protected OptionalInt maxBodyLength() {
    return OptionalInt.of(AirtableSession.MAX_TEXT);
  }

  @Test
  void everyTriggerAndPurposeHasAnUpdateText() {
    assertThat(shipped()).hasSize(TemplateNames.TRIGGERS.size()
        * (TemplateNames.CUSTOMER_NAMES.size() + TemplateNames.STAFF_NAMES.size()));
  }

  @Test
  void theLastUpdateTellsStaffWhatHappenedAndWhomToCall() {
    RenderedMessage customer = render("stock-depleted", "customer-notice", "en");
    assertThat(customer.body()).contains("Please check in with Maya Okafor (maya@example.com, +14155550123)")
        .doesNotContain("posted", "Backorder case").endsWith("or to take an alternative.");
    assertThat(render("stock-depleted", "staff-alert", "fr").body()).doesNotContain("fil", "Dossier case_01JSAMPLE");
    assertThat(render("stock-depleted", "resolution", "es").body()).endsWith("Caso case_01JSAMPLE.");
  }
}
