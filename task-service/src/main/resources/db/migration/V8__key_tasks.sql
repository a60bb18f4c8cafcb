-- Key tasks (重点任务): a plan marks them ★ or ☆; supervisors list them apart.
alter table task add column key_task boolean not null default false;
create index task_key_created on task (created_at, id) where key_task;
