package com.backordergateway.server.errors;

/** Cannot serve this now, try again later (a plugin that is not loaded); answers UNAVAILABLE. */
public class UnavailableException extends RuntimeException {
  public UnavailableException(String message) {
    super(message);
  }
}
