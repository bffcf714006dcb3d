package com.backordergateway.server.store;

/**
 * A place in one of the change feeds (events, delivery changes), ordered by the writing
 * transaction first, then by sequence number.
 *
 * <p>Why not the sequence number alone: on PostgreSQL, replicas take sequence values before they
 * commit, so a row with seq 41 can commit after a reader has already passed seq 42, and a cursor of
 * "after 42" would skip it forever. Readers therefore take only rows whose transaction is older
 * than every transaction still running ({@code pg_snapshot_xmin}): that set can no longer grow,
 * and any row committed later has a larger transaction id, so it sorts after every position
 * handed out. On SQLite one transaction commits at a time in seq order, and {@code xid} is 0.
 *
 * <p>As text: {@code seq} when {@code xid} is 0, else {@code xid-seq}.
 */
public record FeedPosition(long xid, long seq) {

  public static final FeedPosition START = new FeedPosition(0, 0);

  /** Reads the text form; throws {@link IllegalArgumentException} for anything else. */
  public static FeedPosition parse(String text) {
    int dash = text.indexOf('-');
    long xid = dash < 0 ? 0 : Long.parseLong(text.substring(0, dash));
    long seq = Long.parseLong(text.substring(dash + 1));
    if (xid < 0 || seq < 0) {
      throw new IllegalArgumentException("negative feed position " + text);
    }
    return new FeedPosition(xid, seq);
  }

  @Override
  public String toString() {
    return xid == 0 ? Long.toString(seq) : xid + "-" + seq;
  }

  /**
   * The condition and order for rows after {@code after} in {@code table} (aliased {@code alias}),
   * with {@code :xid} and {@code :seq} to bind; on PostgreSQL only rows no running transaction can
   * still precede.
   */
  static String after(Dialect dialect, String alias) {
    return dialect == Dialect.POSTGRESQL
        ? "(" + alias + ".xid, " + alias + ".seq) > (CAST(:xid AS xid8), :seq)"
            + " AND " + alias + ".xid < pg_snapshot_xmin(pg_current_snapshot())"
        : alias + ".seq > :seq";
  }

  static String order(Dialect dialect, String alias) {
    return dialect == Dialect.POSTGRESQL ? alias + ".xid, " + alias + ".seq" : alias + ".seq";
  }

  /** The newest position in {@code table} that readers may already have passed. */
  static FeedPosition last(org.jdbi.v3.core.Handle h, String table) {
    String sql = Dialect.of(h) == Dialect.POSTGRESQL
        ? "SELECT CAST(xid AS text) AS xid, seq FROM " + table
            + " WHERE xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid DESC, seq DESC LIMIT 1"
        : "SELECT 0 AS xid, seq FROM " + table + " ORDER BY seq DESC LIMIT 1";
    return h.createQuery(sql)
        .map((rs, ctx) -> new FeedPosition(Long.parseLong(rs.getString("xid")), rs.getLong("seq")))
        .findOne()
        .orElse(START);
  }

  /** The position of the row {@code rs} is on (its {@code xid} and {@code seq} columns, as named). */
  static FeedPosition of(java.sql.ResultSet rs, String xidColumn, String seqColumn) throws java.sql.SQLException {
    return new FeedPosition(Long.parseLong(rs.getString(xidColumn)), rs.getLong(seqColumn));
  }
}
