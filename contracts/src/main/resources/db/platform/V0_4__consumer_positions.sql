-- Where each consumer stands in each partition it reads, written in the transaction that applies the events: a
-- database restored to an earlier point, or a new one, takes up the topic from where its own data stands, whatever
-- offsets the consumer group committed to Kafka since (StoredPositions seeks there when partitions are assigned).
create table consumer_position (
    consumer        varchar(100) not null,
    topic           varchar(249) not null,
    kafka_partition integer      not null,
    next_offset     bigint       not null,
    updated_at      timestamptz  not null default now(),
    primary key (consumer, topic, kafka_partition)
);
