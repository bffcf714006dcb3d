package com.backordergateway.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {

  @TempDir Path dir;

  @Test
  void aFailingUnitRollsBackAloneAndTheRestCommit() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("w.db"), null, null);
        GroupCommitWriter writer = new GroupCommitWriter(db, new StoreWriteHealth())) {
      AtomicInteger commits = new AtomicInteger();
      writer.onCommit(commits::incrementAndGet);
      List<CompletableFuture<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        results.add(writer.submit(h -> {
          h.execute("INSERT INTO sku_levels (sku, on_hand, cause, observed_at) VALUES (?, ?, 'COUNT', 0)", "SKU-" + n, n);
          if (n % 10 == 3) {
            throw new IllegalArgumentException("unit " + n + " fails after writing");
          }
          return n;
        }));
      }

      for (int i = 0; i < results.size(); i++) {
        CompletableFuture<Integer> result = results.get(i);
        if (i % 10 == 3) {
          assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
        } else {
          assertThat(result.join()).isEqualTo(i);
        }
      }
      int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sku_levels").mapTo(Integer.class).one());
      assertThat(rows).isEqualTo(180);
      assertThat(commits.get()).as("200 units shared fewer commits").isBetween(1, 200);
    }
  }
}
