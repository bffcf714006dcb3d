package com.backordergateway.server.errors;

/** The named thing does not exist; answers NOT_FOUND. */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
