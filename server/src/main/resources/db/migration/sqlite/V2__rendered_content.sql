-- Rendered content is stored when a delivery is planned: audit and replay see what was sent.
ALTER TABLE deliveries ADD COLUMN subject TEXT;
-- Structured facts for platforms that take fields (JSON object of strings).
ALTER TABLE deliveries ADD COLUMN facts TEXT;
