-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
create table outbox_event (
    id             uuid primary key,
    position       bigserial    not null unique,
    topic          varchar(200) not null,
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(100) not null,
    event_type     varchar(200) not null,
    payload        jsonb        not null,
    occurred_at    timestamptz  not null,
    published_at   timestamptz
);
create index outbox_event_unpublished on outbox_event (position) where published_at is null;

-- Wake the relay when a transaction that wrote events commits (NOTIFY is delivered at commit).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('luoshi_outbox', '');
    return null;
end
$$;
create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- Inbox: ids of the events a consumer has applied, written in the same transaction as its own change.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
