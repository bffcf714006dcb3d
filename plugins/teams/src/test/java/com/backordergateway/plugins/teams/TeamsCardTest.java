package com.backordergateway.plugins.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Adaptive Card envelope: exact shape, facts, line handling. */
class TeamsCardTest {

  private static final PlatformJson JSON = PlatformJson.get();

  @Test
  void theStaffAlertBecomesTheEnvelopeTeamsExpects() throws Exception {
    JsonNode envelope = card(TeamsSamples.staffAlert());
    String expected = """
        {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{
        "$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.2",
        "msteams":{"width":"Full"},"body":[
        {"type":"TextBlock","text":"Sold out: Titanium White Acrylic 120 ml","wrap":true,"size":"Medium","weight":"Bolder"},
        {"type":"TextBlock","text":"%s","wrap":true},
        {"type":"FactSet","facts":[{"title":"SKU","value":"ACR-TITANIUM-WHITE"},{"title":"Order","value":"ORD-5001"},
        {"title":"Status","value":"Backordered"},{"title":"ETA","value":"{{DATE(2026-04-14T16:00:00Z, SHORT)}}"}]},
        {"type":"TextBlock","text":"Case case_01JSAMPLE · Maple & Thread Crafts","wrap":true,"isSubtle":true,"size":"Small","spacing":"Small"}
        ]}}]}""".formatted(TeamsSamples.BODY).replace("\n", "");
    assertThat(envelope).isEqualTo(JSON.read(expected).orElseThrow());
  }

  @Test
  void eachLineOfTheBodyIsItsOwnTextBlock() throws Exception {
    JsonNode body = card(TeamsSamples.withMessage("", "First line.\n\n  Second line.\r\nThird.", Map.of()))
        .at("/attachments/0/content/body");
    assertThat(body).extracting(block -> block.path("text").asText())
        .containsExactly("First line.", "Second line.", "Third.", "");
    assertThat(body.get(3).get("type").asText()).isEqualTo("FactSet");
    assertThat(body.get(3).at("/facts/0/value").asText()).as("the only fact when nothing is known").isEqualTo("Not known yet");
  }

  @Test
  void supplierAndPoAppearWhenKnownAndEtaLeavesOnceResolved() {
    Map<String, String> delayed = TeamsSamples.facts();
    delayed.put("status", "delayed");
    delayed.put("supplier", "Golden Artist Colors");
    delayed.put("po_number", "PO-2041");
    assertThat(TeamsFacts.facts(TeamsSamples.withMessage("", "late", delayed))).containsExactly(
        new TeamsFacts.Fact("SKU", "ACR-TITANIUM-WHITE"), new TeamsFacts.Fact("Order", "ORD-5001"),
        new TeamsFacts.Fact("Status", "Delayed"), new TeamsFacts.Fact("ETA", "{{DATE(2026-04-14T16:00:00Z, SHORT)}}"),
        new TeamsFacts.Fact("Supplier", "Golden Artist Colors"), new TeamsFacts.Fact("PO", "PO-2041"));

    Map<String, String> cancelled = TeamsSamples.facts();
    cancelled.put("status", "cancelled");
    assertThat(TeamsFacts.facts(TeamsSamples.withMessage("", "gone", cancelled))).extracting(TeamsFacts.Fact::title)
        .containsExactly("SKU", "Order", "Status");
  }

  @Test
  void etaUsesTheCardsDateFunctionWithWholeSeconds() {
    assertThat(TeamsFacts.eta("2026-04-14T16:00:00.123456Z")).isEqualTo("{{DATE(2026-04-14T16:00:00Z, SHORT)}}");
    assertThat(TeamsFacts.eta("")).isEqualTo("Not known yet");
    assertThat(TeamsFacts.eta("mid April")).isEqualTo("mid April");
  }

  @Test
  void anEmptyMessageIsRefused() {
    assertThatThrownBy(() -> TeamsCard.of(TeamsSamples.withMessage(" ", "\n", Map.of())))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("empty");
  }

  /** The card as sent: written and read back. */
  private static JsonNode card(Notification notification) throws Exception {
    return JSON.read(JSON.write(TeamsCard.of(notification))).orElseThrow();
  }
}
