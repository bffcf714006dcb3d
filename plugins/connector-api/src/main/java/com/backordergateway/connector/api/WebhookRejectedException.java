package com.backordergateway.connector.api;

/** A webhook that is not authentic or not readable; the host answers it 401 or 400. */
public final class WebhookRejectedException extends Exception {

  private final boolean unauthenticated;

  private WebhookRejectedException(String message, boolean unauthenticated) {
    super(message);
    this.unauthenticated = unauthenticated;
  }

  /** Missing or wrong signature: 401. */
  public static WebhookRejectedException badSignature(String message) {
    return new WebhookRejectedException(message, true);
  }

  /** Authentic but not a body the platform sends: 400. */
  public static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(message, false);
  }

  public boolean unauthenticated() {
    return unauthenticated;
  }
}
