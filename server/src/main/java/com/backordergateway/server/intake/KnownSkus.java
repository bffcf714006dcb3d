package com.backordergateway.server.intake;

import com.backordergateway.server.store.Database;
import com.backordergateway.server.store.GroupCommitWriter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which SKUs have an open case, and which may have a supplier shipment expected, held in memory
 * so the trigger rules skip the store for the SKUs that have neither — most sales. Read and
 * changed only on the writer thread.
 *
 * <p>"No" is exact and "may" is checked in the store. That holds because this process is the
 * store's only writer: the sets are read once at start, a SKU is added as soon as a unit opens its
 * case or registers its shipment (should that unit roll back, the set errs on the side of "may"),
 * and a SKU leaves the open set only after the unit that resolved its case has committed.
 * Shipments never leave: a SKU whose shipment arrived keeps asking the store, as it did before.
 *
 * <p>On a store shared by replicas another process opens cases too, so every SKU "may" have both.
 */
@Singleton
final class KnownSkus {

  private final GroupCommitWriter writer;
  /** SKU → when its case was opened, as a count of openings: a later opening outlives an earlier resolution. */
  private final Map<String, Long> openCases = new HashMap<>();
  private long openings;
  private final Set<String> expectedShipments = new HashSet<>();
  /** False on a shared store: then nothing is known, nothing is loaded, and every question goes to the store. */
  private final boolean exact;

  @Inject
  KnownSkus(Database database, GroupCommitWriter writer) {
    this.writer = writer;
    this.exact = !database.dialect().shared();
    if (exact) {
      database.jdbi().useHandle(h -> {
        h.createQuery("SELECT sku FROM cases WHERE status = 'CASE_STATUS_OPEN'")
            .mapTo(String.class).forEach(sku -> openCases.put(sku, 0L));
        expectedShipments.addAll(h.createQuery(
                "SELECT DISTINCT l.sku FROM shipment_lines l JOIN shipments s ON s.po_number = l.po_number"
                    + " WHERE s.status = 'SHIPMENT_STATUS_EXPECTED'")
            .mapTo(String.class).list());
      });
    }
  }

  boolean mayHaveOpenCase(String sku) {
    return !exact || openCases.containsKey(sku);
  }

  boolean mayHaveExpectedShipment(String sku) {
    return !exact || expectedShipments.contains(sku);
  }

  void caseOpened(String sku) {
    if (exact) {
      openCases.put(sku, ++openings);
    }
  }

  /**
   * Forgets the SKU's open case once the resolving unit has committed, unless a case was opened
   * for it again meanwhile (a later unit of the same batch).
   */
  void caseResolved(String sku) {
    Long opening = openCases.get(sku);
    if (opening != null) {
      writer.afterCommit(() -> openCases.remove(sku, opening));
    }
  }

  void shipmentExpected(String sku) {
    if (exact) {
      expectedShipments.add(sku);
    }
  }
}
