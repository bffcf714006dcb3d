package com.backordergateway.client.cli;

import static com.backordergateway.client.cli.CliGateway.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.ListEventsResponse;
import com.backordergateway.api.v1.WatchEventsResponse;
import com.backordergateway.client.cli.CliGateway.Run;
import com.google.protobuf.util.JsonFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backorderctl} end to end: its main, in this JVM, against a real gateway over TCP. */
class BackorderCtlTest {

  @TempDir static Path dir;
  static CliGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway = new CliGateway(dir);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void reportInventoryPrintsTheOutcomeAndItsPlannedDeliveries() {
    Run run = gateway.ctl("report-inventory", "--sku", "ACR-TITANIUM-WHITE", "--on-hand", "0", "--cause", "sale",
        "--order", "ORD-5001,email=maya@example.com,time-zone=America/Chicago");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("triggered:       true (stock_depleted)", "case change:     opened")
        .containsPattern("(?m)^DELIVERY +CONNECTOR +PURPOSE +STATUS")
        .containsPattern("(?m)^dlv_\\S+ +erp-webhook +customer_notice +pending +0 +ORD-5001");
  }

  @Test
  void badInputExits2WithOneLinePerRefusedField() {
    Run run = gateway.ctl("report-inventory", "--sku", "", "--on-hand", "0", "--cause", "sale",
        "--order", "ORD-1,email=not-an-address");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("INVALID_ARGUMENT")
        .containsPattern("(?m)^sku: \\S+")
        .containsPattern("(?m)^order\\.customer\\.email: \\S+");
  }

  @Test
  void usageErrorsExit2BeforeAnyCall() {
    Run badEnum = gateway.ctl("report-inventory", "--sku", "X", "--on-hand", "1", "--cause", "theft");
    assertThat(badEnum.code()).isEqualTo(2);
    assertThat(badEnum.err()).contains("'theft' is not one of sale, adjustment, receipt, count");

    assertThat(gateway.ctl("update-shipment", "--po", "PO-1", "--received", "--cancelled").code()).isEqualTo(2);
    assertThat(gateway.ctl("register-shipment", "--supplier", "S", "--po", "PO-1", "--line", "PAINT",
        "--expected-at", "2030-01-01").code()).isEqualTo(2);
    Run noSubcommand = gateway.ctl("events");
    assertThat(noSubcommand.code()).isEqualTo(2);
    assertThat(noSubcommand.err()).contains("Missing subcommand: one of get, list, watch");
  }

  @Test
  void exitCodesSayWhatWentWrong() throws Exception {
    assertThat(gateway.ctl("events", "get", "evt_missing").code()).as("not found").isEqualTo(3);
    assertThat(gateway.ctl("cases", "get", "case_missing").code()).as("not found").isEqualTo(3);

    Run wrongToken = gateway.ctl("--token", "not-a-known-token-0000", "cases", "list");
    assertThat(wrongToken.code()).isEqualTo(4);
    assertThat(wrongToken.err()).contains("UNAUTHENTICATED").doesNotContain("not-a-known-token-0000");
    Run noToken = CliGateway.ctlWithEnv(Map.of(), "--target", gateway.target(), "events", "list");
    assertThat(noToken.code()).isEqualTo(4);
    Run reader = gateway.ctl("--token", CliGateway.READ_ONLY_TOKEN, "connectors", "list");
    assertThat(reader.code()).isEqualTo(4);
    assertThat(reader.err()).contains("PERMISSION_DENIED");

    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Run down = gateway.ctl("--target", "localhost:" + closedPort, "--timeout", "5", "cases", "list");
    assertThat(down.code()).isEqualTo(5);
    assertThat(down.err()).contains("UNAVAILABLE");
  }

