package com.backordergateway.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.GroupCommitWriter;
import com.backordergateway.server.store.StoreWriteHealth;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory "no open case here" answers stay exact across batches, rollbacks and restarts. */
class KnownSkusTest {

  @TempDir Path dir;

  @Test
  void readsOpenCasesAndExpectedShipmentsAtStart() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("k.db"), null, null);
        GroupCommitWriter writer = new GroupCommitWriter(db, new StoreWriteHealth())) {
      db.jdbi().useHandle(h -> {
        openCaseRow(h, "case-1", "OPEN-1", "CASE_STATUS_OPEN");
        openCaseRow(h, "case-2", "DONE-1", "CASE_STATUS_RESTOCKED");
        h.execute("INSERT INTO shipments (po_number, supplier, status, original_expected_at, expected_at, delay_steps,"
            + " registered_at, updated_at) VALUES ('PO-1', 'acme', 'SHIPMENT_STATUS_EXPECTED', 1, 1, 0, 0, 0)");
        h.execute("INSERT INTO shipment_lines (po_number, sku, quantity) VALUES ('PO-1', 'SHIP-1', 3)");
      });

      KnownSkus known = new KnownSkus(db, writer);

      assertThat(known.mayHaveOpenCase("OPEN-1")).isTrue();
      assertThat(known.mayHaveOpenCase("DONE-1")).isFalse();
      assertThat(known.mayHaveExpectedShipment("SHIP-1")).isTrue();
      assertThat(known.mayHaveExpectedShipment("OPEN-1")).isFalse();
    }
  }

  @Test
  void aResolutionIsForgottenOnlyOnceCommittedAndNotWhenTheSkuReopenedInTheSameBatch() throws Exception {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("b.db"), null, null);
        GroupCommitWriter writer = new GroupCommitWriter(db, new StoreWriteHealth())) {
      db.jdbi().useHandle(h -> {
        openCaseRow(h, "case-a", "A", "CASE_STATUS_OPEN");
        openCaseRow(h, "case-b", "B", "CASE_STATUS_OPEN");
        openCaseRow(h, "case-c", "C", "CASE_STATUS_OPEN");
      });
      KnownSkus known = new KnownSkus(db, writer);
      CountDownLatch queued = new CountDownLatch(1);
      CompletableFuture<Object> holding = writer.submit(h -> {
        queued.await(); // everything below is queued meanwhile, so it shares the next batch
        return null;
      });

      CompletableFuture<Boolean> insideTheResolvingUnit = writer.submit(h -> {
        known.caseResolved("A");
        return known.mayHaveOpenCase("A");
      });
      writer.submit(h -> {
        known.caseResolved("B");
        return null;
      });
      writer.submit(h -> {
        known.caseOpened("B"); // a new case for B after the resolution, in the same batch
        return null;
      });
      CompletableFuture<Object> rolledBack = writer.submit(h -> {
        known.caseResolved("C");
        throw new IllegalStateException("this unit rolls back");
      });
      queued.countDown();
      holding.join();
      rolledBack.handle((ok, error) -> null).join();

      assertThat(insideTheResolvingUnit.join()).as("not before the commit").isTrue();
      assertThat(known.mayHaveOpenCase("A")).isFalse();
      assertThat(known.mayHaveOpenCase("B")).as("reopened after its resolution").isTrue();
      assertThat(known.mayHaveOpenCase("C")).as("its resolution rolled back").isTrue();
    }
  }

  private static void openCaseRow(org.jdbi.v3.core.Handle h, String id, String sku, String status) {
    h.execute("INSERT INTO cases (id, sku, category, opened_by, status, reason, opened_at, updated_at)"
        + " VALUES (?, ?, '', 'TRIGGER_STOCK_DEPLETED', ?, 'test', 0, 0)", id, sku, status);
  }
}
