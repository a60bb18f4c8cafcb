-- A MOVE keeps the parent it moved from, so that reads as of an earlier date show the unit where it stood then.
-- Lines written before this version did not record it (previous_parent_known false): for them the current parent
-- is shown, as before.
alter table agency_history add column previous_parent_id uuid;
alter table agency_history add column previous_parent_known boolean not null default false;
