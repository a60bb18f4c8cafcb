-- What agency-service learns from task.events: each task's current status, due date and assigned units
create table task_workload (
    task_id  uuid primary key,
    status   varchar(20) not null,
    due_date date,
    version  bigint      not null
);
create table task_workload_assignment (
    task_id   uuid        not null references task_workload (task_id) on delete cascade,
    agency_id uuid        not null,
    role      varchar(20) not null,
    primary key (task_id, agency_id, role)
);
create index task_workload_assignment_agency on task_workload_assignment (agency_id);

-- The curation queue: names task-service could not resolve, one row per spelling and jurisdiction
create table unresolved_name (
    id            uuid primary key,
    name_key      varchar(200) not null,
    raw_name      varchar(200) not null,
    jurisdiction  char(6)      not null,
    occurrences   bigint       not null,
    status        varchar(20)  not null,
    agency_id     uuid references agency (id),
    last_task_id  uuid,
    first_seen_at timestamptz  not null,
    last_seen_at  timestamptz  not null,
    unique (jurisdiction, name_key)
);
create index unresolved_name_queue on unresolved_name (status, occurrences desc, id);
