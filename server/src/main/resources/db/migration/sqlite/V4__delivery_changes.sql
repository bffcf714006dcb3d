-- The feed WatchEvents streams delivery status from: planned, a failed try (retry scheduled),
-- delivered, dead, cancelled, requeued. Written by triggers, so every code path that moves a
-- delivery is covered; claims (in flight) and waits that are not tries are left out.
CREATE TABLE delivery_changes (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id TEXT    NOT NULL,
  status      TEXT    NOT NULL,
  attempts    INTEGER NOT NULL,
  changed_at  INTEGER NOT NULL
);

CREATE TRIGGER delivery_planned AFTER INSERT ON deliveries
BEGIN
  INSERT INTO delivery_changes (delivery_id, status, attempts, changed_at)
  VALUES (NEW.id, NEW.status, NEW.attempts, NEW.updated_at);
END;

CREATE TRIGGER delivery_moved AFTER UPDATE OF status ON deliveries
WHEN NEW.status IN ('DELIVERY_STATUS_DELIVERED', 'DELIVERY_STATUS_DEAD', 'DELIVERY_STATUS_CANCELLED')
  OR (NEW.status = 'DELIVERY_STATUS_PENDING' AND NEW.attempts > OLD.attempts)
  OR (NEW.status = 'DELIVERY_STATUS_PENDING' AND OLD.status IN ('DELIVERY_STATUS_DEAD', 'DELIVERY_STATUS_CANCELLED'))
BEGIN
  INSERT INTO delivery_changes (delivery_id, status, attempts, changed_at)
  VALUES (NEW.id, NEW.status, NEW.attempts, NEW.updated_at);
END;
