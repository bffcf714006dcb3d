-- Expired leases are found by the claim query next to due deliveries.
CREATE INDEX deliveries_leases ON deliveries (status, lease_until);
-- Follow-ups look up what an earlier delivery of the case created, to update it in place.
CREATE INDEX deliveries_by_case_connector ON deliveries (case_id, connector, status);
