package com.backordergateway.connector.api;

/** A setting is missing or malformed; the message names the key, never its value. */
public final class InvalidSettingsException extends RuntimeException {

  private final String key;

  public InvalidSettingsException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
