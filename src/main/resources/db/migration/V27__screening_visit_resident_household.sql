-- owner: screening
-- Issue 13, ingestion (ADR 36): a visit's resident rows were keyed by (visit_id, person_id). The
-- visit id is the client's random uuid, so a 500-visit batch inserted its 1,500 rows into 1,500
-- random leaf pages of an index larger than the buffer cache (each page read, dirtied and, after a
-- checkpoint, logged whole): 14 of a batch's 60 ms of statements. Led by the household, the rows of
-- a batch (households of one area, numbered together) land on a few neighbouring pages. The key stays
-- unique per visit and person (a visit has one household), and the recount, which reads a latest
-- visit's residents, knows the household too.
alter table screening_visit_resident add column household_id bigint;
update screening_visit_resident set household_id = (
    select v.household_id from screening_visit v where v.visit_id = screening_visit_resident.visit_id);
alter table screening_visit_resident alter column household_id set not null;
alter table screening_visit_resident drop constraint pk_screening_visit_resident;
alter table screening_visit_resident add constraint pk_screening_visit_resident
    primary key (household_id, visit_id, person_id);
