-- 机构改革: one row per reorganization (org:ChangeEvent), applied in one transaction with its agencies' changes
create table reorganization (
    id            uuid primary key,
    type          varchar(20)  not null,
    effective_on  date         not null,
    basis         varchar(1000),
    original_ids  text         not null,
    resulting_ids text         not null,
    recorded_at   timestamptz  not null
);

-- What happened to each agency, and why
create table agency_history (
    id              bigserial primary key,
    agency_id       uuid         not null references agency (id),
    reorganization_id uuid references reorganization (id),
    change          varchar(40)  not null,
    effective_on    date         not null,
    detail          varchar(1000),
    recorded_at     timestamptz  not null
);
create index agency_history_agency on agency_history (agency_id, effective_on);
