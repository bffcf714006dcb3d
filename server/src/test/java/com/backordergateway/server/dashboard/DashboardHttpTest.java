package com.backordergateway.server.dashboard;

import static com.backordergateway.server.dashboard.DashboardClient.assertSeeOther;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.ConnectorState;
import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.server.testing.GatewayTest;
import com.backordergateway.server.testing.TestGateway;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard over HTTP, as a browser and as an attacker reach it: sign-in and sessions, the
 * headers every page carries, markup with no inline script, escaped payloads, refused actions
 * that change nothing, and bad input answered 400.
 */
class DashboardHttpTest extends GatewayTest {

  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMAGE = "\"><img src=x onerror=alert(2)>";
  private static final List<String> PAGES = List.of("/dashboard", "/dashboard/cases", "/dashboard/cases?status=CASE_STATUS_UNSPECIFIED",
      "/dashboard/deliveries", "/dashboard/deliveries?view=waiting", "/dashboard/deliveries?view=in-flight",
      "/dashboard/connectors", "/dashboard/sign-in");

  private DashboardClient browser;
  private String caseId;

  @BeforeEach
  void openACaseWithHostileText() {
    browser = new DashboardClient(gateway.httpPort());
    caseId = gateway.backorder().markUnavailable(MarkUnavailableRequest.newBuilder()
        .setSku("YARN-MERINO-RED").setReason(SCRIPT).setActor("warehouse")
        .addAffectedOrders(CustomerOrder.newBuilder().setOrderId("ORD-1").setOrderName(IMAGE)
            .setCustomer(Customer.newBuilder().setName(IMAGE).setEmail("sam@example.com")))
        .build()).getCaseIds(0);
  }

  @Test
  void aPageWithoutASessionSendsTheBrowserToSignIn() throws Exception {
    for (String page : PAGES.subList(0, PAGES.size() - 1)) {
      assertSeeOther(browser.get(page), "/dashboard/sign-in");
    }
    assertThat(browser.get("/dashboard/live").statusCode()).isEqualTo(303);
  }

