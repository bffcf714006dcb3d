package com.backordergateway.plugins.woocommerce;

import static com.backordergateway.plugins.woocommerce.WooPayloads.DELIVERY_ID;
import static com.backordergateway.plugins.woocommerce.WooPayloads.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.StockSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code product.updated}: a managed stock quantity is the SKU's level; nothing else is. */
class WooCommerceProductSourceTest {

  private final WooCommerceWebhookSource source = new WooCommerceWebhookSource();
  private final ConnectorSettings settings = ConnectorSettings.of(Map.of("secret", SECRET), source.settings());
  private final TestConnectorContext context = TestConnectorContext.create();

  private WebhookOutcome read(WebhookRequest request) throws Exception {
    source.verify(request, settings);
    return source.read(request, settings, context);
  }

  private static WebhookRequest product(String manageStock, String quantity, String status) {
    return WooPayloads.delivery("product.updated", WooPayloads.product(manageStock, quantity, status));
  }

  @Test
  void aManagedProductAtZeroOrBelowIsAStockOutOfItsSku() throws Exception {
    StockSignal out = (StockSignal) read(product("true", "0", "onbackorder")).signal().orElseThrow();
    assertThat(out).isEqualTo(new StockSignal(DELIVERY_ID + ":794", "ACR-TITANIUM-WHITE", 0,
        Optional.of(Instant.parse("2026-03-02T09:29:41Z")), "paint"));
    assertThat(out.stockedOut()).isTrue();
    assertThat(((StockSignal) read(product("true", "-3", "onbackorder")).signal().orElseThrow()).onHand()).isEqualTo(-3);
  }

  @Test
  void aPositiveManagedLevelIsReportedSoItResolvesAnOpenCase() throws Exception {
    StockSignal back = (StockSignal) read(product("true", "48", "instock")).signal().orElseThrow();
    assertThat(back.onHand()).isEqualTo(48);
    assertThat(back.stockedOut()).isFalse();
  }

  @Test
  void stockWooCommerceDoesNotCountAndProductsWithoutASkuAreAcknowledgedAndIgnored() throws Exception {
    assertThat(read(product("false", "null", "outofstock")).note()).contains("does not manage the stock");
    assertThat(read(product("\"parent\"", "null", "onbackorder")).signal()).as("a variation whose parent counts").isEmpty();
    String noSku = WooPayloads.product("true", "0", "outofstock").replace("\"sku\":\"ACR-TITANIUM-WHITE\"", "\"sku\":\"\"");
    assertThat(read(WooPayloads.delivery("product.updated", noSku)).note()).contains("has no SKU");
  }

  @Test
  void aTamperedProductIsRefusedBeforeItIsRead() {
    WebhookRequest signed = product("true", "0", "outofstock");
    byte[] tampered = new String(signed.body(), StandardCharsets.UTF_8).replace("\"stock_quantity\":0", "\"stock_quantity\":9")
        .getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = new WebhookRequest(WooPayloads.headers("product.updated", signed.body(), SECRET), tampered);
    assertThatThrownBy(() -> source.verify(request, settings)).isInstanceOfSatisfying(WebhookRejectedException.class,
        e -> assertThat(e.unauthenticated()).isTrue());
  }

  @Test
  void aProductBodyWithoutAnIdOrWithAFractionalQuantityIsMalformed() {
    for (String body : new String[] {"{\"sku\":\"X-1\",\"manage_stock\":true,\"stock_quantity\":0}",
        WooPayloads.product("true", "2.5", "instock"), "not json"}) {
      assertThatThrownBy(() -> read(WooPayloads.delivery("product.updated", body)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.unauthenticated()).isFalse());
    }
  }

  @Test
  void ordersAndThePingReadAsBefore() throws Exception {
    assertThat(read(WooPayloads.ping("webhook_id=12")).signal()).isEmpty();
    assertThat(read(WooPayloads.delivery("product.created", WooPayloads.product("true", "0", "outofstock"))).signal())
        .as("only product.updated").isEmpty();
  }
}
