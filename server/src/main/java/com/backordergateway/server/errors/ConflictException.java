package com.backordergateway.server.errors;

/**
 * The request is well-formed but the current state forbids it (a resolved case, a shipment
 * already received); answers FAILED_PRECONDITION, or ALREADY_EXISTS when {@code exists}.
 */
public final class ConflictException extends RuntimeException {

  private final boolean exists;

  private ConflictException(String message, boolean exists) {
    super(message);
    this.exists = exists;
  }

  public static ConflictException failedPrecondition(String message) {
    return new ConflictException(message, false);
  }

  public static ConflictException alreadyExists(String message) {
    return new ConflictException(message, true);
  }

  public boolean alreadyExists() {
    return exists;
  }
}
