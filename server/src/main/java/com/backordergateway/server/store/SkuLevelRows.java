package com.backordergateway.server.store;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** The last reported on-hand level per SKU. */
public final class SkuLevelRows {

  private SkuLevelRows() {}

  public static void record(Handle h, String sku, int onHand, String cause, Instant observedAt) {
    DirectWrites.update(h,
        "INSERT INTO sku_levels (sku, on_hand, cause, observed_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (sku) DO UPDATE SET on_hand = excluded.on_hand,"
            + " cause = excluded.cause, observed_at = excluded.observed_at",
        sku, onHand, cause, observedAt.toEpochMilli());
  }
}
