-- Feed positions are (xid, seq) on every dialect. On PostgreSQL xid is the writing transaction's id,
-- so a cursor cannot pass a row that commits after rows with a higher seq; SQLite commits one
-- transaction at a time in seq order, so its rows all carry 0.
ALTER TABLE events ADD COLUMN xid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE delivery_changes ADD COLUMN xid INTEGER NOT NULL DEFAULT 0;

-- Replicas sharing the store announce themselves here: a connector's rate limit is split among
-- the live ones. Periodic jobs (supplier monitor, retention) run where their lease is held.
CREATE TABLE replicas (
  owner        TEXT    PRIMARY KEY,
  started_at   INTEGER NOT NULL,
  heartbeat_at INTEGER NOT NULL
);

CREATE TABLE job_leases (
  job         TEXT    PRIMARY KEY,
  owner       TEXT    NOT NULL,
  lease_until INTEGER NOT NULL
);

-- Retention looks for old settled deliveries and old stored answers by time.
CREATE INDEX deliveries_settled ON deliveries (status, updated_at);
CREATE INDEX idempotency_keys_by_time ON idempotency_keys (created_at);
CREATE INDEX delivery_changes_by_time ON delivery_changes (changed_at);
