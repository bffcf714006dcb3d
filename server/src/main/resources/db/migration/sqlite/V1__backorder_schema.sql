-- Times are epoch milliseconds; enum columns hold the proto enum names.

CREATE TABLE events (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  id            TEXT    NOT NULL UNIQUE,
  kind          TEXT    NOT NULL,
  trig          TEXT    NOT NULL,
  triggered     INTEGER NOT NULL,
  reason        TEXT    NOT NULL,
  case_change   TEXT    NOT NULL,
  received_at   INTEGER NOT NULL,
  request_type  TEXT    NOT NULL,
  request       BLOB    NOT NULL
);
CREATE INDEX events_by_time ON events (received_at);
CREATE INDEX events_by_trigger ON events (trig, seq);

CREATE TABLE event_skus (
  sku       TEXT    NOT NULL,
  event_seq INTEGER NOT NULL REFERENCES events (seq),
  PRIMARY KEY (sku, event_seq)
);

CREATE TABLE event_cases (
  case_id   TEXT    NOT NULL,
  event_seq INTEGER NOT NULL REFERENCES events (seq),
  PRIMARY KEY (case_id, event_seq)
);

CREATE TABLE cases (
  seq                INTEGER PRIMARY KEY AUTOINCREMENT,
  id                 TEXT    NOT NULL UNIQUE,
  sku                TEXT    NOT NULL,
  opened_by          TEXT    NOT NULL,
  status             TEXT    NOT NULL,
  eta                INTEGER,
  reason             TEXT    NOT NULL,
  opened_at          INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  resolved_at        INTEGER,
  resolution_message TEXT
);
-- One open case per SKU, whichever replica opens it.
CREATE UNIQUE INDEX cases_one_open_per_sku ON cases (sku) WHERE status = 'CASE_STATUS_OPEN';
CREATE INDEX cases_by_sku ON cases (sku, seq);

CREATE TABLE case_orders (
  case_id   TEXT    NOT NULL REFERENCES cases (id),
  order_id  TEXT    NOT NULL,
  customer  BLOB    NOT NULL,
  added_at  INTEGER NOT NULL,
  PRIMARY KEY (case_id, order_id)
);

CREATE TABLE deliveries (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT    NOT NULL UNIQUE,
  event_id        TEXT    NOT NULL,
  case_id         TEXT,
  connector       TEXT    NOT NULL,
  route           TEXT,
  audience        TEXT    NOT NULL,
  order_id        TEXT,
  customer        BLOB,
  purpose         TEXT    NOT NULL,
  trig            TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_owner     TEXT,
  lease_until     INTEGER,
  external_id     TEXT,
  external_ref    TEXT,
  last_error      TEXT,
  content         TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX deliveries_by_case ON deliveries (case_id);
CREATE INDEX deliveries_by_event ON deliveries (event_id);

CREATE TABLE shipments (
  po_number            TEXT    PRIMARY KEY,
  supplier             TEXT    NOT NULL,
  original_expected_at INTEGER NOT NULL,
  expected_at          INTEGER NOT NULL,
  status               TEXT    NOT NULL,
  delay_steps          INTEGER NOT NULL DEFAULT 0,
  registered_at        INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL
);
CREATE INDEX shipments_due ON shipments (status, expected_at);

CREATE TABLE shipment_lines (
  po_number TEXT    NOT NULL REFERENCES shipments (po_number),
  sku       TEXT    NOT NULL,
  quantity  INTEGER NOT NULL,
  PRIMARY KEY (po_number, sku)
);

CREATE TABLE sku_levels (
  sku         TEXT    PRIMARY KEY,
  on_hand     INTEGER NOT NULL,
  cause       TEXT    NOT NULL,
  observed_at INTEGER NOT NULL
);

-- Answers to replay: client idempotency keys and platform delivery ids.
CREATE TABLE idempotency_keys (
  scope        TEXT    NOT NULL,
  key          TEXT    NOT NULL,
  request_hash BLOB,
  response     BLOB    NOT NULL,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
);
