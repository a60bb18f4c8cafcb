create table policy_document (
    id                     uuid primary key,
    doc_number             varchar(100) not null unique,
    title                  varchar(500) not null,
    issuer_id              uuid,
    jurisdiction           char(6)      not null,
    issued_on              date,
    published_on           date,
    implements_doc_number  varchar(100),
    source_file            varchar(300),
    source_sha256          char(64),
    version                bigint       not null,
    created_at             timestamptz  not null
);
create index policy_document_created on policy_document (created_at, id);

create table task (
    id          uuid primary key,
    document_id uuid         not null references policy_document (id),
    seq         varchar(20)  not null,
    parent_id   uuid references task (id),
    category    varchar(200),
    title       varchar(500) not null,
    content     text,
    source_text text,
    status      varchar(20)  not null,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    unique nulls not distinct (document_id, seq, parent_id)
);
create index task_document on task (document_id);
create index task_created on task (created_at, id);

create table task_assignment (
    task_id   uuid        not null references task (id) on delete cascade,
    position  int         not null,
    agency_id uuid,
    raw_name  varchar(200),
    kind      varchar(20) not null,
    role      varchar(20) not null,
    primary key (task_id, position)
);
create index task_assignment_agency on task_assignment (agency_id);

create table milestone (
    id                uuid primary key,
    document_id       uuid         not null references policy_document (id),
    task_id           uuid references task (id) on delete cascade,
    title             varchar(500) not null,
    due_date          date         not null,
    target_quantity   numeric,
    target_unit       varchar(20),
    target_comparator varchar(20),
    target_max        numeric,
    achieved          numeric,
    status            varchar(20)  not null
);
create index milestone_task on milestone (task_id);
create index milestone_open_due on milestone (due_date) where status = 'OPEN';

-- Replica of agency-service's directory, fed by agency.events
create table directory_agency (
    id             uuid primary key,
    name           varchar(200) not null,
    parent_id      uuid,
    classification varchar(40)  not null,
    division_code  char(6)      not null,
    status         varchar(20)  not null,
    successor_ids  text         not null default '[]',
    version        bigint       not null
);
create index directory_agency_parent on directory_agency (parent_id);
