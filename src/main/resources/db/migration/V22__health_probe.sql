-- owner: web
-- The table health component databaseWrites writes to (ADR 22): it inserts one row and rolls it
-- back, so the table stays empty; the check constraint is what the probe exercises.
create table health_probe (
    id bigint primary key,
    status varchar(8) not null,
    constraint ck_health_probe_status check (status in ('PROBE'))
);
