-- The dashboard reads a case's delivery history, tells requeues from failed tries, and lists the
-- cases a supplier's shipments cover: lookups by delivery and by SKU.
CREATE INDEX delivery_changes_by_delivery ON delivery_changes (delivery_id, seq);
CREATE INDEX shipment_lines_by_sku ON shipment_lines (sku);
