-- What a connector said about how a delivery went when it was not the plain case (a follow-up
-- whose ticket was deleted on the platform opened a new one); empty otherwise.
ALTER TABLE deliveries ADD COLUMN delivery_note TEXT NOT NULL DEFAULT '';
