package com.backordergateway.server.plugins;

import com.backordergateway.api.v1.Customer;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The notification {@code TestConnector} sends: a realistic backorder notice about a sample
 * SKU, addressed to the given customer, or to staff when none is given.
 */
final class SampleNotification {

  private SampleNotification() {}

  static Notification create(String deliveryId, String instanceId, Customer customer, Clock clock) {
    LocalDate eta = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(14)), ZoneOffset.UTC);
    boolean toCustomer = !customer.equals(Customer.getDefaultInstance());
    Recipient recipient = toCustomer
        ? new Recipient("TEST-1001", customer.getName(), customer.getEmail(), customer.getPhone(),
            customer.getLocale(), customer.getTimeZone(), customer.getCustomerId())
        : Recipient.NONE;
    String body = toCustomer
        ? "Test from Backorder Gateway: Sample Acrylic Paint (SKU SAMPLE-001) on order TEST-1001 is backordered. "
            + "We expect it back by " + eta + " and will ship it as soon as it arrives."
        : "Test from Backorder Gateway (connector " + instanceId + "): SKU SAMPLE-001 Sample Acrylic Paint "
            + "is backordered; expected back " + eta + ".";
    return new Notification(
        deliveryId,
        Notification.Trigger.STOCK_DEPLETED,
        toCustomer ? Notification.Purpose.CUSTOMER_NOTICE : Notification.Purpose.STAFF_ALERT,
        toCustomer ? Notification.Audience.CUSTOMER : Notification.Audience.STAFF,
        recipient,
        new Notification.Message("Backorder Gateway test: SAMPLE-001 is backordered", body),
        Map.of("sku", "SAMPLE-001", "product", "Sample Acrylic Paint", "order_id", "TEST-1001",
            "case_id", "test", "eta", eta.toString(), "status", "backordered"),
        Optional.empty());
  }
}
