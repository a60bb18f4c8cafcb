-- A supervisor's verdict on a milestone (POST /api/v1/milestones/{id}/assessment): ACHIEVED or MISSED, with the reason,
-- by whom and when. Null for milestones settled by progress reports or the sweep.
alter table milestone add column assessment_note text,
    add column assessed_by text,
    add column assessed_at timestamptz;
