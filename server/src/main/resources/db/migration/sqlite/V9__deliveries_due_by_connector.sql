-- Claims are made per connector instance, for as many as its lane can start (see DeliveryClaims.claim).
CREATE INDEX deliveries_due_by_connector ON deliveries (connector, status, next_attempt_at);
