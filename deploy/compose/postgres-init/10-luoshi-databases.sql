-- Runs once, when the postgres container initialises an empty data volume: one database per service, owned by
-- the local user (compose.yaml sets POSTGRES_USER/POSTGRES_PASSWORD to luoshi/luoshi; local only). The services
-- create their schemas themselves with Flyway at start.
CREATE DATABASE luoshi_agency OWNER luoshi ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE luoshi_task OWNER luoshi ENCODING 'UTF8' TEMPLATE template0;
