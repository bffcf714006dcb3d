package com.backordergateway.plugins.trello;

import static com.backordergateway.plugins.trello.TrelloPayloads.ACTION;
import static com.backordergateway.plugins.trello.TrelloPayloads.BACKORDER;
import static com.backordergateway.plugins.trello.TrelloPayloads.CALLBACK;
import static com.backordergateway.plugins.trello.TrelloPayloads.CARD;
import static com.backordergateway.plugins.trello.TrelloPayloads.GATEWAY_MEMBER;
import static com.backordergateway.plugins.trello.TrelloPayloads.IN_STOCK;
import static com.backordergateway.plugins.trello.TrelloPayloads.RESOLVED;
import static com.backordergateway.plugins.trello.TrelloPayloads.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.ResolvedSignal;
import com.backordergateway.connector.api.UnavailableSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A SKU kept in a card's custom field, which Trello's webhooks leave out: asked of a fake Trello
 * with {@code GET /1/cards/<card>/customFieldItems?key&token}, answered as Trello answers it, with
 * the key and token in the query and in no log line or message.
 */
class TrelloCustomFieldSourceTest {

  private static final String KEY = "0123456789abcdef0123456789abcdef";
  private static final String TOKEN = "ATTA9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa99887766554433221100";
  private static final String FIELD = "65f1c0ffee0ddba11a5ef1e1";
  private static final String OTHER_FIELD = "65f1c0ffee0ddba11a5ef1e2";
  private static final String NAME_WITHOUT_SKU = "Titanium white, the big tube";

  private final FakePlatform trello = FakePlatform.start();
  private final TestConnectorContext context = TestConnectorContext.create();
  private final TrelloWebhookSource source = new TrelloWebhookSource();

  @AfterEach
  void stop() {
    trello.close();
  }

  private ConnectorSettings settings(Map<String, String> extra) {
    Map<String, String> configured = new HashMap<>(Map.of("app-secret", SECRET, "callback-url", CALLBACK,
        "backorder-list", BACKORDER, "resolved-list", RESOLVED, "sku-custom-field", FIELD, "api-key", KEY,
        "token", TOKEN, "base-url", trello.url().toString()));
    configured.putAll(extra);
    return ConnectorSettings.of(configured, source.settings());
  }

  private WebhookOutcome read(String body) throws WebhookRejectedException {
    return read(body, settings(Map.of()));
  }

  private WebhookOutcome read(String body, ConnectorSettings settings) throws WebhookRejectedException {
    WebhookRequest request = TrelloPayloads.delivery(body);
    source.verify(request, settings);
    return source.read(request, settings, context);
  }

  private static String item(String id, String field, String value) {
    return """
        {"id":"%s","idValue":null,"value":%s,"idCustomField":"%s","idModel":"%s","modelType":"card"}"""
        .formatted(id, value, field, CARD);
  }

  private static FakeResponse items(String... items) {
    return FakeResponse.json(200, "[" + String.join(",", items) + "]");
  }

