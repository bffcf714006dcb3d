package com.backordergateway.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.api.v1.IntakeResponse;
import com.backordergateway.api.v1.Resolution;
import com.backordergateway.api.v1.ResolveBackorderRequest;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on two replicas sharing a store: a run purges settled deliveries, their status
 * changes and stored answers past {@code storage.retention}, keeps what open cases still follow
 * up on, and runs on one replica only (the one holding its lease).
 */
class RetentionTest {

  @TempDir Path root;

  @Test
  void oldSettledRowsArePurgedOnceAndOpenCasesKeepTheirs() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-02T15:00:00Z"));
    try (Replicas replicas = new Replicas(root)) {
      TestGateway first = replicas.start(clock, Replicas.PLANNED_ONLY);
      TestGateway second = replicas.start(clock, Replicas.PLANNED_ONLY);

      IntakeResponse resolvedCase = first.backorder().reportInventoryLevel(
          Requests.sale("OLD-1", 0, "A-1").toBuilder().setIdempotencyKey("pos-1").build());
      first.markSent(resolvedCase.getPlannedDeliveriesList());
      first.backorder().resolveBackorder(ResolveBackorderRequest.newBuilder()
          .setSku("OLD-1").setResolution(Resolution.RESOLUTION_RESTOCKED).build());
      IntakeResponse openCase = second.backorder().reportInventoryLevel(Requests.sale("OPEN-1", 0, "B-1"));
      first.markSent(openCase.getPlannedDeliveriesList());
      long deliveriesBefore = count(first, "deliveries");

      assertThat(first.get(RetentionJob.class).runNow()).as("the first replica to ask holds the lease").isTrue();
      assertThat(count(first, "deliveries")).as("nothing is old yet").isEqualTo(deliveriesBefore);

      clock.advance(Duration.ofDays(91)); // past the default retention of 90 days
      assertThat(first.get(RetentionJob.class).runNow()).isTrue();
      long afterFirst = count(first, "deliveries");
      assertThat(second.get(RetentionJob.class).runNow()).as("the replica not holding the lease").isFalse();
      assertThat(count(first, "deliveries")).isEqualTo(afterFirst);

      // The resolved case's notices and resolution notices went; the open case's stay for its follow-ups.
      assertThat(ids(first, "deliveries", "case_id = '" + openCase.getCaseIds(0) + "'"))
          .isEqualTo(openCase.getPlannedDeliveriesCount());
      assertThat(ids(first, "deliveries", "case_id = '" + resolvedCase.getCaseIds(0) + "'"
          + " AND status IN ('DELIVERY_STATUS_DELIVERED', 'DELIVERY_STATUS_CANCELLED')")).isZero();
      assertThat(count(first, "deliveries")).isLessThan(deliveriesBefore);
      assertThat(count(first, "delivery_changes")).isZero();
      assertThat(count(first, "idempotency_keys")).isZero();
      assertThat(count(first, "events")).as("the event log stays").isEqualTo(3);
    }
  }

  private static long count(TestGateway gateway, String table) {
    return gateway.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
        .mapTo(Long.class).one());
  }

  private static long ids(TestGateway gateway, String table, String where) {
    return gateway.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)
        .mapTo(Long.class).one());
  }
}
