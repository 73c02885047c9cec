-- owner: screening
-- Issue 13, ingestion (ADR 36), after V24: the key from a visit's resident rows to the visit cost
-- 13 ms of a 500-visit batch's 36 ms insert (a probe of the visit's random uuid key and a lock on
-- the visit row per resident row). Only VisitWriter writes both tables, the resident rows right
-- after their visits in the same transaction, and nothing deletes visits; the recount reads them.
alter table screening_visit_resident drop constraint if exists screening_visit_resident_visit_id_fkey;
alter table screening_visit_resident drop constraint if exists "CONSTRAINT_35";
