-- an annex imported on its own may not state its 文号; the file's hash then identifies the import
alter table policy_document alter column doc_number drop not null;
create unique index policy_document_source on policy_document (source_sha256) where source_sha256 is not null;