  @Test
  void theIntakeCommandsReachTheirRpcs() {
    assertThat(gateway.ctl("register-shipment", "--supplier", "Golden Artist Colors", "--po", "PO-CLI-1",
        "--line", "BRUSH-ROUND-4=24", "--line", "BRUSH-ROUND-6=12", "--expected-at", "2099-05-01").out())
        .contains("shipment:        PO-CLI-1 expected, expected 2099-05-01T00:00:00Z");
    assertThat(gateway.ctl("update-shipment", "--po", "PO-CLI-1", "--expected-at", "2099-05-20T12:00:00Z").out())
        .contains("triggered:       true (supplier_delayed)");

    Run marked = gateway.ctl("mark-unavailable", "--sku", "BRUSH-FILBERT-8", "--reason", "loose ferrules",
        "--actor", "jordan", "--order", "ORD-7001,email=li@example.com", "--order", "ORD-7002,phone=+14155550123");
    assertThat(marked.code()).as(marked.err()).isZero();
    assertThat(marked.out()).contains("true (marked_unavailable)").contains("ORD-7001").contains("ORD-7002");

    Run resolved = gateway.ctl("resolve", "--sku", "BRUSH-FILBERT-8", "--cancelled", "--message", "written off");
    assertThat(resolved.code()).as(resolved.err()).isZero();
    assertThat(resolved.out()).contains("case change:     cancelled");

    Run cases = gateway.ctl("cases", "list", "--sku", "BRUSH-FILBERT-8");
    assertThat(cases.out()).containsPattern("(?m)^case_\\S+ +BRUSH-FILBERT-8 +cancelled +marked_unavailable");
    String caseId = cases.out().lines().skip(1).findFirst().orElseThrow().split(" +")[0];
    assertThat(gateway.ctl("cases", "get", caseId).out())
        .contains("status:          cancelled", "resolution note: written off", "ORD-7002");
  }

  @Test
  void eventsListAndGetAsTablesAndJson() throws Exception {
    Run reported = gateway.ctl("--json", "report-inventory", "--sku", "YARN-MERINO-BLUE", "--on-hand", "12",
        "--cause", "count", "--idempotency-key", "count-2026-04-01");
    assertThat(reported.code()).as(reported.err()).isZero();
    assertThat(reported.out()).contains("\"eventId\": \"evt_");

    Run listed = gateway.ctl("events", "list", "--sku", "YARN-MERINO-BLUE", "--json");
    ListEventsResponse.Builder page = ListEventsResponse.newBuilder();
    JsonFormat.parser().usingTypeRegistry(Output.TYPES).merge(listed.out(), page);
    assertThat(page.getEventsList()).singleElement().satisfies(e -> assertThat(e.getSkusList()).containsExactly("YARN-MERINO-BLUE"));
    String eventId = page.getEvents(0).getId();

    assertThat(gateway.ctl("events", "list", "--sku", "YARN-MERINO-BLUE").out())
        .containsPattern("(?m)^EVENT +RECEIVED +KIND +TRIGGER +SKUS")
        .containsPattern("(?m)^" + eventId + " +\\S+ +inventory_level +YARN-MERINO-BLUE");
    assertThat(gateway.ctl("events", "get", eventId).out())
        .contains("event:           " + eventId, "triggered:       false", "No deliveries planned.");
    assertThat(gateway.ctl("events", "list", "--sku", "NO-SUCH-SKU").out()).isEqualTo("No events." + System.lineSeparator());
  }

