-- How a GROUP assignment's members are found, as agency-service's resolve answered it (JSON: jurisdiction, levels,
-- classifications, identifierKind): units founded, moved or reclassified later join or leave its members. Null: the
-- members stay as they were given (followed through reorganizations only). The rule's jurisdiction apart, to find the
-- groups a unit may belong to by its division's codes.
alter table task_assignment add column member_rule text;
alter table task_assignment add column member_jurisdiction text;
create index task_assignment_by_member_jurisdiction on task_assignment (member_jurisdiction)
    where member_jurisdiction is not null;

-- the replica's level of each agency (PROVINCE, PREFECTURE, COUNTY …), which the rules name; filled by the next
-- snapshot of each agency, or by a repeat of its current one (a republished registry)
alter table directory_agency add column level text;
