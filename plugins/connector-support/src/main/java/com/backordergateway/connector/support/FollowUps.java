package com.backordergateway.connector.support;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Purpose;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which platform record (a ticket, a card, a row) a follow-up updates: the reference the case's
 * first delivery left in its receipt. Connectors that update in place ask here instead of each
 * reading {@link Notification#previousReference()} their own way.
 */
public final class FollowUps {

  private FollowUps() {}

  /**
   * The record to update, for a new date or a resolution that has one; empty for a first notice,
   * when the first delivery left nothing, or when the reference is not a {@code what} id (left by
   * another connector type before the instance was changed; logged, and a new record is opened).
   *
   * @param recordId what the platform's ids look like, e.g. {@code [1-9][0-9]{0,17}}
   * @param what the platform and record, for the log line: "Zendesk ticket"
   */
  public static Optional<String> recordOf(Notification notification, Pattern recordId, String what,
      ConnectorContext context) {
    if (notification.purpose() != Purpose.ETA_CORRECTION && notification.purpose() != Purpose.RESOLUTION) {
      return Optional.empty();
    }
    Optional<String> previous = notification.previousReference().map(String::strip).filter(ref -> !ref.isEmpty());
    if (previous.isPresent() && !recordId.matcher(previous.get()).matches()) {
      context.logger().warn("delivery {}: previous reference is not a {} id; opening a new one",
          notification.deliveryId(), what);
      return Optional.empty();
    }
    return previous;
  }
}
