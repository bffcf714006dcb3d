-- One row the writer rewrites while the store cannot write (full disk, read-only file, a lock
-- held by another process), so it learns the store is back even when no call writes.
CREATE TABLE store_probe (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  written_at INTEGER NOT NULL
);
