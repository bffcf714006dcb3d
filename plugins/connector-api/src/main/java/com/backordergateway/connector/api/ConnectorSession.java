package com.backordergateway.connector.api;

/** One configured connector instance, ready to deliver. Thread-safe. */
public interface ConnectorSession extends AutoCloseable {

  /**
   * Sends one notification to the platform.
   *
   * @return the platform's id for what was created, and a reference for follow-ups
   * @throws RetryableDeliveryException on rate limits, server errors, timeouts and lost
   *     connections: the host tries again later (never sooner than its retry-after)
   * @throws PermanentDeliveryException when retrying cannot help (bad recipient, rejected
   *     content, bad credentials): the host moves the delivery to the dead letters
   */
  DeliveryReceipt deliver(Notification notification) throws DeliveryException;

  /** Releases what {@link Connector#open} acquired; called after deliveries in flight finish. */
  @Override
  default void close() {}
}
