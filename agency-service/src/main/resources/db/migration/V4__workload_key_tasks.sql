-- Key tasks (重点任务) counted apart in an agency's workload; snapshots published before the flag existed carry none.
alter table task_workload add column key_task boolean not null default false;
