-- How a GROUP assignment's members are found, as agency-service's resolve answered it (JSON: jurisdiction, levels,
-- classifications, identifierKind): units founded, moved or reclassified later join or leave its members. Null: the
-- members stay as they were given (followed through reorganizations only).
alter table task_assignment add column member_rule text;

-- the replica's level of each agency (PROVINCE, PREFECTURE, COUNTY …), which the rules name; filled by the next
-- snapshot of each agency
alter table directory_agency add column level text;
