package com.backordergateway.plugins.shopify;

import static com.backordergateway.plugins.shopify.ShopifyPayloads.ITEM_ID;
import static com.backordergateway.plugins.shopify.ShopifyPayloads.SECRET;
import static com.backordergateway.plugins.shopify.ShopifyPayloads.WEBHOOK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.InvalidSettingsException;
import com.backordergateway.connector.api.StockSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code inventory_levels/update}: the level of a tracked item is its SKU's stock level, the SKU
 * asked of the Admin GraphQL API the way Shopify answers it, once per item while cached.
 */
class ShopifyInventorySourceTest {

  private static final String TOKEN = "shpat_0123456789abcdef0123456789abcdef";

  private final FakePlatform shopify = FakePlatform.start();
  private final TestConnectorContext context = TestConnectorContext.builder().build();
  private final ShopifyWebhookSource source = new ShopifyWebhookSource();

  @AfterEach
  void stop() {
    shopify.close();
  }

  private ConnectorSettings settings(Map<String, String> extra) {
    Map<String, String> configured = new HashMap<>(Map.of("secret", SECRET, "shop-domain", "maple-thread.myshopify.com",
        "access-token", TOKEN, "base-url", shopify.url().toString()));
    configured.putAll(extra);
    return ConnectorSettings.of(configured, source.settings());
  }

  private static FakeResponse item(String sku) {
    return FakeResponse.json(200, """
        {"data":{"inventoryItem":{"sku":%s,"tracked":true}},\
        "extensions":{"cost":{"requestedQueryCost":1,"actualQueryCost":1}}}""".formatted(sku));
  }

  private WebhookOutcome read(WebhookRequest request, ConnectorSettings settings) throws Exception {
    source.verify(request, settings);
    return source.read(request, settings, context);
  }

  private static WebhookRequest level(String available) {
    return ShopifyPayloads.delivery("inventory_levels/update", ShopifyPayloads.inventoryLevel(ITEM_ID, available));
  }

  @Test
  void aLevelOfZeroIsAStockOutOfTheItemsSkuAskedOfTheAdminApi() throws Exception {
    shopify.enqueue(item("\"ACR-TITANIUM-WHITE\""));

    WebhookOutcome outcome = read(level("0"), settings(Map.of()));

    StockSignal stock = (StockSignal) outcome.signal().orElseThrow();
    assertThat(stock).isEqualTo(new StockSignal(WEBHOOK_ID, "ACR-TITANIUM-WHITE", 0,
        Optional.of(Instant.parse("2026-03-02T09:29:41Z")), ""));
    assertThat(stock.stockedOut()).isTrue();
    RecordedRequest asked = shopify.onlyRequest();
    assertThat(asked.method()).isEqualTo("POST");
    assertThat(asked.path()).isEqualTo("/admin/api/2026-10/graphql.json");
    assertThat(asked.header("X-Shopify-Access-Token")).hasValue(TOKEN);
    assertThat(asked.json().get("query").asText()).contains("inventoryItem(id: $id)").contains("sku");
    assertThat(asked.json().get("variables").get("id").asText())
        .as("the id exactly, never rounded through a double").isEqualTo("gid://shopify/InventoryItem/" + ITEM_ID);
  }

  @Test
  void twoLevelsOfOneItemCostOneLookUpUntilTheCacheEntryExpires() throws Exception {
    shopify.enqueue(item("\"ACR-ULTRAMARINE\""), item("\"ACR-ULTRAMARINE-2\""));
    ConnectorSettings settings = settings(Map.of());

    StockSignal first = (StockSignal) read(level("-2"), settings).signal().orElseThrow();
    StockSignal second = (StockSignal) read(level("24"), settings).signal().orElseThrow();

    assertThat(first.onHand()).isEqualTo(-2);
    assertThat(second.onHand()).isEqualTo(24);
    assertThat(second.stockedOut()).isFalse();
    assertThat(second.sku()).isEqualTo("ACR-ULTRAMARINE");
    assertThat(shopify.requestCount()).as("one Admin API call for two webhooks of one item").isEqualTo(1);

    context.clock().advance(InventoryItemSkus.TTL.plus(Duration.ofSeconds(1)));
    assertThat(((StockSignal) read(level("24"), settings).signal().orElseThrow()).sku())
        .as("a SKU renamed in the admin is seen once the entry expires").isEqualTo("ACR-ULTRAMARINE-2");
    assertThat(shopify.requestCount()).isEqualTo(2);
  }

