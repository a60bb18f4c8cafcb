create table agency (
    id               uuid primary key,
    name             varchar(200) not null,
    short_name       varchar(100),
    other_names      text         not null default '[]',
    classification   varchar(40)  not null,
    level            varchar(20)  not null,
    division_code    char(6)      not null,
    parent_id        uuid references agency (id),
    identifiers      text         not null default '[]',
    founding_date    date,
    dissolution_date date,
    status           varchar(20)  not null,
    successor_ids    text         not null default '[]',
    version          bigint       not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index agency_parent on agency (parent_id);
create index agency_name_id on agency (name, id);
create index agency_division on agency (division_code);
-- one active agency per name and jurisdiction; the same spelling elsewhere is another agency
create unique index agency_active_name on agency (division_code, name) where status = 'ACTIVE';
