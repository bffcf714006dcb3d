package com.backordergateway.connector.api;

/**
 * A webhook that is not authentic, not readable, or that cannot be read now; the host answers
 * it 401, 400 or 503 and stores nothing.
 */
public final class WebhookRejectedException extends Exception {

  private enum Kind {
    UNAUTHENTICATED,
    MALFORMED,
    RETRY_LATER
  }

  private final Kind kind;

  private WebhookRejectedException(String message, Kind kind) {
    super(message);
    this.kind = kind;
  }

  /** Missing or wrong signature: 401. */
  public static WebhookRejectedException badSignature(String message) {
    return new WebhookRejectedException(message, Kind.UNAUTHENTICATED);
  }

  /** Authentic but not a body the platform sends, or one this instance cannot act on: 400. */
  public static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(message, Kind.MALFORMED);
  }

  /**
   * Authentic, but a look-up it needs failed for now (the platform's API answered 429 or 5xx):
   * 503, so the platform delivers it again later (since 1.2).
   */
  public static WebhookRejectedException retryLater(String message) {
    return new WebhookRejectedException(message, Kind.RETRY_LATER);
  }

  public boolean unauthenticated() {
    return kind == Kind.UNAUTHENTICATED;
  }

  /** Since 1.2: the platform should deliver it again later. */
  public boolean retryLater() {
    return kind == Kind.RETRY_LATER;
  }
}
