package com.backordergateway.connector.api;

/** A delivery failed; the subclass says whether trying again can help. */
public abstract sealed class DeliveryException extends Exception
    permits RetryableDeliveryException, PermanentDeliveryException {

  protected DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
