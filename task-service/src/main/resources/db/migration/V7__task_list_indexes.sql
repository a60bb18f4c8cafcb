-- Task lists filter by document and status and page by (created_at, id): without this index a filter that matches
-- few tasks of a large document walks the whole document (measured with deploy/bench/tasks.sh list).
create index task_document_status_created on task (document_id, status, created_at, id);
create index task_status_created on task (status, created_at, id);
