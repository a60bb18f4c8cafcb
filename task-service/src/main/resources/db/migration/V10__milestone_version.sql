-- A milestone is written by progress reports (its achieved amount) and by the supervision sweep (a ceiling that held
-- is achieved): its version detects one of them overwriting the other.
alter table milestone add column version bigint not null default 0;
