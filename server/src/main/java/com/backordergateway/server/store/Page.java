package com.backordergateway.server.store;

/** Keyset pagination: rows carry their sequence number so the next page starts after them. */
public final class Page {

  private Page() {}

  /** A row and its position. */
  public record Row<T>(long seq, T value) {}
}
