-- An event Kafka refuses for what it is (larger than the broker takes, not serializable) would be refused at every
-- try and hold back every event after it: the relay parks it instead, with the reason, for an operator to act on
-- (docs/operations.md). Parked rows are not published until parked_at is cleared. The new partial index is built
-- by reading the table once (not concurrently, see V0_5): outbox inserts wait for it, about a second per million rows.
alter table outbox_event add column parked_at timestamptz;
alter table outbox_event add column park_reason text;
drop index outbox_event_unpublished;
create index outbox_event_unpublished on outbox_event (position) where published_at is null and parked_at is null;
create index outbox_event_parked on outbox_event (parked_at) where parked_at is not null;
