-- The replica's identifiers of each agency as its snapshot gave them (JSON array of "scheme:identifier"), for the group
-- rules that ask for a kind of unit (各高职院校: kind HIGHER_VOCATIONAL). Null: not known yet (a row kept before, filled
-- by the agency's next snapshot or a republished registry); such a unit meets no rule that asks for an identifier.
alter table directory_agency add column identifiers text;
