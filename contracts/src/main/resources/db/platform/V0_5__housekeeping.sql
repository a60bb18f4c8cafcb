-- Housekeeping deletes the inbox's records of events applied long ago (luoshi.housekeeping.processed-events-kept);
-- idempotency_record already has its index on created_at. Not built concurrently: that waits for every open
-- transaction, Flyway's own lock among them, and never ends; inserts into the inbox wait while the index is built
-- (seconds for millions of rows).
create index processed_event_processed_at on processed_event (processed_at);
