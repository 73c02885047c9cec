-- Duplicates a person would not expect (issue 11, item 7).

-- One open isolation case per person and type. As with deployment.holder_id, active_person_id is the
-- person while the case is open (ACTIVE or EXTENDED) and null once it has ended, so a plain unique
-- constraint holds on any database (H2 has no partial indexes) and under concurrency.
alter table isolation_case add column active_person_id bigint references person (id);
-- cases opened twice before this rule: the first stays the person's open case of its type; the
-- later ones stay open (nothing is closed behind a cadre's back) but outside the constraint
update isolation_case c set active_person_id = person_id
where status in ('ACTIVE', 'EXTENDED')
  and not exists (select 1 from isolation_case o
                  where o.person_id = c.person_id and o.case_type = c.case_type
                    and o.status in ('ACTIVE', 'EXTENDED') and o.id < c.id);
alter table isolation_case add constraint uq_isolation_case_active unique (active_person_id, case_type);

-- One return per person and day: a repeat of the same return is the same row. Returns registered
-- twice before this rule keep their first row.
delete from person_return r
where exists (select 1 from person_return o
              where o.person_id = r.person_id and o.returned_on = r.returned_on and o.id < r.id);
alter table person_return add constraint uq_person_return_day unique (person_id, returned_on);

-- Idempotency-Key on POST /api/v1/**: the first answer to a key, replayed for 24 hours to a repeat
-- of the same request by the same account. status is null while the first request still runs;
-- fingerprint is the SHA-256 of method, path, query and body, set with the answer.
create table idempotent_request (
    username         varchar(50)   not null,
    idempotency_key  varchar(100)  not null,
    fingerprint      varchar(64),
    status           integer,
    content_type     varchar(200),
    location         varchar(1000),
    body             bytea,
    created_at       timestamp with time zone not null,
    constraint pk_idempotent_request primary key (username, idempotency_key)
);
create index ix_idempotent_request_created on idempotent_request (created_at);
