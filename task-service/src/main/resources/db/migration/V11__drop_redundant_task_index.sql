-- task_document (document_id) duplicates the leading column of two other indexes on task: the unique
-- (document_id, seq, parent_id) and task_document_status_created (document_id, status, created_at, id), which serve
-- every lookup by document (and the foreign key) as well. One index fewer to write for every task an import stores.
drop index task_document;
