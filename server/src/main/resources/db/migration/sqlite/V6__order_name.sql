-- The name the shop shows for an order (Shopify "#1001", a WooCommerce order number), for the
-- notices about it; empty when the caller gave none (the order id is shown then).
ALTER TABLE case_orders ADD COLUMN order_name TEXT NOT NULL DEFAULT '';
