package com.backordergateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The staff dashboard in Chromium against the demo gateway, as a new user meets it: the README's
 * example call opens a case, a read-only user sees it, its timeline and a delivery status change
 * arrive live, an admin retries dead letters, and what must be refused is refused. One gateway and
 * one browser serve the whole class (the tests run in order and build on each other's data); the
 * demo's {@code erp-webhook} instance is live against a fake receiver that checks each request's
 * signature and fails while told to, which makes the dead letters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

  /** The README's example call. */
  private static final String README_CALL = """
      {"sku":"ACR-TITANIUM-WHITE","on_hand":0,"cause":"INVENTORY_CAUSE_SALE","order":{"order_id":"ORD-5001","customer":{"email":"maya@example.com"}}}""";
  private static final String ERP_SECRET = "demo-signing-secret-0123";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir static Path dir;

  private final AtomicBoolean erpFailing = new AtomicBoolean(true);
  private final List<String> erpDeliveries = new java.util.concurrent.CopyOnWriteArrayList<>();
  private FakePlatform erp;
  private DemoGateway gateway;
  private ChromeDriver browser;
  private String readmeCase;

  @BeforeAll
  void start() throws Exception {
    erp = FakePlatform.start().answering(request -> {
      // The receiver checks what the README tells ERP teams to check: the signature over the raw body.
      String signature = request.header("X-Backorder-Signature").orElse("");
      if (!WebhookSignatures.matchesBase64(ERP_SECRET, request.body(), signature)) {
        return FakeResponse.json(401, "{\"error\":\"bad signature\"}");
      }
      erpDeliveries.add(request.header("X-Backorder-Delivery-Id").orElseThrow());
      return erpFailing.get() ? FakeResponse.json(400, "{\"error\":\"unknown SKU in the ERP\"}") : FakeResponse.json(200, "{}");
    });
    String demoErp = """
          - id: erp-webhook
            type: webhook
            mode: dry-run
            settings:
              url: https://erp.example-crafts.com/hooks/backorders""".stripIndent().indent(2).stripTrailing();
    gateway = DemoGateway.start(dir.resolve("gateway"), yaml -> {
      assertThat(yaml).as("the demo config's erp-webhook instance").contains(demoErp);
      return yaml.replace(demoErp, """
            - id: erp-webhook
              type: webhook
              settings:
                url: %s""".stripIndent().indent(2).stripTrailing().formatted(erp.url("/hooks/backorders")));
    });
    browser = Chromium.start(dir.resolve("profile"));
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (gateway != null) {
      gateway.close();
    }
    if (erp != null) {
      erp.close();
    }
  }

  @Test
  @Order(1)
  void aReadOnlyUserSignsInAndSeesTheCaseTheReadmeCallOpened() throws Exception {
    readmeCase = JSON.readTree(gateway.post("/v1/inventory-levels", DemoGateway.ADMIN_TOKEN, README_CALL).body())
        .get("caseIds").get(0).asText();

    browser.get(gateway.url("/dashboard"));
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard/sign-in");
    signIn(DemoGateway.VIEWER_TOKEN);
    assertThat(text(By.tagName("h1"))).isEqualTo("Overview");
    assertThat(text(By.className("who"))).contains("Signed in as viewer (read only)");
    Cookie session = browser.manage().getCookieNamed("bg_session");
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    assertThat(session.getPath()).isEqualTo("/dashboard");

    browser.findElement(By.linkText("Cases")).click();
    String row = "tr[data-case-id='" + readmeCase + "']";
    assertThat(text(By.cssSelector(row))).contains("ACR-TITANIUM-WHITE", "stock depleted", "open");
    assertThat(text(By.cssSelector(row + " td:nth-of-type(7)"))).as("affected orders").isEqualTo("1");
    Chromium.screenshot(browser, "cases");
  }

  @Test
  @Order(2)
  void aReadOnlyTokenCannotAct() throws Exception {
    String dead = awaitDeadErpDelivery();
    browser.get(gateway.url("/dashboard/deliveries?view=dead"));
    assertThat(text(By.cssSelector("tr[data-delivery-id='" + dead + "']")))
        .contains("erp-webhook", "unknown SKU in the ERP");
    assertThat(browser.findElements(By.cssSelector("button[name=one], #retry-selected, #retry-all")))
        .as("no actions are offered to a read-only user").isEmpty();

    // The endpoint itself refuses, even with the session's own CSRF token.
    HttpResponse<String> refused = gateway.postForm("/dashboard/deliveries/retry", sessionCookie(),
        "csrf=" + csrf() + "&one=" + dead);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("may look but not act");
    assertThat(status(dead)).isEqualTo("DELIVERY_STATUS_DEAD");
  }

  @Test
  @Order(3)
  void theTimelineShowsEveryNoticeAsSentAndAStatusChangeArrivesLive() throws Exception {
    browser.get(gateway.url("/dashboard/cases/" + readmeCase));
    assertThat(text(By.tagName("h1"))).contains("ACR-TITANIUM-WHITE");
    assertThat(text(By.className("timeline"))).contains("inventory level", "stock depleted",
        "case opened", "sold out (0 on hand)");

    JsonNode email = delivery(readmeCase, "customer-email");
    String emailNotice = "[data-delivery-id='" + email.get("id").asText() + "'] ";
    assertThat(text(By.cssSelector(emailNotice + ".subject"))).isEqualTo("Subject: " + email.get("subject").asText());
    assertThat(text(By.cssSelector(emailNotice + ".body"))).as("the body exactly as sent")
        .isEqualTo(email.get("body").asText().strip());

    String dead = awaitDeadErpDelivery();
    assertThat(text(By.cssSelector("[data-delivery-id='" + dead + "'] [data-status]"))).isEqualTo("dead");
    assertThat(text(By.cssSelector("[data-delivery-id='" + dead + "']"))).contains("unknown SKU in the ERP");

    browser.executeScript("window.stillTheSamePage = true;");
    await().atMost(PATIENCE).until(() -> text(By.id("live-state")).equals("Live"));
    erpFailing.set(false);
    gateway.post("/v1/deliveries:retry", DemoGateway.ADMIN_TOKEN, "{\"delivery_ids\":[\"" + dead + "\"]}");

    await().atMost(PATIENCE).until(() -> text(By.cssSelector("[data-delivery-id='" + dead + "'] [data-status]"))
        .equals("delivered"));
    assertThat(browser.executeScript("return window.stillTheSamePage === true;")).as("no reload").isEqualTo(true);
    assertThat(text(By.id("activity"))).contains("erp-webhook: delivery " + dead + " delivered");
    Chromium.screenshot(browser, "case-timeline");
  }

  @Test
  @Order(4)
  void anAdminRetriesDeadLettersOneSelectedAndAllMatching() throws Exception {
    erpFailing.set(true);
    List<String> dead = new ArrayList<>();
    for (String sku : List.of("BRUSH-SABLE-8", "CANVAS-16X20", "GESSO-1L")) {
      gateway.post("/v1/inventory-levels", DemoGateway.ADMIN_TOKEN, README_CALL.replace("ACR-TITANIUM-WHITE", sku)
          .replace("ORD-5001", "ORD-" + sku));
      dead.add(awaitDeadErpDelivery(sku));
    }
    erpFailing.set(false);
    signOut();
    signIn(DemoGateway.ADMIN_TOKEN);

    browser.get(gateway.url("/dashboard/deliveries?view=dead"));
    click(By.cssSelector("tr[data-delivery-id='" + dead.get(0) + "'] button[name=one]"));
    assertThat(text(By.className("flash"))).isEqualTo("1 delivery is queued again.");
    await().atMost(PATIENCE).until(() -> status(dead.get(0)).equals("DELIVERY_STATUS_DELIVERED"));

    click(By.id("select-" + dead.get(1)));
    click(By.id("retry-selected"));
    assertThat(text(By.className("flash"))).isEqualTo("1 delivery is queued again.");
    await().atMost(PATIENCE).until(() -> status(dead.get(1)).equals("DELIVERY_STATUS_DELIVERED"));
    assertThat(status(dead.get(2))).as("only the selected one").isEqualTo("DELIVERY_STATUS_DEAD");
    Chromium.screenshot(browser, "deliveries");

    browser.get(gateway.url("/dashboard/deliveries?view=dead&connector=erp-webhook"));
    click(By.id("retry-all"));
    assertThat(text(By.className("flash"))).isEqualTo("1 delivery is queued again.");
    await().atMost(PATIENCE).until(() -> status(dead.get(2)).equals("DELIVERY_STATUS_DELIVERED"));
    assertThat(erpDeliveries).as("each retried dead letter reached the receiver once more").containsAll(dead);
  }

  @Test
  @Order(5)
  void anActionWithoutTheSessionsCsrfTokenOrFromAnotherSiteIsRefused() throws Exception {
    erpFailing.set(true);
    gateway.post("/v1/inventory-levels", DemoGateway.ADMIN_TOKEN, README_CALL.replace("ACR-TITANIUM-WHITE", "INK-SEPIA")
        .replace("ORD-5001", "ORD-5099"));
    String dead = awaitDeadErpDelivery("INK-SEPIA");

    assertThat(gateway.postForm("/dashboard/deliveries/retry", sessionCookie(), "one=" + dead).statusCode()).isEqualTo(403);
    assertThat(gateway.postForm("/dashboard/deliveries/retry", sessionCookie(), "csrf=forged&one=" + dead).statusCode())
        .isEqualTo(403);
    assertThat(gateway.postForm("/dashboard/deliveries/retry", null, "csrf=" + csrf() + "&one=" + dead).statusCode())
        .as("no session").isEqualTo(401);
    // A form on another site, posted from this browser: SameSite=Strict keeps the cookie off it.
    browser.get("data:text/html,<form method=post action='" + gateway.url("/dashboard/deliveries/retry")
        + "'><input name=one value=" + dead + "><button id=go>go</button></form>");
    browser.findElement(By.id("go")).click();
    await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().startsWith("http"));
    assertThat(text(By.tagName("main"))).contains("Sign in again");
    assertThat(status(dead)).as("nothing was requeued").isEqualTo("DELIVERY_STATUS_DEAD");
  }

  @Test
  @Order(6)
  void textFromCustomersAndPlatformsStaysText() throws Exception {
    String script = "<script>window.xssRan = 1</script>";
    String image = "\"><img src=x onerror=\"window.xssRan = 2\">";
    String caseId = JSON.readTree(gateway.post("/v1/skus/YARN-MERINO-RED:markUnavailable", DemoGateway.ADMIN_TOKEN,
        JSON.createObjectNode()
            .put("reason", script)
            .put("actor", "warehouse")
            .set("affected_orders", JSON.createArrayNode().add(JSON.createObjectNode()
                .put("order_id", "ORD-7001")
                .put("order_name", image)
                .set("customer", JSON.createObjectNode().put("name", image).put("email", "sam@example.com"))))
            .toString()).body()).get("caseIds").get(0).asText();

    browser.get(gateway.url("/dashboard/cases?q=" + java.net.URLEncoder.encode("window.xssRan", "UTF-8")));
    assertThat(text(By.id("case-count"))).startsWith("1 matching");
    assertThat(text(By.cssSelector("tr[data-case-id='" + caseId + "']"))).contains("YARN-MERINO-RED");
    browser.get(gateway.url("/dashboard/cases/" + caseId));
    assertThat(text(By.cssSelector(".facts"))).contains(script);
    assertThat(text(By.cssSelector("main"))).contains(image);
    browser.get(gateway.url("/dashboard/deliveries?view=waiting"));
    browser.get(gateway.url("/dashboard/cases/" + caseId));
    assertThat(browser.findElements(By.tagName("img"))).as("no element came from the payload").isEmpty();
    assertThat(browser.executeScript("return typeof window.xssRan;")).isEqualTo("undefined");
    Chromium.screenshot(browser, "escaped-payloads");
  }

  @Test
  @Order(7)
  void theConnectorsPageShowsHealthAndTestsAndSwitchesAnInstance() throws Exception {
    browser.get(gateway.url("/dashboard/connectors"));
    assertThat(text(By.cssSelector("tr[data-connector-id='erp-webhook']"))).contains("webhook 0.1.0", "live", "started", "closed");
    assertThat(text(By.className("plugins"))).contains("twilio", "shopify", "airtable");
    assertThat(text(By.className("reloads"))).contains("loaded", "serving connector twilio");

    String email = "tr[data-connector-id='customer-email'] ";
    click(By.cssSelector(email + "summary"));
    // An open form holds the live refresh back, so the row stays put while it is filled in.
    browser.findElement(By.cssSelector(email + "input[name=email]")).sendKeys("ops@example-crafts.com");
    browser.findElement(By.cssSelector(email + ".test-send button")).click();
    assertThat(text(By.className("flash")))
        .contains("Test through customer-email: rendered (dry run).", "Sample Acrylic Paint");

    click(By.cssSelector("tr[data-connector-id='staff-slack'] .connector-actions button"));
    assertThat(text(By.className("flash"))).isEqualTo("staff-slack is disabled.");
    assertThat(text(By.cssSelector("tr[data-connector-id='staff-slack'] [data-state]")))
        .isEqualTo("disabled");
    click(By.cssSelector("tr[data-connector-id='staff-slack'] .connector-actions button"));
    assertThat(text(By.className("flash"))).isEqualTo("staff-slack is enabled.");
    Chromium.screenshot(browser, "connectors");
  }

  @Test
  @Order(8)
  void theOverviewDrawsItsChartsFromTheStore() throws Exception {
    browser.get(gateway.url("/dashboard"));
    assertThat(text(By.id("open-cases"))).isEqualTo("6");
    @SuppressWarnings("unchecked")
    List<String> charts = (List<String>) browser.executeScript(
        "return Array.from(document.querySelectorAll('svg[role=img]')).map(svg => svg.getAttribute('aria-label'));");
    assertThat(charts).anySatisfy(label -> assertThat(label).startsWith("erp-webhook: 4 delivered, 0 failed tries, 6 dead"))
        .anySatisfy(label -> assertThat(label).containsIgnoringCase("open cases"));
    Chromium.screenshot(browser, "overview");
  }

  @Test
  @Order(9)
  void everyPageWorksAt390PixelsAndByKeyboard() throws Exception {
    Chromium.resize(browser, 390, 844);
    try {
      for (String page : List.of("/dashboard", "/dashboard/cases", "/dashboard/cases/" + readmeCase,
          "/dashboard/deliveries?view=dead", "/dashboard/connectors")) {
        browser.get(gateway.url(page));
        assertThat((Boolean) browser.executeScript(
            "return document.documentElement.scrollWidth <= window.innerWidth;")).as(page + " fits 390 px").isTrue();
        assertThat(browser.executeScript("""
            return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
              .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.outerHTML);"""))
            .as(page + ": every field has a label").asList().isEmpty();
        if (page.endsWith("cases")) {
          Chromium.screenshot(browser, "cases-390");
        }
      }
      new Actions(browser).sendKeys(Keys.TAB).perform();
      assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
      new Actions(browser).sendKeys(Keys.ENTER).perform();
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    } finally {
      Chromium.resize(browser, 1280, 900);
    }
  }

  @Test
  @Order(10)
  void signingOutEndsTheSession() throws Exception {
    String cookie = sessionCookie();
    signOut();
    assertThat(browser.manage().getCookieNamed("bg_session")).isNull();
    browser.get(gateway.url("/dashboard/cases"));
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard/sign-in");
    assertThat(gateway.postForm("/dashboard/deliveries/retry", cookie, "csrf=x&one=y").statusCode())
        .as("the old cookie is worth nothing").isEqualTo(401);
  }

  private void signIn(String token) {
    browser.get(gateway.url("/dashboard/sign-in"));
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.cssSelector(".sign-in button")).click();
    await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().endsWith("/dashboard"));
  }

  /** The text of what {@code target} finds, found again if a live refresh replaced it meanwhile. */
  private String text(By target) {
    String[] text = new String[1];
    await().atMost(PATIENCE).ignoreExceptions().until(() -> {
      text[0] = browser.findElement(target).getText();
      return true;
    });
    return text[0];
  }

  /**
   * Clicks what {@code target} finds, finding it again if a live refresh replaced it meanwhile
   * (the page refreshes its content as changes arrive).
   */
  private void click(By target) {
    await().atMost(PATIENCE).ignoreExceptions().until(() -> {
      browser.findElement(target).click();
      return true;
    });
  }

  private void signOut() {
    browser.get(gateway.url("/dashboard"));
    browser.findElement(By.cssSelector(".who button")).click();
    await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().endsWith("/dashboard/sign-in"));
  }

  private String sessionCookie() {
    return "bg_session=" + browser.manage().getCookieNamed("bg_session").getValue();
  }

  /** The CSRF token the current page's forms carry. */
  private String csrf() {
    browser.get(gateway.url("/dashboard"));
    return browser.findElement(By.cssSelector(".who input[name=csrf]")).getAttribute("value");
  }

  private String awaitDeadErpDelivery() throws Exception {
    return awaitDeadErpDelivery("ACR-TITANIUM-WHITE");
  }

  /** The staff alert of the SKU's case on erp-webhook, once it is a dead letter. */
  private String awaitDeadErpDelivery(String sku) throws Exception {
    String[] found = new String[1];
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
      for (JsonNode d : deliveries("status=DELIVERY_STATUS_DEAD&connector_id=erp-webhook")) {
        if (d.path("facts").path("sku").asText().equals(sku)) {
          found[0] = d.get("id").asText();
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  private JsonNode delivery(String caseId, String connector) throws Exception {
    for (JsonNode d : deliveries("case_id=" + caseId + "&connector_id=" + connector)) {
      return d;
    }
    throw new AssertionError("no delivery of case " + caseId + " on " + connector);
  }

  private String status(String deliveryId) throws Exception {
    for (JsonNode d : deliveries("page_size=500")) {
      if (d.get("id").asText().equals(deliveryId)) {
        return d.get("status").asText();
      }
    }
    throw new AssertionError("no delivery " + deliveryId);
  }

  private JsonNode deliveries(String query) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url("/v1/deliveries?" + query)))
        .header("Authorization", "Bearer " + DemoGateway.ADMIN_TOKEN).build();
    String body = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    return JSON.readTree(body).path("deliveries");
  }
}
