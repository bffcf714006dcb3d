package com.backordergateway.server.errors;

/**
 * The store cannot write now (a full disk, a read-only file, another process's lock); nothing of
 * the work was stored. Answers UNAVAILABLE. The outage is logged once where it is found, so
 * whoever meets it again only retries.
 */
public final class StoreCannotWriteException extends UnavailableException {

  public StoreCannotWriteException(String reason, Throwable cause) {
    super("the store cannot write now (" + reason + "); nothing was stored, retry later");
    initCause(cause);
  }

  /** Whether {@code error} or one of its causes is this. */
  public static boolean isCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof StoreCannotWriteException) {
        return true;
      }
    }
    return false;
  }
}