  private void assertNoSecretLogged() {
    assertThat(context.loggedLines()).isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain(KEY).doesNotContain("token="));
  }

  @Test
  void theSkuIsTheCustomFieldsTextAskedOfTrelloWithTheKeyAndTokenInTheQuery() throws Exception {
    trello.enqueue(items(item("65f1c0ffee0ddba11a5e17e1", OTHER_FIELD, "{\"checked\":\"true\"}"),
        item("65f1c0ffee0ddba11a5e17e2", FIELD, "{\"text\":\" PAINT-ACR-120 \"}")));

    WebhookOutcome outcome = read(TrelloPayloads.createCard(NAME_WITHOUT_SKU, BACKORDER, "Backorder"));

    assertThat(outcome.signal()).contains(UnavailableSignal.of(ACTION, "PAINT-ACR-120",
        "card \"" + NAME_WITHOUT_SKU + "\" created in Backorder on Trello", "Dana Whitfield"));
    RecordedRequest asked = trello.onlyRequest();
    assertThat(asked.method()).isEqualTo("GET");
    assertThat(asked.path()).isEqualTo("/1/cards/" + CARD + "/customFieldItems");
    assertThat(asked.queryParameter("key")).hasValue(KEY);
    assertThat(asked.queryParameter("token")).hasValue(TOKEN);
    assertThat(asked.header("Accept")).hasValue("application/json");
    assertThat(asked.header("User-Agent")).hasValue(TestConnectorContext.DEFAULT_USER_AGENT);
    assertNoSecretLogged();
  }

  @Test
  void aNumberFieldNamesTheSkuToo() throws Exception {
    trello.enqueue(items(item("65f1c0ffee0ddba11a5e17e2", FIELD, "{\"number\":\"4711\"}")));

    WebhookOutcome outcome = read(TrelloPayloads.moveCard(NAME_WITHOUT_SKU, BACKORDER, "Backorder", RESOLVED,
        "Resolved"));

    assertThat(outcome.signal()).contains(new ResolvedSignal(ACTION, "4711", ResolvedSignal.Outcome.RESTOCKED, ""));
  }

  @Test
  void aCardWithoutTheFieldOrWithADropdownValueIsAcknowledgedAndIgnored() throws Exception {
    trello.enqueue(items(item("65f1c0ffee0ddba11a5e17e1", OTHER_FIELD, "{\"text\":\"PAINT-ACR-120\"}")),
        FakeResponse.json(200, "[]"),
        items("""
            {"id":"65f1c0ffee0ddba11a5e17e3","idValue":"65f1c0ffee0ddba11a5e0b71","idCustomField":"%s",\
            "idModel":"%s","modelType":"card"}""".formatted(FIELD, CARD)));
    String created = TrelloPayloads.createCard("ACR-TITANIUM-WHITE, name ignored", BACKORDER, "Backorder");

    WebhookOutcome other = read(created);
    assertThat(other.signal()).as("the name is not read when a custom field is set").isEmpty();
    assertThat(other.note()).contains("card " + CARD + " has no value in custom field " + FIELD);
    assertThat(read(created).note()).contains("has no value in custom field");
    assertThat(read(created).note()).contains("is a list (dropdown) field");
  }

  @Test
  void actionsTheSourceIgnoresCostNoLookUp() throws Exception {
    ConnectorSettings guarded = settings(Map.of("gateway-member-id", GATEWAY_MEMBER));
    read(TrelloPayloads.createCardBy(GATEWAY_MEMBER, NAME_WITHOUT_SKU, BACKORDER, "Backorder"), guarded);
    read(TrelloPayloads.moveCard(NAME_WITHOUT_SKU, BACKORDER, "Backorder", IN_STOCK, "In stock"));
    read(TrelloPayloads.renameCard("old", NAME_WITHOUT_SKU));
    read(TrelloPayloads.comment());
    assertThat(trello.requestCount()).isZero();
  }

  @Test
  void aRateLimitedOrFailingTrelloAsksTrelloToDeliverAgainLater() {
    trello.enqueue(FakeResponse.json(429,
            "{\"error\":\"API_TOKEN_LIMIT_EXCEEDED\",\"message\":\"Rate limit exceeded for token " + TOKEN + "\"}"),
        FakeResponse.status(503).body("Service Unavailable"), FakeResponse.dropConnection());
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> read(TrelloPayloads.createCard(NAME_WITHOUT_SKU, BACKORDER, "Backorder")))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
            assertThat(e.retryLater()).isTrue();
            assertThat(e.getMessage()).contains("custom field " + FIELD + " of card " + CARD)
                .doesNotContain(TOKEN).doesNotContain(KEY);
          });
    }
    assertThat(trello.requestCount()).as("the JDK client sends a GET once more after a dropped connection")
        .isBetween(3, 4);
    assertThat(context.loggedLines()).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain(KEY));
  }

  @Test
  void aRefusedLookUpIsMalformedWithTrellosTextAndWithoutTheSecrets() {
    trello.enqueue(FakeResponse.status(401).body("invalid token"),
        FakeResponse.status(404).body("The requested resource was not found."));
    for (String text : new String[] {"invalid token", "The requested resource was not found."}) {
      assertThatThrownBy(() -> read(TrelloPayloads.createCard(NAME_WITHOUT_SKU, BACKORDER, "Backorder")))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
            assertThat(e.retryLater()).isFalse();
            assertThat(e.unauthenticated()).as("the webhook itself is authentic").isFalse();
            assertThat(e.getMessage()).contains(text).contains("/1/cards/" + CARD + "/customFieldItems")
                .doesNotContain(TOKEN).doesNotContain(KEY).doesNotContain("token=");
          });
    }
    assertNoSecretLogged();
  }

  @Test
  void anAnswerThatIsNotAListOfItemsIsMalformed() {
    trello.enqueue(FakeResponse.json(200, "{\"id\":\"" + CARD + "\"}"));
    assertThatThrownBy(() -> read(TrelloPayloads.createCard(NAME_WITHOUT_SKU, BACKORDER, "Backorder")))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
          assertThat(e.retryLater() || e.unauthenticated()).isFalse();
          assertThat(e.getMessage()).contains("other than a list").doesNotContain(TOKEN);
        });
  }
}
