-- The milestones without a target that a progress report declared done (achievedMilestoneIds), kept with the report
-- as its metrics are: a JSON array of ids. Reports written before have declared none.
alter table progress_report add column achieved_milestones text not null default '[]';