  @Test
  void anUntrackedItemAnItemWithoutASkuAndAnotherLocationAreAcknowledgedAndIgnored() throws Exception {
    shopify.enqueue(item("\"\""));

    assertThat(read(level("null"), settings(Map.of())).note()).contains("not tracked");
    assertThat(shopify.requestCount()).as("no look-up for an untracked item").isZero();
    assertThat(read(level("0"), settings(Map.of())).note()).contains("has no SKU");
    WebhookOutcome elsewhere = read(level("0"), settings(Map.of("location-id", "1234")));
    assertThat(elsewhere.signal()).isEmpty();
    assertThat(elsewhere.note()).contains("location 65482391, not 1234");
  }

  @Test
  void aBusyOrDownAdminApiAsksShopifyToDeliverAgainLater() throws Exception {
    shopify.enqueue(FakeResponse.json(429, "{\"errors\":\"Exceeded 2 calls per second for api client.\"}")
        .header("Retry-After", "2.0"), FakeResponse.status(503));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> read(level("0"), settings(Map.of())))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
            assertThat(e.retryLater()).isTrue();
            assertThat(e.getMessage()).contains("inventory item " + ITEM_ID).doesNotContain(TOKEN);
          });
    }
  }

  @Test
  void aRefusedTokenIsAClearErrorWithoutTheToken() {
    shopify.enqueue(FakeResponse.json(401,
        "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}"));
    assertThatThrownBy(() -> read(level("0"), settings(Map.of())))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
          assertThat(e.retryLater()).isFalse();
          assertThat(e.unauthenticated()).as("the webhook itself is authentic").isFalse();
          assertThat(e.getMessage()).contains("refused the SKU look-up").doesNotContain(TOKEN);
        });
  }

  @Test
  void withoutTheAdminApiALevelIsAClearErrorAndOrdersStillWork() throws Exception {
    ConnectorSettings secretOnly = ConnectorSettings.of(Map.of("secret", SECRET), source.settings());
    assertThatThrownBy(() -> read(level("0"), secretOnly)).isInstanceOfSatisfying(WebhookRejectedException.class,
        e -> assertThat(e.getMessage()).contains("set shop-domain and access-token"));
    WebhookOutcome order = read(ShopifyPayloads.delivery(ShopifyPayloads.order("backorder")), secretOnly);
    assertThat(order.signal()).isPresent();
    assertThat(read(ShopifyPayloads.delivery(ShopifyPayloads.order("vip")), secretOnly).note())
        .contains("not a backordered order");
  }

  @Test
  void aShopDomainWithoutATokenIsRefusedNamingTheMissingKey() {
    ConnectorSettings half = ConnectorSettings.of(
        Map.of("secret", SECRET, "shop-domain", "maple-thread.myshopify.com"), source.settings());
    assertThatThrownBy(() -> read(level("0"), half)).isInstanceOfSatisfying(InvalidSettingsException.class,
        e -> assertThat(e.key()).isEqualTo("access-token"));
  }

  @Test
  void aLevelThatIsNotAWholeNumberOrHasNoItemIsMalformed() {
    for (WebhookRequest bad : new WebhookRequest[] {level("2.5"), level("\"many\""),
        ShopifyPayloads.delivery("inventory_levels/update", "{\"available\":0}")}) {
      assertThatThrownBy(() -> read(bad, settings(Map.of()))).isInstanceOfSatisfying(WebhookRejectedException.class,
          e -> assertThat(e.retryLater() || e.unauthenticated()).isFalse());
    }
    assertThat(shopify.requestCount()).isZero();
  }
}
