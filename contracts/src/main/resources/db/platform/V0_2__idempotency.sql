-- Idempotency-Key: the first outcome of a POST, replayed when the same caller repeats the key
create table idempotency_record (
    scope        varchar(300) not null,
    idem_key     varchar(100) not null,
    request_hash char(64)     not null,
    status       int,
    body         text,
    location     varchar(500),
    etag         varchar(100),
    created_at   timestamptz  not null,
    primary key (scope, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);