  @Test
  void watchReplaysFromACursorAndStreamsLiveChanges() throws Exception {
    gateway.ctl("report-inventory", "--sku", "WATCH-REPLAY", "--on-hand", "3", "--cause", "count");
    Run replay = gateway.ctl("events", "watch", "--after", "0", "--sku", "WATCH-REPLAY", "--limit", "1", "--json");
    assertThat(replay.code()).as(replay.err()).isZero();
    WatchEventsResponse.Builder change = WatchEventsResponse.newBuilder();
    JsonFormat.parser().usingTypeRegistry(Output.TYPES).merge(replay.out().strip(), change);
    assertThat(change.getEvent().getSkusList()).containsExactly("WATCH-REPLAY");

    // A watch from now sees a report made while it listens; report until it has seen one.
    CompletableFuture<Run> live = CompletableFuture.supplyAsync(
        () -> gateway.ctl("events", "watch", "--sku", "WATCH-LIVE", "--limit", "1"));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!live.isDone() && System.nanoTime() < deadline) {
      gateway.ctl("report-inventory", "--sku", "WATCH-LIVE", "--on-hand", "5", "--cause", "receipt");
      Thread.sleep(200);
    }
    Run watched = live.get(5, TimeUnit.SECONDS);
    assertThat(watched.code()).as(watched.err()).isZero();
    assertThat(watched.out().lines()).singleElement().asString()
        .containsPattern("^[0-9.]+ +event +evt_\\S+ +inventory_level +skus=WATCH-LIVE");
  }

  @Test
  void describeListsAConnectorTypesTypedSettings() {
    Run twilio = gateway.ctl("connectors", "describe", "twilio");
    assertThat(twilio.code()).as(twilio.err()).isZero();
    assertThat(twilio.out())
        .contains("type:            twilio (Twilio SMS)")
        .contains("capabilities:    CUSTOMER_AUDIENCE")
        .containsPattern("(?m)^SETTING +FORMAT +REQUIRED +DEFAULT +EXPECTED +DESCRIPTION")
        .containsPattern("(?m)^base-url +url +no +https://api\\.twilio\\.com +an absolute http\\(s\\) URL")
        .containsPattern("(?m)^account-sid +pattern +yes +AC followed by 32 hex digits \\(e\\.g\\. AC")
        .containsPattern("(?m)^auth-token +secret +yes ")
        .containsPattern("(?m)^from +pattern +no ");
    Run unknown = gateway.ctl("connectors", "describe", "carrier-pigeon");
    assertThat(unknown.code()).isEqualTo(3);
    assertThat(unknown.err()).contains("no loaded plugin offers connector type carrier-pigeon").contains("twilio")
        .contains("webhook");
  }

  @Test
  void connectorsAndDeliveries() {
    Run connectors = gateway.ctl("connectors", "list");
    assertThat(connectors.code()).as(connectors.err()).isZero();
    assertThat(connectors.out()).containsPattern("(?m)^webhook +\\S+ +started +webhook")
        .containsPattern("(?m)^erp-webhook +webhook +dry-run +started")
        .doesNotContain("cli-test-signing-secret");
    assertThat(gateway.ctl("connectors", "reload").out()).containsPattern("(?m)^webhook +\\S+ +started");

    Run tested = gateway.ctl("connectors", "test", "erp-webhook", "--dry-run");
    assertThat(tested.code()).as(tested.err()).isZero();
    assertThat(tested.out()).contains("ok:              true");
    assertThat(gateway.ctl("connectors", "test", "no-such-connector", "--dry-run").code()).isEqualTo(3);

    assertThat(gateway.ctl("connectors", "disable", "erp-webhook").out()).isEqualTo("erp-webhook: disabled" + System.lineSeparator());
    assertThat(gateway.ctl("connectors", "enable", "erp-webhook").out()).isEqualTo("erp-webhook: started" + System.lineSeparator());

    gateway.ctl("mark-unavailable", "--sku", "PAPER-A3-300G", "--reason", "water damage", "--actor", "sam");
    assertThat(gateway.ctl("deliveries", "list", "--connector", "erp-webhook").out())
        .containsPattern("(?m)^DELIVERY +CONNECTOR +PURPOSE +STATUS +TRIES +RECIPIENT")
        .containsPattern("(?m)^dlv_\\S+ +erp-webhook +staff_alert +\\S+ +\\d+ +staff");
    Run retried = gateway.ctl("deliveries", "retry", "--status", "dead");
    assertThat(retried.code()).as(retried.err()).isZero();
    assertThat(retried.out()).isEqualTo("requeued 0" + System.lineSeparator());
  }

  @Test
  void theTokenIsNeverPrinted() {
    Run help = gateway.ctl("report-inventory", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--token=TOKEN").doesNotContain(TOKEN);
    assertThat(gateway.ctl("--json", "connectors", "list").out()).doesNotContain(TOKEN);
  }
}
