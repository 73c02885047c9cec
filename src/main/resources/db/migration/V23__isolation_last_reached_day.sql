-- owner: isolation
-- The overdue list (issue 4, kept by issue 13): a case is overdue on a day when no contact reached
-- its person on that day. last_reached_day is the latest business day on which a contact reached the
-- person (max(business_day) of its reached contacts, null before the first), kept by every writer of
-- isolation_contact. A contact arriving late for an earlier day leaves it as it is, so a day is
-- reached when last_reached_day equals it, not when it is later: for those cases (the lists of past
-- days) the contacts of the day are still asked (Cases.overdueCondition). The count of the city's
-- list then reads isolation_case alone instead of a hashed NOT IN of the day's contacts.
alter table isolation_case add column last_reached_day date;
update isolation_case c set last_reached_day = (
    select max(k.business_day) from isolation_contact k where k.case_id = c.id and k.reached)
where exists (select 1 from isolation_contact k where k.case_id = c.id and k.reached);
-- The cases under a region with all the overdue list asks of them, in the list's order (path, id):
-- its count and the ids of its page are read from this index alone (index-only once vacuumed), the
-- page stopping after its rows. It replaces (path, status), which on tables never analysed the
-- planner preferred as the smaller index and then read every case's row for a page of 50.
drop index ix_isolation_case_path;
create index ix_isolation_case_path_open on isolation_case (path, id, status, last_reached_day, start_date, end_date);
