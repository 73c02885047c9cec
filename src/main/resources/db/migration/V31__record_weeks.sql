-- owner: record
-- Issue 14: the organisation department's home shows, under a region, the cadres without any record
-- entry this week (ADR 39). Counted, not scanned: a person's weeks with at least one entry (ISO
-- weeks in Asia/Shanghai, by their Monday), written when the week's first entry arrives, and per
-- region path (every ancestor of the cadre's own) and week the number of cadres with an entry. The
-- home subtracts it from the region's maintained count of cadres. V32 fills both from the entries
-- already recorded.
create table record_person_week (
    person_id   bigint  not null,
    week_start  date    not null,
    constraint pk_record_person_week primary key (person_id, week_start)
);

create table record_week_tally (
    path        varchar(200) not null,
    week_start  date         not null,
    cadres      bigint       not null,
    constraint pk_record_week_tally primary key (path, week_start)
);
