-- The day each agency of the replica was (or is to be) founded, as its snapshot gave it, and whether a unit founded
-- for a later day still waits for it: until then it joins no group by rule; the day it comes, it joins the groups of
-- open tasks whose rule it meets (FoundedUnits). Rows kept before this column: founded, none waiting.
alter table directory_agency add column founding_date date;
alter table directory_agency add column founding_pending boolean not null default false;
create index directory_agency_founding_pending on directory_agency (founding_date) where founding_pending;
