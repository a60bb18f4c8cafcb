-- The tasks that stay RED for a milestone a supervisor assessed MISSED (task lists by health, statistics).
create index milestone_missed_task on milestone (task_id) where status = 'MISSED';
