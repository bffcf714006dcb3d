package com.backordergateway.server.store;

import static com.backordergateway.server.testing.Requests.at;
import static com.backordergateway.server.testing.Requests.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.BackorderCase;
import com.backordergateway.api.v1.Delivery;
import com.backordergateway.api.v1.DeliveryStatus;
import com.backordergateway.api.v1.Event;
import com.backordergateway.api.v1.GetCaseRequest;
import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.ListDeliveriesRequest;
import com.backordergateway.api.v1.ListEventsRequest;
import com.backordergateway.api.v1.MarkUnavailableRequest;
import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ReportInventoryLevelRequest;
import com.backordergateway.api.v1.Resolution;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.server.Main;
import com.backordergateway.server.testing.TestGateway;
import com.backordergateway.server.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code backorder-server migrate}: a shop's SQLite store, copied into PostgreSQL, serves the same answers. */
class StoreMigrationTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aMigratedStoreAnswersAsTheSqliteStoreDid() throws Exception {
    TestGateway shop = TestGateway.start(dir);
    ReportInventoryLevelRequest firstSale = sale("INK-BLACK", 0, "A-1").toBuilder().setIdempotencyKey("pos-1").build();
    IntakeResponse opened = shop.backorder().reportInventoryLevel(firstSale);
    shop.markSent(opened.getPlannedDeliveriesList());
    shop.backorder().reportInventoryLevel(sale("INK-BLACK", -1, "A-2").toBuilder().setIdempotencyKey("pos-2").build());
    shop.backorder().reportInventoryLevel(sale("GLUE-GUN", 0, "B-1").toBuilder().setIdempotencyKey("pos-3").build());
    IntakeResponse recall = shop.backorder().markUnavailable(MarkUnavailableRequest.newBuilder()
        .setSku("PAINT-RED").setReason("recall").setActor("qa").setIdempotencyKey("mu-1").build());
    shop.backorder().registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder()
        .setSupplier("Jacquard").setPoNumber("PO-9")
        .addLines(ShipmentLine.newBuilder().setSku("GLUE-GUN").setQuantity(12))
        .setExpectedAt(at(shop.clock.instant().plus(Duration.ofDays(2))))
        .build());
    shop.backorder().resolveBackorder(ResolveBackorderRequest.newBuilder()
        .setSku("INK-BLACK").setResolution(Resolution.RESOLUTION_RESTOCKED).setMessage("back on the shelf").build());
    List<Event> events = events(shop);
    Set<String> caseIds = caseIds(events);
    List<BackorderCase> cases = cases(shop, caseIds);
    List<Delivery> deliveries = deliveries(shop);
    long changes = count(shop, "delivery_changes");
    shop.close();
    assertThat(deliveries).extracting(Delivery::getStatus)
        .contains(DeliveryStatus.DELIVERY_STATUS_DELIVERED, DeliveryStatus.DELIVERY_STATUS_CANCELLED,
            DeliveryStatus.DELIVERY_STATUS_PENDING);
    assertThat(caseIds).hasSizeGreaterThanOrEqualTo(3);

    String target = TestPostgres.newDatabase();
    assertThat(migrate("--from", "jdbc:sqlite:" + shop.databaseFile, "--to", target, "--to-user", "postgres"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("events", "delivery_changes", "idempotency_keys")
        .contains("copied ");

    try (TestGateway moved = TestGateway.start(dir, shop.clock, new TestGateway.Options(TestGateway.ROUTED, false, false),
        target)) {
      // Cursors included: a watcher's cursor from the SQLite store resumes in the same place.
      assertThat(events(moved)).isEqualTo(events);
      assertThat(cases(moved, caseIds)).isEqualTo(cases);
      assertThat(deliveries(moved)).isEqualTo(deliveries);

      IntakeResponse replay = moved.backorder().reportInventoryLevel(firstSale);
      assertThat(replay.getDuplicate()).isTrue();
      assertThat(replay.getEventId()).isEqualTo(opened.getEventId());
      assertThat(moved.backorder().markUnavailable(MarkUnavailableRequest.newBuilder()
          .setSku("PAINT-RED").setReason("recall").setActor("qa").setIdempotencyKey("mu-1").build()).getEventId())
          .isEqualTo(recall.getEventId());

      long lastMigratedSeq = maxSeq(moved, "events");
      IntakeResponse fresh = moved.backorder().reportInventoryLevel(sale("TAPE-CLEAR", 0, "C-1"));
      assertThat(fresh.getDuplicate()).isFalse();
      assertThat(fresh.getPlannedDeliveriesList()).isNotEmpty();
      assertThat(seqOf(moved, fresh.getEventId())).isGreaterThan(lastMigratedSeq);
      assertThat(events(moved)).hasSize(events.size() + 1);
      assertThat(count(moved, "delivery_changes"))
          .as("the copied history, and one change for each delivery the new call planned")
          .isEqualTo(changes + fresh.getPlannedDeliveriesCount());
    }
  }

  @Test
  void aTargetThatHoldsDataIsRefusedAndLeftAsItWas() throws Exception {
    TestGateway shop = TestGateway.start(dir);
    shop.backorder().reportInventoryLevel(sale("INK-BLACK", 0, "A-1"));
    shop.close();
    String target = TestPostgres.newDatabase();
    String[] args = {"migrate", "--from", "jdbc:sqlite:" + shop.databaseFile, "--to", target, "--to-user", "postgres"};
    assertThat(run(args)).as(err.toString()).isZero();
    try (TestGateway moved = TestGateway.start(dir, shop.clock,
        new TestGateway.Options(TestGateway.ROUTED, false, false), target)) {
      long events = count(moved, "events");
      long deliveries = count(moved, "deliveries");
      long changes = count(moved, "delivery_changes");

      int again = run(args);

      assertThat(again).isNotZero();
      assertThat(err.toString()).contains("table events has rows");
      assertThat(count(moved, "events")).isEqualTo(events);
      assertThat(count(moved, "deliveries")).isEqualTo(deliveries);
      assertThat(count(moved, "delivery_changes")).isEqualTo(changes);
    }
  }

  @Test
  void storesOfTheWrongKindAreAUsageError() throws Exception {
    Path sqlite = Files.createFile(dir.resolve("backorder.db"));
    assertThat(migrate("--from", "jdbc:sqlite:" + sqlite, "--to", "jdbc:sqlite:" + dir.resolve("other.db")))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--to must be a PostgreSQL store");
    assertThat(migrate("--from", "jdbc:postgresql://localhost/shop", "--to", "jdbc:postgresql://localhost/shared"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--from must be a SQLite store");
    assertThat(migrate("--from", "jdbc:sqlite:" + dir.resolve("missing.db"), "--to", "jdbc:postgresql://localhost/x"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no SQLite store at");
    assertThat(Files.exists(dir.resolve("missing.db"))).isFalse();
    assertThat(migrate("--from", "jdbc:sqlite:" + sqlite)).as("--to is required").isNotZero();
  }

  private int migrate(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "migrate";
    System.arraycopy(args, 0, all, 1, args.length);
    return run(all);
  }

  /** As {@code java -jar backorder-server.jar ...} runs it. */
  private int run(String... args) {
    CommandLine command = new CommandLine(new Main());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  private static List<Event> events(TestGateway gateway) {
    return gateway.backorder().listEvents(ListEventsRequest.newBuilder().setPageSize(100).build()).getEventsList();
  }

  private static Set<String> caseIds(List<Event> events) {
    Set<String> ids = new LinkedHashSet<>();
    events.forEach(e -> ids.addAll(e.getCaseIdsList()));
    return ids;
  }

  private static List<BackorderCase> cases(TestGateway gateway, Set<String> ids) {
    return ids.stream()
        .map(id -> gateway.backorder().getCase(GetCaseRequest.newBuilder().setCaseId(id).build()))
        .toList();
  }

  private static List<Delivery> deliveries(TestGateway gateway) {
    return gateway.admin(TestGateway.ALL_SCOPES_TOKEN)
        .listDeliveries(ListDeliveriesRequest.newBuilder().setPageSize(100).build()).getDeliveriesList();
  }

  private static long count(TestGateway gateway, String table) {
    return gateway.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
        .mapTo(Long.class).one());
  }

  private static long maxSeq(TestGateway gateway, String table) {
    return gateway.database().jdbi().withHandle(h -> h.createQuery("SELECT MAX(seq) FROM " + table)
        .mapTo(Long.class).one());
  }

  private static long seqOf(TestGateway gateway, String eventId) {
    return gateway.database().jdbi().withHandle(h -> h.createQuery("SELECT seq FROM events WHERE id = ?")
        .bind(0, eventId).mapTo(Long.class).one());
  }
}
