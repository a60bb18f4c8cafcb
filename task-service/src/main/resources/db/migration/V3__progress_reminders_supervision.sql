alter table task add column last_progress_at timestamptz;
-- open and no progress for luoshi.supervision.stale-after-days (set by the supervision sweep)
alter table task add column stale boolean not null default false;

-- 填报: what a responsible unit reported, with metric values per milestone (JSON array)
create table progress_report (
    id          uuid primary key,
    task_id     uuid         not null references task (id) on delete cascade,
    agency_id   uuid,
    period      varchar(20)  not null,
    text        text         not null,
    percent     int,
    metrics     text         not null default '[]',
    reported_by varchar(200) not null,
    reported_at timestamptz  not null
);
create index progress_report_task on progress_report (task_id, reported_at desc);

-- 催办: reminders to the responsible units (agency ids as a JSON array)
create table reminder (
    id         uuid primary key,
    task_id    uuid          not null references task (id) on delete cascade,
    agency_ids text          not null,
    message    varchar(1000) not null,
    respond_by date,
    issued_by  varchar(200)  not null,
    issued_at  timestamptz   not null
);
create index reminder_task on reminder (task_id, issued_at desc);

-- 逾期预警: one alert per milestone and threshold, never repeated
create table milestone_alert (
    milestone_id uuid        not null references milestone (id) on delete cascade,
    threshold    varchar(20) not null,
    raised_at    timestamptz not null,
    primary key (milestone_id, threshold)
);
