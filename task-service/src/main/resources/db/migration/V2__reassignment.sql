alter table task add column review_required boolean not null default false;
-- the unit first assigned, kept when a reorganization moves the assignment to a successor
alter table task_assignment add column former_agency_id uuid;

-- who was assigned when: one row per assignment moved by a reorganization
create table assignment_history (
    id                bigserial primary key,
    task_id           uuid        not null references task (id) on delete cascade,
    from_agency_id    uuid        not null,
    to_agency_id      uuid        not null,
    role              varchar(20) not null,
    reorganization_id uuid,
    effective_on      date,
    recorded_at       timestamptz not null
);
create index assignment_history_task on assignment_history (task_id);
