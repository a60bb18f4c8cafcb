-- The member agencies of a GROUP assignment (各市州人民政府 …), as agency-service resolved the group; tasks of a
-- group are found through its members, and the members follow reorganizations like direct assignments.
create table task_assignment_member (
    task_id   uuid not null,
    position  int  not null,
    agency_id uuid not null,
    primary key (task_id, position, agency_id),
    foreign key (task_id, position) references task_assignment (task_id, position) on delete cascade
);

create index task_assignment_member_by_agency on task_assignment_member (agency_id);
