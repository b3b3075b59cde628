-- A parent with several children is found by phone before a second record is made.
CREATE INDEX guardian_phone ON guardian (phone) WHERE phone IS NOT NULL;
