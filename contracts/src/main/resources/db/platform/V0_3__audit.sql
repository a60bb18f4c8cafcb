-- The audit trail: one row per change, written in the change's transaction (see AuditTrail). Append-only.
create table audit_entry (
    id              uuid primary key,
    occurred_at     timestamptz not null,
    actor_subject   text not null,
    actor_username  text,
    actor_agency_id uuid,
    entity          text not null,
    entity_id       text not null,
    action          text not null,
    event_id        uuid,
    request_id      text,
    changes         jsonb,
    -- {"fields": [{field, before, after}]}; state: the aggregate as it stood after the change, so the next change of it can name what it changed
    state           jsonb
);

create index audit_entry_by_entity on audit_entry (entity, entity_id, occurred_at desc, id desc);
create index audit_entry_by_time on audit_entry (occurred_at desc, id desc);
create index audit_entry_by_actor on audit_entry (actor_username, occurred_at desc);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
