-- A task a supervisor assessed as having missed a milestone (TaskSnapshot.missed) counts as overdue while it is open,
-- whatever its next due date, as task-service keeps it RED.
alter table task_workload add column missed boolean not null default false;
