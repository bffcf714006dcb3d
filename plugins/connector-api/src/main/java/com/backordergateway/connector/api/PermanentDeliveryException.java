package com.backordergateway.connector.api;

/** Trying again cannot help: the platform rejected the request itself (the message says why). */
public final class PermanentDeliveryException extends DeliveryException {

  public PermanentDeliveryException(String message) {
    super(message, null);
  }

  public PermanentDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
