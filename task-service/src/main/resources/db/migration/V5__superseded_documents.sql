-- An import with replace=true supersedes the document stored under the same 文号. The old row stays for the record,
-- pointing to its replacement; only current documents must have distinct numbers and distinct source files.
-- The reference is checked at commit: the old row is marked before its replacement is inserted.
alter table policy_document add column superseded_by uuid references policy_document (id) deferrable initially deferred;
alter table policy_document add column superseded_at timestamptz;
alter table policy_document drop constraint policy_document_doc_number_key;
create unique index policy_document_current_number on policy_document (doc_number) where superseded_by is null;
drop index policy_document_source;
create unique index policy_document_current_source on policy_document (source_sha256)
    where source_sha256 is not null and superseded_by is null;
