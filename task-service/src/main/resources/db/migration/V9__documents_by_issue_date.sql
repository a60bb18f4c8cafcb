-- Documents are listed newest issued first (undated last), keyset-paginated on (issued_on, id).
create index policy_document_issued on policy_document (issued_on desc nulls last, id desc);
