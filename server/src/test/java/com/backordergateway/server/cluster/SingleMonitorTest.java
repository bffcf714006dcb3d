package com.backordergateway.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.backordergateway.api.v1.RegisterExpectedShipmentRequest;
import com.backordergateway.api.v1.ShipmentLine;
import com.backordergateway.connector.testkit.TestClock;
import com.backordergateway.server.testing.Requests;
import com.backordergateway.server.testing.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supplier-delay monitor runs on two replicas sharing a store, each checking every 50 ms: an
 * overdue shipment fires SUPPLIER_DELAYED once per delay step, not once per replica, including
 * when the monitor's lease changes hands between steps.
 */
class SingleMonitorTest {

  @TempDir Path root;

  @Test
  void anOverdueShipmentFiresOncePerStepWithTwoReplicas() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-02T15:00:00Z"));
    try (Replicas replicas = new Replicas(root)) {
      String yaml = """
          triggers:
            supplier-delay-threshold: 48h
            supplier-monitor-interval: 50ms
          connectors:
            - {id: slack, type: slack, awaiting-plugin: true}
          routes:
            - {name: staff, when: {audience: staff}, send: [slack]}
          """;
      TestGateway first = replicas.start(clock, yaml);
      TestGateway second = replicas.start(clock, yaml);
      first.backorder().markUnavailable(com.backordergateway.api.v1.MarkUnavailableRequest.newBuilder()
          .setSku("CANVAS-9").setReason("supplier late").setActor("ops").build());
      second.backorder().registerExpectedShipment(RegisterExpectedShipmentRequest.newBuilder()
          .setSupplier("Slow Canvas Ltd").setPoNumber("PO-77")
          .setExpectedAt(Requests.at(clock.instant().plus(Duration.ofDays(1))))
          .addLines(ShipmentLine.newBuilder().setSku("CANVAS-9").setQuantity(12))
          .build());

      clock.advance(Duration.ofDays(1).plusHours(49)); // past expected_at + 48h: step 1
      await().atMost(Duration.ofSeconds(20)).until(() -> delayEvents(first) == 1);
      Thread.sleep(1_000); // twenty more passes on each replica
      assertThat(delayEvents(first)).as("SUPPLIER_DELAYED events after step 1").isEqualTo(1);

      clock.advance(Duration.ofHours(48)); // step 2; the lease (3 intervals) has expired meanwhile
      await().atMost(Duration.ofSeconds(20)).until(() -> delayEvents(first) == 2);
      Thread.sleep(1_000);
      assertThat(delayEvents(first)).as("SUPPLIER_DELAYED events after step 2").isEqualTo(2);
      int holders = first.database().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM job_leases WHERE job = 'supplier-delay-monitor'").mapTo(Integer.class).one());
      assertThat(holders).isEqualTo(1);
    }
  }

  private static int delayEvents(TestGateway gateway) {
    return gateway.database().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM events WHERE trig = 'TRIGGER_SUPPLIER_DELAYED'").mapTo(Integer.class).one());
  }
}