  @Test
  void signInSetsAStrictHttpOnlySessionCookieAndRefusesWhatItShould() throws Exception {
    HttpResponse<String> form = browser.get("/dashboard/sign-in");
    assertThat(form.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("bg_signin=", "HttpOnly", "SameSite=Strict", "Path=/dashboard").doesNotContain("Secure");

    HttpResponse<String> unknown = browser.signIn("not-a-token");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).contains("not one of this gateway&#39;s API tokens");
    assertThat(browser.post("/dashboard/sign-in", "token=" + TestGateway.ALL_SCOPES_TOKEN).statusCode())
        .as("without the form's nonce").isEqualTo(403);
    assertThat(browser.post("/dashboard/sign-in", "nonce=x&token=" + TestGateway.ALL_SCOPES_TOKEN).statusCode())
        .as("a nonce other than the cookie's").isEqualTo(403);

    HttpResponse<String> signedIn = browser.signIn(TestGateway.READ_ONLY_TOKEN);
    assertSeeOther(signedIn, "/dashboard");
    assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
        .startsWith("bg_session=").contains("HttpOnly", "SameSite=Strict", "Path=/dashboard"));
    assertThat(signedIn.headers().allValues("Set-Cookie").toString()).as("the token never goes back to the browser")
        .doesNotContain(TestGateway.READ_ONLY_TOKEN);
    assertThat(browser.get("/dashboard").body()).contains("Signed in as <strong>reader</strong> (read only)");
  }

  @Test
  void everyPageForbidsInlineScriptAndCarriesNone() throws Exception {
    browser.signIn(TestGateway.ALL_SCOPES_TOKEN);
    Pattern inlineScript = Pattern.compile("<script(?![^>]*\\ssrc=)", Pattern.CASE_INSENSITIVE);
    Pattern handlerOrStyle = Pattern.compile("<[^>]+\\s(on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);
    for (String page : concat(PAGES, "/dashboard/cases/" + caseId)) {
      HttpResponse<String> answer = browser.get(page);
      assertThat(answer.statusCode()).as(page).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(page)
          .hasValue(DashboardGuard.CONTENT_SECURITY_POLICY);
      assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(inlineScript.matcher(answer.body()).find()).as(page + " has an inline script").isFalse();
      assertThat(handlerOrStyle.matcher(answer.body()).find()).as(page + " has an event handler or style attribute")
          .isFalse();
    }
    assertThat(DashboardGuard.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe-inline");
  }

  @Test
  void textFromCustomersAndStaffIsEscapedWhereverItIsShown() throws Exception {
    browser.signIn(TestGateway.READ_ONLY_TOKEN);
    for (String page : List.of("/dashboard/cases/" + caseId, "/dashboard/cases?q=alert", "/dashboard/deliveries?view=waiting")) {
      String html = browser.get(page).body();
      assertThat(html).as(page).doesNotContain(SCRIPT).doesNotContain("<img").doesNotContain("onerror=alert");
    }
    String casePage = browser.get("/dashboard/cases/" + caseId).body();
    assertThat(casePage).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src&#61;x onerror&#61;alert(2)&gt;");
    assertThat(casePage).as("email and SMS for the order, Slack for staff").contains("3 notifications planned");
  }

  @Test
  void aReadOnlySessionMayLookButItsActionsAnswer403AndChangeNothing() throws Exception {
    browser.signIn(TestGateway.READ_ONLY_TOKEN);
    String csrf = browser.csrf();
    assertThat(browser.get("/dashboard/connectors").body()).as("no action forms for a read-only session")
        .doesNotContain("action=\"/dashboard/connectors/email/enabled\"")
        .doesNotContain("action=\"/dashboard/connectors/email/test\"");

    HttpResponse<String> disable = browser.post("/dashboard/connectors/email/enabled", "csrf=" + csrf + "&enabled=false");
    assertThat(disable.statusCode()).isEqualTo(403);
    assertThat(disable.body()).contains("may look but not act");
    String dead = deadDelivery();
    assertThat(browser.post("/dashboard/deliveries/retry", "csrf=" + csrf + "&one=" + dead).statusCode()).isEqualTo(403);
    assertThat(browser.post("/dashboard/connectors/email/test", "csrf=" + csrf + "&dry_run=true").statusCode()).isEqualTo(403);

    assertThat(gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listConnectors(
        com.backordergateway.api.v1.ListConnectorsRequest.getDefaultInstance()).getInstancesList())
        .filteredOn(i -> i.getId().equals("email")).allSatisfy(i -> assertThat(i.getState())
            .isNotEqualTo(ConnectorState.CONNECTOR_STATE_DISABLED));
    assertThat(status(dead)).isEqualTo(DeliveryStatus.DELIVERY_STATUS_DEAD);
  }

  @Test
  void anActionNeedsTheSessionsCsrfTokenAndTheDashboardsOrigin() throws Exception {
    browser.signIn(TestGateway.ALL_SCOPES_TOKEN);
    String csrf = browser.csrf();
    assertThat(browser.get("/dashboard/connectors").body()).as("an admin gets the forms")
        .contains("action=\"/dashboard/connectors/email/enabled\"", "action=\"/dashboard/connectors/email/test\"");
    String dead = deadDelivery();
    assertThat(browser.post("/dashboard/deliveries/retry", "one=" + dead).statusCode()).as("no token").isEqualTo(403);
    assertThat(browser.post("/dashboard/deliveries/retry", "csrf=" + csrf.substring(1) + "&one=" + dead).statusCode())
        .as("a wrong token").isEqualTo(403);
    assertThat(browser.post("/dashboard/deliveries/retry", "csrf=" + csrf + "&one=" + dead, "https://evil.example")
        .statusCode()).as("another site's form").isEqualTo(403);
    assertThat(browser.post("/dashboard/deliveries/retry", "csrf=" + csrf + "&one=" + dead, "null").statusCode())
        .as("an opaque origin").isEqualTo(403);
    assertThat(browser.post("/dashboard/sign-out", "").statusCode()).as("sign-out too").isEqualTo(403);
    assertThat(status(dead)).isEqualTo(DeliveryStatus.DELIVERY_STATUS_DEAD);

    HttpResponse<String> retried = browser.post("/dashboard/deliveries/retry", "csrf=" + csrf + "&one=" + dead
        + "&back=" + DashboardClient.encode("/dashboard/deliveries?view=dead"), browser.base());
    assertSeeOther(retried, "/dashboard/deliveries?view=dead");
    assertThat(status(dead)).isEqualTo(DeliveryStatus.DELIVERY_STATUS_PENDING);
    assertThat(browser.get("/dashboard/deliveries?view=dead").body()).contains("1 delivery is queued again.");
  }

  @Test
  void badInputAnswers400AndChangesNothing() throws Exception {
    browser.signIn(TestGateway.ALL_SCOPES_TOKEN);
    String csrf = browser.csrf();
    assertThat(browser.get("/dashboard/cases?trigger=NOT_A_TRIGGER").statusCode()).isEqualTo(400);
    assertThat(browser.get("/dashboard/cases?from=yesterday").body()).contains("must be a date such as 2026-12-01");
    assertThat(browser.get("/dashboard/cases?page=0").statusCode()).isEqualTo(400);
    assertThat(browser.get("/dashboard/deliveries?view=everything").statusCode()).isEqualTo(400);
    assertThat(browser.get("/dashboard/cases/case_nope").statusCode()).isEqualTo(404);
    assertThat(browser.post("/dashboard/deliveries/retry", "csrf=" + csrf).statusCode()).as("nothing selected")
        .isEqualTo(400);
    HttpResponse<String> badRecipient = browser.post("/dashboard/connectors/email/test",
        "csrf=" + csrf + "&email=not-an-address");
    assertThat(badRecipient.statusCode()).isEqualTo(400);
    assertThat(badRecipient.body()).contains("recipient.email");
    assertThat(browser.post("/dashboard/connectors/nope/enabled", "csrf=" + csrf + "&enabled=false").statusCode())
        .isEqualTo(404);
    assertThat(browser.post("/dashboard/deliveries/retry", "csrf=" + csrf + "&one=dlv_nope&back=//evil.example")
        .headers().firstValue("Location")).as("only back to the dashboard").hasValueSatisfying(l -> assertThat(l)
        .endsWith("/dashboard"));
  }

  @Test
  void anAddressThatKeepsGuessingTokensIsHeldOffForAMinute() throws Exception {
    for (int i = 0; i < SignIn.FAILURES_PER_MINUTE; i++) {
      assertThat(browser.signIn("guess-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> heldOff = browser.signIn(TestGateway.ALL_SCOPES_TOKEN);
    assertThat(heldOff.statusCode()).as("even the right token, for now").isEqualTo(429);
    assertThat(heldOff.body()).contains("Wait a minute");
    gateway.clock.advance(Duration.ofSeconds(61));
    assertSeeOther(browser.signIn(TestGateway.ALL_SCOPES_TOKEN), "/dashboard");
  }

  @Test
  void aSessionEndsAfterAnHourIdleAndAtSignOut() throws Exception {
    browser.signIn(TestGateway.READ_ONLY_TOKEN);
    gateway.clock.advance(DashboardSessions.IDLE.minus(Duration.ofMinutes(1)));
    assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
    gateway.clock.advance(DashboardSessions.IDLE.plus(Duration.ofMinutes(1)));
    assertSeeOther(browser.get("/dashboard"), "/dashboard/sign-in");

    browser.signIn(TestGateway.READ_ONLY_TOKEN);
    assertSeeOther(browser.post("/dashboard/sign-out", "csrf=" + browser.csrf()), "/dashboard/sign-in");
    assertSeeOther(browser.get("/dashboard"), "/dashboard/sign-in");
  }

  /** The case's staff alert on slack, made a dead letter as the dispatcher would. */
  private String deadDelivery() {
    String id = gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listDeliveries(ListDeliveriesRequest.newBuilder()
        .setCaseId(caseId).setConnectorId("slack").build()).getDeliveries(0).getId();
    gateway.database().jdbi().useHandle(h -> h.execute(
        "UPDATE deliveries SET status = 'DELIVERY_STATUS_DEAD', attempts = 1, last_error = 'refused' WHERE id = ?", id));
    return id;
  }

  private DeliveryStatus status(String id) {
    return gateway.admin(TestGateway.ALL_SCOPES_TOKEN).listDeliveries(ListDeliveriesRequest.newBuilder()
        .setCaseId(caseId).build()).getDeliveriesList().stream().filter(d -> d.getId().equals(id)).findFirst()
        .orElseThrow().getStatus();
  }

  private static List<String> concat(List<String> pages, String more) {
    return java.util.stream.Stream.concat(pages.stream(), java.util.stream.Stream.of(more)).toList();
  }
}
