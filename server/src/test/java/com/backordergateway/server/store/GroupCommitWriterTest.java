package com.backordergateway.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backordergateway.server.testing.HeldWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
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

  private static int levels(Database db, String sku) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sku_levels WHERE sku = ?")
        .bind(0, sku).mapTo(Integer.class).one());
  }

  private static Handoff.Rows<Integer> level(String sku) {
    return (h, n) -> h.execute("INSERT INTO sku_levels (sku, on_hand, cause, observed_at) VALUES (?, ?, 'COUNT', 0)",
        sku, n);
  }

  @Test
  void handedOffWorkRunsOffTheWriterAndItsRowsCommitWithTheUnit() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("h.db"), null, null);
        GroupCommitWriter writer = new GroupCommitWriter(db, new StoreWriteHealth())) {
      List<String> computedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
      var result = writer.submit(h -> writer.handOff(Set.of(), () -> {
        computedOn.add(Thread.currentThread().getName());
        return 41 + 1;
      }, level("HANDED"))).join();

      assertThat(result.get()).isEqualTo(42);
      assertThat(computedOn).containsExactly("store-prepare");
      assertThat(levels(db, "HANDED")).isEqualTo(1);
    }
  }

  @Test
  void aLaterUnitSeesHandedOffRowsOnlyWhenItAsksForTheirTag() throws Exception {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null);
        GroupCommitWriter writer = new GroupCommitWriter(db, new StoreWriteHealth())) {
      CountDownLatch release = HeldWriter.hold(writer);
      writer.submit(h -> writer.handOff(Set.of("sku:A"), () -> 1, level("A")));
      CompletableFuture<Integer> unasked = writer.submit(h -> levelsIn(h, "A"));
      CompletableFuture<Integer> asked = writer.submit(h -> {
        writer.writeHandedOff("sku:A");
        return levelsIn(h, "A");
      });
      release.countDown();

      assertThat(unasked.join()).as("not yet written: another unit's rows are not read by accident").isZero();
      assertThat(asked.join()).isEqualTo(1);
      assertThat(levels(db, "A")).isEqualTo(1);
    }
  }

  @Test
  void rowsWrittenAtALaterUnitsAskingSurviveThatUnitRollingBack() throws Exception {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("s.db"), null, null);
        GroupCommitWriter writer = new GroupCommitWriter(db, new StoreWriteHealth())) {
      CountDownLatch release = HeldWriter.hold(writer);
      CompletableFuture<Handoff<Integer>> first = writer.submit(h -> writer.handOff(Set.of("sku:B"), () -> 7, level("B")));
      CompletableFuture<Integer> failing = writer.submit(h -> {
        writer.writeHandedOff("sku:B"); // the first unit's rows are written inside this unit's savepoint
        throw new IllegalStateException("this unit fails after asking");
      });
      release.countDown();

      assertThat(first.join().get()).isEqualTo(7);
      assertThatThrownBy(failing::join).hasCauseInstanceOf(IllegalStateException.class);
      assertThat(levels(db, "B")).as("the first unit's rows, committed as its caller was told").isEqualTo(1);
    }
  }

  private static int levelsIn(org.jdbi.v3.core.Handle h, String sku) {
    return h.createQuery("SELECT COUNT(*) FROM sku_levels WHERE sku = ?").bind(0, sku).mapTo(Integer.class).one();
  }

  @Test
  void failingHandedOffWorkFailsItsUnitAloneWithNothingOfItStored() throws Exception {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("f.db"), null, null);
        GroupCommitWriter writer = new GroupCommitWriter(db, new StoreWriteHealth())) {
      CountDownLatch release = HeldWriter.hold(writer);
      List<CompletableFuture<Handoff<Integer>>> results = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        int n = i;
        results.add(writer.submit(h -> {
          level("DECIDED-" + n).write(h, n); // written by the unit itself, before the handoff
          return writer.handOff(Set.of(), () -> {
            if (n % 10 == 4) {
              throw new IllegalStateException("cannot render " + n);
            }
            return n;
          }, level("HANDED-" + n));
        }));
      }
      release.countDown();

      for (int i = 0; i < results.size(); i++) {
        if (i % 10 == 4) {
          assertThatThrownBy(results.get(i)::join).hasCauseInstanceOf(IllegalStateException.class)
              .hasMessageContaining("cannot render " + i);
          assertThat(levels(db, "DECIDED-" + i) + levels(db, "HANDED-" + i)).isZero();
        } else {
          assertThat(results.get(i).join().get()).isEqualTo(i);
          assertThat(levels(db, "DECIDED-" + i)).isEqualTo(1);
          assertThat(levels(db, "HANDED-" + i)).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void aUnitThatRollsBackDropsWhatItHandedOff() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("r.db"), null, null);
        GroupCommitWriter writer = new GroupCommitWriter(db, new StoreWriteHealth())) {
      CompletableFuture<Object> failed = writer.submit(h -> {
        writer.handOff(Set.of(), () -> 1, level("DROPPED"));
        throw new IllegalArgumentException("the unit fails after handing off");
      });

      assertThatThrownBy(failed::join).hasCauseInstanceOf(IllegalArgumentException.class);
      assertThat(writer.submit(h -> levelsIn(h, "DROPPED")).join()).isZero();
      assertThat(levels(db, "DROPPED")).isZero();
    }
  }
}
