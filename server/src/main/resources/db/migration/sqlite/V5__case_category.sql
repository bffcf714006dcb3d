-- The SKU's product category, as the caller gave it when the case opened; routes match on it.
ALTER TABLE cases ADD COLUMN category TEXT NOT NULL DEFAULT '';
