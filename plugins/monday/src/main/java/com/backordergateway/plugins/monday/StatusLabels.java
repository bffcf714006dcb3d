package com.backordergateway.plugins.monday;

import java.util.Objects;
import java.util.Optional;

/**
 * The labels of the board's status column that the gateway's four backorder states are written
 * as. They must exist on the column as spelled here: monday.com refuses a label it does not know.
 *
 * @param backordered the label of a case that just opened (default "Backorder")
 * @param delayed the label once the date has slipped or the supplier is late (default "Delayed")
 * @param restocked the label of a case that ended with the item back (default "Restocked")
 * @param cancelled the label of a case that ended without it (default "Cancelled")
 */
record StatusLabels(String backordered, String delayed, String restocked, String cancelled) {

  StatusLabels {
    Objects.requireNonNull(backordered, "backordered is null");
    Objects.requireNonNull(delayed, "delayed is null");
    Objects.requireNonNull(restocked, "restocked is null");
    Objects.requireNonNull(cancelled, "cancelled is null");
  }

  /**
   * The label for a notification's {@code status} fact; empty for a resolution without an outcome
   * (the case closed neither restocked nor cancelled), which leaves the column as it is.
   */
  Optional<String> forStatus(String status) {
    return Optional.ofNullable(switch (status) {
      case "backordered" -> backordered;
      case "delayed" -> delayed;
      case "restocked" -> restocked;
      case "cancelled" -> cancelled;
      default -> null;
    });
  }
}
