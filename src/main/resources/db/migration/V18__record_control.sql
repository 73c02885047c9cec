-- One row that coordinates who writes the record (ADR 20): a drainer's batch holds it (others,
-- on any instance, skip while it is held), a rebuild holds it until it commits (drainers wait
-- instead of racing it), and `paused` stops every drainer until resumed (the queue keeps filling).
create table record_control (
    id         integer      not null primary key,
    paused     boolean      not null default false,
    paused_by  varchar(50),
    paused_at  timestamp with time zone,
    constraint ck_record_control_one check (id = 1)
);
insert into record_control (id, paused) values (1, false);
