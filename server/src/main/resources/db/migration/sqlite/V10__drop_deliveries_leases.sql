-- Every delivery row was kept in eight B-trees, and every claim and outcome rewrote its entry in
-- this one. Claims look for expired leases per connector through deliveries_due_by_connector
-- (connector, status, …), among that connector's few IN_FLIGHT rows, so no query needs it.
DROP INDEX deliveries_leases;
