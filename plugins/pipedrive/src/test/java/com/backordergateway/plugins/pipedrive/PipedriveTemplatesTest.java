package com.backordergateway.plugins.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.testkit.TemplatesContract;
import com.backordergateway.rendering.RenderedMessage;
import com.backordergateway.rendering.TemplateNames;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The note and activity texts the plugin ships, read by the deal's owner: what is missing from
 * the customer's order, whom to call and what to offer (the subject is the activity's), for the
 * first notice, a new date and the resolution, in English, French and Spanish. The testkit's
 * contract, within the 100,000 characters of a note.
 */
class PipedriveTemplatesTest extends TemplatesContract {

  @Override
  protected OptionalInt maxBodyLength() {
    return OptionalInt.of(PipedriveSession.MAX_NOTE);
  }

  @Test
  void everyTriggerAndCustomerPurposeHasANoteText() {
    assertThat(shipped()).hasSize(TemplateNames.TRIGGERS.size()
        * TemplateNames.CUSTOMER_NAMES.size());
  }

  @Test
  void theNoteTellsTheOwnerWhatHappenedAndWhomToCall() {
    RenderedMessage customer = render("stock-depleted", "customer-notice", "en");
    assertThat(customer.body()).contains("Please check in with Maya Okafor (maya@example.com, +14155550123)")
        .doesNotContain("posted", "Backorder case").endsWith("or to take an alternative.");
    assertThat(render("stock-depleted", "customer-notice", "fr").subject()).startsWith("À suivre avec le client");
    assertThat(render("stock-depleted", "resolution", "es").body()).endsWith("Caso case_01JSAMPLE.");
  }
}
