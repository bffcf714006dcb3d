package com.backordergateway.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReusedStatementsTest {

  @TempDir Path dir;

  @Test
  void aStatementRunAgainIsNotCompiledAgain() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("s.db"), null, null);
        Handle h = db.jdbi().open()) {
      ReusedStatements statements = new ReusedStatements();
      h.setStatementBuilder(statements);
      h.begin();
      for (int i = 0; i < 50; i++) {
        h.createUpdate("INSERT INTO sku_levels (sku, on_hand, cause, observed_at) VALUES (:sku, :n, 'COUNT', 0)")
            .bind("sku", "SKU-" + i).bind("n", i).execute();
        assertThat(h.createQuery("SELECT on_hand FROM sku_levels WHERE sku = ?").bind(0, "SKU-" + i)
            .mapTo(Integer.class).one()).isEqualTo(i);
      }
      h.commit();

      assertThat(statements.prepared()).as("one insert, one select").isEqualTo(2);
      assertThat(h.createQuery("SELECT COUNT(*) FROM sku_levels").mapTo(Integer.class).one()).isEqualTo(50);
    }
  }

  @Test
  void aStatementStillOpenIsNotHandedOutTwice() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("n.db"), null, null);
        Handle h = db.jdbi().open()) {
      h.setStatementBuilder(new ReusedStatements());
      h.execute("INSERT INTO sku_levels (sku, on_hand, cause, observed_at) VALUES ('A', 1, 'COUNT', 0), ('B', 2, 'COUNT', 0)");
      String sql = "SELECT sku FROM sku_levels WHERE on_hand >= ? ORDER BY sku";

      // The outer result is still being read while the same SQL runs inside.
      List<String> pairs = h.createQuery(sql).bind(0, 0).map((rs, ctx) -> rs.getString(1) + ":"
          + String.join(",", h.createQuery(sql).bind(0, 2).mapTo(String.class).list())).list();

      assertThat(pairs).containsExactly("A:B", "B:B");
    }
  }
}
