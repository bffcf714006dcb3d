package com.backordergateway.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Block Kit message: layout, facts, mrkdwn escaping and Block Kit's length limits. */
class SlackMessageTest {

  private static final PlatformJson JSON = PlatformJson.get();

  @Test
  void theStaffAlertBecomesHeaderBodyFieldsAndContext() throws Exception {
    JsonNode message = tree(SlackSamples.staffAlert());
    assertThat(message.get("text").asText()).isEqualTo(SlackSamples.SUBJECT + "\n" + SlackSamples.BODY);
    assertThat(message.toString()).isEqualTo("{\"text\":" + quoted(SlackSamples.SUBJECT + "\n" + SlackSamples.BODY)
        + ",\"blocks\":["
        + "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":" + quoted(SlackSamples.SUBJECT)
        + ",\"emoji\":true}},"
        + "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":" + quoted(SlackSamples.BODY) + "}},"
        + "{\"type\":\"section\",\"fields\":["
        + "{\"type\":\"mrkdwn\",\"text\":\"*SKU*\\nACR-TITANIUM-WHITE\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Order*\\nORD-5001\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*Status*\\nBackordered\"},"
        + "{\"type\":\"mrkdwn\",\"text\":\"*ETA*\\n<!date^1776182400^{date_short}|2026-04-14>\"}]},"
        + "{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":\"Case case_01JSAMPLE · Maple &amp; Thread Crafts\"}]}"
        + "]}");
  }

  @Test
  void textFromOutsideIsEscapedSoItCannotMentionOrLink() throws Exception {
    Map<String, String> facts = SlackSamples.facts();
    facts.put("sku", "PAINT<RED>");
    facts.put("reason", "<!channel> see <https://evil.example|this>");
    JsonNode message = tree(SlackSamples.withMessage("Paint & Co <Red>",
        "Paint & Co <Red> (PAINT<RED>) was marked unavailable: <!channel> see <https://evil.example|this>.", facts));

    String escaped = "Paint &amp; Co &lt;Red&gt; (PAINT&lt;RED&gt;) was marked unavailable: &lt;!channel&gt; see "
        + "&lt;https://evil.example|this&gt;.";
    assertThat(message.get("text").asText()).isEqualTo("Paint &amp; Co &lt;Red&gt;\n" + escaped);
    assertThat(message.at("/blocks/0/text/text").asText()).as("plain_text headers are not mrkdwn").isEqualTo("Paint & Co <Red>");
    assertThat(message.at("/blocks/1/text/text").asText()).isEqualTo(escaped);
    assertThat(message.at("/blocks/2/fields/0/text").asText()).isEqualTo("*SKU*\nPAINT&lt;RED&gt;");
  }

  @Test
  void supplierAndPoAppearWhenKnownAndEtaLeavesOnceResolved() {
    Map<String, String> delayed = SlackSamples.facts();
    delayed.put("status", "delayed");
    delayed.put("supplier", "Golden Artist Colors");
    delayed.put("po_number", "PO-2041");
    assertThat(SlackFacts.fields(SlackSamples.withMessage("", "late", delayed))).containsExactly(
        "*SKU*\nACR-TITANIUM-WHITE", "*Order*\nORD-5001", "*Status*\nDelayed",
        "*ETA*\n<!date^1776182400^{date_short}|2026-04-14>", "*Supplier*\nGolden Artist Colors", "*PO*\nPO-2041");

    Map<String, String> restocked = SlackSamples.facts();
    restocked.put("status", "restocked");
    restocked.put("order_id", "");
    assertThat(SlackFacts.fields(SlackSamples.withMessage("", "back", restocked)))
        .containsExactly("*SKU*\nACR-TITANIUM-WHITE", "*Status*\nRestocked");
  }

  @Test
  void etaIsADateTokenWithAFallbackOrSaysItIsNotKnown() {
    assertThat(SlackFacts.eta("2026-04-14T16:00:00Z")).isEqualTo("<!date^1776182400^{date_short}|2026-04-14>");
    assertThat(SlackFacts.eta("")).isEqualTo("Not known yet");
    assertThat(SlackFacts.eta("mid <April>")).isEqualTo("mid &lt;April&gt;");
  }

  @Test
  void withoutFactsOrSubjectOnlyTheBodyIsSent() throws Exception {
    JsonNode message = tree(SlackSamples.withMessage("", "PAINT-CADMIUM-RED is unavailable.", Map.of()));
    assertThat(message.get("text").asText()).isEqualTo("PAINT-CADMIUM-RED is unavailable.");
    assertThat(message.get("blocks")).hasSize(2);
    assertThat(message.at("/blocks/0/type").asText()).isEqualTo("section");
    assertThat(message.at("/blocks/1/fields/0/text").asText()).isEqualTo("*ETA*\nNot known yet");
  }

  @Test
  void longTextIsCutToBlockKitsLimitsWithoutBreakingAnEscape() throws Exception {
    String body = "x".repeat(2996) + "&" + "y".repeat(5000);
    JsonNode message = tree(SlackSamples.withMessage("S".repeat(200), body, Map.of()));
    String section = message.at("/blocks/1/text/text").asText();
    assertThat(section).hasSizeLessThanOrEqualTo(SlackMessage.SECTION_TEXT_MAX).isEqualTo("x".repeat(2996) + "…");
    assertThat(message.at("/blocks/0/text/text").asText()).hasSize(SlackMessage.HEADER_MAX).endsWith("S…");
    assertThat(message.get("text").asText()).endsWith("y".repeat(10)).contains("&amp;");
  }

  @Test
  void cuttingNeverSplitsAnEmoji() {
    String text = "a".repeat(8) + "\uD83C\uDFA8" + "b";
    assertThat(SlackMrkdwn.fit(text, 10)).isEqualTo("a".repeat(8) + "…");
    assertThat(SlackMrkdwn.fitPlain(text, 10)).isEqualTo("a".repeat(8) + "…");
    assertThat(SlackMrkdwn.fit("short", 10)).isEqualTo("short");
  }

  @Test
  void anEmptyMessageIsRefused() {
    assertThatThrownBy(() -> SlackMessage.of(SlackSamples.withMessage(" ", "\n", Map.of())))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("empty");
  }

  /** The message as sent: written and read back. */
  private static JsonNode tree(Notification notification) throws Exception {
    return JSON.read(JSON.write(SlackMessage.of(notification))).orElseThrow();
  }

  private static String quoted(String text) {
    return JSON.write(TextNode.valueOf(text));
  }
}
